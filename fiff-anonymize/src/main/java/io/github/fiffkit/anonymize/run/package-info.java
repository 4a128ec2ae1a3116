/**
 * The run model shared by every front-end (the command line, the desktop window, the Spark job): the options a
 * user chooses ({@link io.github.fiffkit.anonymize.run.RunOptions}), the one set of checks that says which of them
 * cannot go together, the one reader of {@code DDMMYYYY} days ({@link io.github.fiffkit.anonymize.run.DayMonthYear})
 * and the one rule for options that only make sense for a single recording. A front-end parses its input, hands
 * the options to {@code RunOptions}, shows its {@link io.github.fiffkit.anonymize.run.OptionMessage}s in its own
 * words for the options, and gets its {@link io.github.fiffkit.anonymize.Anonymizer} from it.
 *
 * <p>This package sits on top of the others: it uses the root package, {@code policy}, {@code policyfile} and
 * {@code actions}, and nothing else in the library uses it.
 */
package io.github.fiffkit.anonymize.run;
