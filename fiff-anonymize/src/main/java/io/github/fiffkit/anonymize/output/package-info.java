/**
 * Where outputs go: {@link io.github.fiffkit.anonymize.output.OutputFiles} (temporary file, force, atomic
 * move) and {@link io.github.fiffkit.anonymize.output.BatchOutputFiles}. Replace them to write elsewhere or to
 * inject failures in tests.
 */
package io.github.fiffkit.anonymize.output;
