/**
 * The entry points: {@link io.github.fiffkit.anonymize.Anonymizer} (made by its builder, immutable and
 * thread-safe) anonymizes, plans and verifies files; {@link io.github.fiffkit.anonymize.SplitRecording} finds the
 * parts of a split recording. What a run returns is in {@code result}, what it applies in {@code policy}.
 */
package io.github.fiffkit.anonymize;
