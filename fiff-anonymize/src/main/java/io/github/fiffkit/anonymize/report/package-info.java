/**
 * Reports: results written as JSON or JSON Lines ({@link io.github.fiffkit.anonymize.report.Report},
 * {@link io.github.fiffkit.anonymize.report.ReportWriter}), with the policy's name and hash.
 */
package io.github.fiffkit.anonymize.report;
