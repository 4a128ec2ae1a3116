/**
 * JSON policy files: {@link io.github.fiffkit.anonymize.policyfile.PolicyFiles} reads one with the standard
 * loader; {@link io.github.fiffkit.anonymize.policyfile.PolicyLoader} configures custom actions and secret sources;
 * every mistake of a file is reported at once in a
 * {@link io.github.fiffkit.anonymize.policyfile.PolicyFileException}.
 *
 * <p>Inside, one class per concept (none of them public): {@code LocatedJson} reads the text into values that
 * know their line and column, and {@code JsonSyntax} says what is wrong with broken JSON; {@code Vocabulary} holds
 * the keys and actions of the format (a new key starts there and in the JSON Schema); {@code PolicyReading} reads
 * the policy object, with {@code OptionsAndDates}, {@code RuleReader}, {@code Values} (days, dates, instants, FIFF
 * codes), {@code Secrets} ({@code env:} and {@code file:}), {@code PseudonymTable} and {@code CoverageCheck} (what
 * a policy that extends {@code "none"} leaves of the seed table); {@code Problems} collects the mistakes and
 * {@code Suggestions} offers the "did you mean".
 */
package io.github.fiffkit.anonymize.policyfile;
