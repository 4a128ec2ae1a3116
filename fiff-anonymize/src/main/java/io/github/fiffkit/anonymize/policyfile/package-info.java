/**
 * JSON policy files: {@link io.github.fiffkit.anonymize.policyfile.PolicyFiles} reads one with the standard
 * loader; {@link io.github.fiffkit.anonymize.policyfile.PolicyLoader} configures custom actions and secret sources;
 * every mistake of a file is reported at once in a
 * {@link io.github.fiffkit.anonymize.policyfile.PolicyFileException}.
 */
package io.github.fiffkit.anonymize.policyfile;
