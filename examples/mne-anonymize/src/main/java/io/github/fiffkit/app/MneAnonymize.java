package io.github.fiffkit.app;

/** The mne_anonymize application. A placeholder until the anonymizer library exists. */
public final class MneAnonymize {
    private MneAnonymize() {
    }

    /**
     * Says that the application is not there yet.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.err.println("mne_anonymize: not implemented yet");
        System.exit(1);
    }
}
