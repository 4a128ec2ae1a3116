/**
 * The built-in actions ({@link io.github.fiffkit.anonymize.actions.Actions}) and the presets
 * ({@link io.github.fiffkit.anonymize.actions.Preset}) built from them.
 */
package io.github.fiffkit.anonymize.actions;
