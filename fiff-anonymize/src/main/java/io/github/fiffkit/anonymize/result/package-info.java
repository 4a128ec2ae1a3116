/**
 * What a run returns: {@link io.github.fiffkit.anonymize.result.AnonymizationResult} with its
 * {@link io.github.fiffkit.anonymize.result.TagChange}s and {@link io.github.fiffkit.anonymize.result.LeakHit}s,
 * {@link io.github.fiffkit.anonymize.result.VerifyResult}, and the exception for an unreadable input.
 */
package io.github.fiffkit.anonymize.result;
