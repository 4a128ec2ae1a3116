/**
 * Short programs that show the FiffKit library API, each a {@code main} to run and read. Every one of them is
 * compiled and run by a test of this module ({@code ExamplesTest}) on the bundled sample recording
 * {@code examples/mne-anonymize/sample/sample_raw.fif}, whose personal data is invented.
 */
package io.github.fiffkit.examples;
