/**
 * The policy model: a {@link io.github.fiffkit.anonymize.policy.Policy} is an ordered list of
 * {@link io.github.fiffkit.anonymize.policy.Rule}s (a {@link io.github.fiffkit.anonymize.policy.Selector} and a
 * {@link io.github.fiffkit.anonymize.policy.TagAction}), what happens to unmatched tags, options and a date model.
 * Implement {@code TagAction} here for a custom action. Depends on nothing else of the library.
 */
package io.github.fiffkit.anonymize.policy;
