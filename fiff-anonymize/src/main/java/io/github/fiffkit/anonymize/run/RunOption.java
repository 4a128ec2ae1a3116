package io.github.fiffkit.anonymize.run;

import java.util.List;
import java.util.function.Function;

/**
 * The options of a run, as a user knows them: each with its command-line names (the first is the one messages
 * use by default) and a label for a form such as the desktop window. {@link OptionMessage} names options through
 * these, so each front-end can say them in its own words.
 */
public enum RunOption {
    /** {@code --preset}: the rules to apply when no policy file is given. */
    PRESET("Preset", "--preset"),
    /** {@code --policy}: a JSON policy file. */
    POLICY("Policy file", "--policy"),
    /** {@code --secret-env}: the environment variable that holds the keyed-hash secret. */
    SECRET_ENV("Secret variable", "--secret-env"),
    /** {@code --secret-file}: the file that holds the keyed-hash secret. */
    SECRET_FILE("Secret file", "--secret-file"),
    /** {@code --key-file}: the study's key file, a row per recording with the subject's date offset. */
    KEY_FILE("Key file", "--key-file"),
    /** {@code -b}: also weight, height, sex, handedness and the project. */
    BRUTE("Brute", "-b", "--brute"),
    /** {@code --mne_environment}: also the MNE working directory and command line. */
    MNE_ENVIRONMENT("MNE environment", "--mne_environment"),
    /** {@code --keep-his}: keep the HIS id, sex and handedness. */
    KEEP_HIS("Keep hospital ID", "--keep-his"),
    /** {@code --drop-head-shape}: remove the extra head-shape points. */
    DROP_HEAD_SHAPE("Drop head shape", "--drop-head-shape"),
    /** {@code --his}: the hospital id to write. */
    HIS_ID("Hospital ID", "--his"),
    /** {@code --md}: a fixed measurement date. */
    MEASUREMENT_DATE("Measurement date", "--md", "--measurement_date"),
    /** {@code --mdo}: days to move every measurement date. */
    MEASUREMENT_DATE_OFFSET("Measurement date offset", "--mdo", "--measurement_date_offset"),
    /** {@code --sb}: a fixed birthday. */
    SUBJECT_BIRTHDAY("Birthday", "--sb", "--subject_birthday"),
    /** {@code --sbo}: days to move the birthday. */
    SUBJECT_BIRTHDAY_OFFSET("Birthday offset", "--sbo", "--subject_birthday_offset"),
    /** {@code --no-leak-check}: do not search the outputs for the original values. */
    NO_LEAK_CHECK("No leak check", "--no-leak-check"),
    /** {@code -d}: delete each input once its output is written and read back. */
    DELETE_INPUTS("Delete inputs", "-d", "--delete_input_file_after", "--delete_input_file"),
    /** {@code --dry-run}: say what would change, write nothing. */
    DRY_RUN("Dry run", "--dry-run");

    /** Names every option by its first command-line name ({@code --md}, {@code -b}, ...). */
    public static final Function<RunOption, String> COMMAND_LINE = RunOption::commandLineName;

    /** Names every option by its label ({@code Measurement date}, ...), as a form shows it. */
    public static final Function<RunOption, String> LABELS = RunOption::label;

    private final String label;
    private final List<String> commandLineNames;

    RunOption(String label, String... commandLineNames) {
        this.label = label;
        this.commandLineNames = List.of(commandLineNames);
    }

    /** @return the name messages use on a command line, e.g. {@code --md} */
    public String commandLineName() {
        return commandLineNames.get(0);
    }

    /** @return every command-line spelling of the option, the short or usual one first */
    public List<String> commandLineNames() {
        return commandLineNames;
    }

    /** @return the option's name in a form, e.g. {@code Measurement date} */
    public String label() {
        return label;
    }
}
