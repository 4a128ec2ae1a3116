/**
 * The engine (pre-scan, tag pass, leak check, write-back). Not exported: application code should not need
 * this package, and it may change in any release.
 */
package io.github.fiffkit.anonymize.internal;
