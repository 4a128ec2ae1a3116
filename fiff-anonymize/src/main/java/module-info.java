/**
 * Rule-based de-identification and anonymization of FIFF files: policies (ordered rules of selectors and
 * actions), the presets {@code mne-anonymize}, {@code mne-python} and {@code strict}, JSON policy files, the
 * thread-safe {@link io.github.fiffkit.anonymize.Anonymizer} and its reports.
 */
module io.github.fiffkit.anonymize {
    requires transitive io.github.fiffkit.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.github.fiffkit.anonymize;
    exports io.github.fiffkit.anonymize.actions;
    exports io.github.fiffkit.anonymize.output;
    exports io.github.fiffkit.anonymize.policy;
    exports io.github.fiffkit.anonymize.policyfile;
    exports io.github.fiffkit.anonymize.report;
    exports io.github.fiffkit.anonymize.result;
    exports io.github.fiffkit.anonymize.run;
}
