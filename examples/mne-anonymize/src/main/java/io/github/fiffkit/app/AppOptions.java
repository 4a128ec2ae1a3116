package io.github.fiffkit.app;

import io.github.fiffkit.anonymize.Anonymizer;
import io.github.fiffkit.anonymize.AnonymizerBuilder;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policyfile.PolicyLoader;
import io.github.fiffkit.anonymize.actions.Preset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a user chose for one run of {@code mne_anonymize}, whether on the command line or (later) in the
 * desktop window: both build their {@link Anonymizer} and their run from this one immutable value.
 *
 * @param inputs                  the files and folders to anonymize ({@code -i}), in the order given
 * @param output                  {@code -o}: an output file for one recording, or a folder; {@code null} for the
 *                                default names next to each input
 * @param verbose                 {@code -v}: one line per changed field, old value and new value
 * @param silent                  {@code -s}: only errors and questions
 * @param deleteInput             {@code -d}: delete each input once its output is complete and checked
 * @param avoidDeleteConfirmation {@code -f}: do not ask before deleting or replacing an input
 * @param brute                   {@code -b}: also weight, height, sex, handedness and the project fields
 * @param mneEnvironment          {@code --mne_environment}: also the MNE working directory and command line
 * @param measurementDate         {@code --md}: a fixed measurement date, or {@code null}
 * @param measurementDateOffset   {@code --mdo}: days to subtract from every date, or {@code null}
 * @param subjectBirthday         {@code --sb}: a fixed birthday, or {@code null}
 * @param subjectBirthdayOffset   {@code --sbo}: days to subtract from the birthday, or {@code null}
 * @param hisId                   {@code --his}: the hospital id to write, or {@code null} for the preset's
 * @param preset                  {@code --preset}: the preset (not used when a policy file is given)
 * @param noGui                   {@code --no-gui}: run on the command line
 * @param jobs                    {@code --jobs}: how many files to anonymize at once
 * @param leakCheck               search each output for the original values (off with {@code --no-leak-check})
 * @param policy                  {@code --policy}: a JSON policy file, or {@code null} for the preset
 * @param secretEnv               {@code --secret-env}: the environment variable holding the keyed-hash secret
 * @param secretFile              {@code --secret-file}: the file holding the keyed-hash secret
 * @param report                  {@code --report}: the JSON Lines report to write, or {@code null}
 * @param dryRun                  {@code --dry-run}: say what would change, write nothing
 * @param verify                  {@code --verify}: files and folders to check instead of anonymizing (empty: none)
 * @param keepHis                 {@code --keep-his}: keep the HIS id, sex and handedness (MNE-Python's keep_his)
 * @param dropHeadShape           {@code --drop-head-shape}: remove the extra head-shape digitizer points
 */
public record AppOptions(List<Path> inputs, Path output, boolean verbose, boolean silent, boolean deleteInput,
        boolean avoidDeleteConfirmation, boolean brute, boolean mneEnvironment, LocalDate measurementDate,
        Integer measurementDateOffset, LocalDate subjectBirthday, Integer subjectBirthdayOffset, String hisId,
        Preset preset, boolean noGui, int jobs, boolean leakCheck, Path policy, String secretEnv, Path secretFile,
        Path report, boolean dryRun, List<Path> verify, boolean keepHis, boolean dropHeadShape) {

    /** The seed's date format for {@code --md} and {@code --sb}. */
    public static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("ddMMuuuu");

    /** Copies the lists; a missing preset is the default one (a policy file, when given, takes its place). */
    public AppOptions {
        inputs = List.copyOf(inputs);
        verify = verify == null ? List.of() : List.copyOf(verify);
        preset = preset == null ? Preset.MNE_ANONYMIZE : preset;
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more, not " + jobs);
        }
    }

    /**
     * The options of the seed and the batch runs, without a policy file, report, dry run or verify.
     *
     * @param inputs                  the files and folders to anonymize
     * @param output                  the output file or folder, or {@code null}
     * @param verbose                 {@code -v}
     * @param silent                  {@code -s}
     * @param deleteInput             {@code -d}
     * @param avoidDeleteConfirmation {@code -f}
     * @param brute                   {@code -b}
     * @param mneEnvironment          {@code --mne_environment}
     * @param measurementDate         {@code --md}, or {@code null}
     * @param measurementDateOffset   {@code --mdo}, or {@code null}
     * @param subjectBirthday         {@code --sb}, or {@code null}
     * @param subjectBirthdayOffset   {@code --sbo}, or {@code null}
     * @param hisId                   {@code --his}, or {@code null}
     * @param preset                  {@code --preset}, or {@code null} for the default
     * @param noGui                   {@code --no-gui}
     * @param jobs                    {@code --jobs}
     * @param leakCheck               the leak check
     */
    public AppOptions(List<Path> inputs, Path output, boolean verbose, boolean silent, boolean deleteInput,
            boolean avoidDeleteConfirmation, boolean brute, boolean mneEnvironment, LocalDate measurementDate,
            Integer measurementDateOffset, LocalDate subjectBirthday, Integer subjectBirthdayOffset, String hisId,
            Preset preset, boolean noGui, int jobs, boolean leakCheck) {
        this(inputs, output, verbose, silent, deleteInput, avoidDeleteConfirmation, brute, mneEnvironment,
                measurementDate, measurementDateOffset, subjectBirthday, subjectBirthdayOffset, hisId, preset, noGui,
                jobs, leakCheck, null, null, null, null, false, List.of(), false, false);
    }

    /**
     * The options without {@code --keep-his} and {@code --drop-head-shape}.
     *
     * @param inputs                  the files and folders to anonymize
     * @param output                  the output file or folder, or {@code null}
     * @param verbose                 {@code -v}
     * @param silent                  {@code -s}
     * @param deleteInput             {@code -d}
     * @param avoidDeleteConfirmation {@code -f}
     * @param brute                   {@code -b}
     * @param mneEnvironment          {@code --mne_environment}
     * @param measurementDate         {@code --md}, or {@code null}
     * @param measurementDateOffset   {@code --mdo}, or {@code null}
     * @param subjectBirthday         {@code --sb}, or {@code null}
     * @param subjectBirthdayOffset   {@code --sbo}, or {@code null}
     * @param hisId                   {@code --his}, or {@code null}
     * @param preset                  {@code --preset}, or {@code null} for the default
     * @param noGui                   {@code --no-gui}
     * @param jobs                    {@code --jobs}
     * @param leakCheck               the leak check
     * @param policy                  {@code --policy}, or {@code null}
     * @param secretEnv               {@code --secret-env}, or {@code null}
     * @param secretFile              {@code --secret-file}, or {@code null}
     * @param report                  {@code --report}, or {@code null}
     * @param dryRun                  {@code --dry-run}
     * @param verify                  {@code --verify} files and folders
     */
    public AppOptions(List<Path> inputs, Path output, boolean verbose, boolean silent, boolean deleteInput,
            boolean avoidDeleteConfirmation, boolean brute, boolean mneEnvironment, LocalDate measurementDate,
            Integer measurementDateOffset, LocalDate subjectBirthday, Integer subjectBirthdayOffset, String hisId,
            Preset preset, boolean noGui, int jobs, boolean leakCheck, Path policy, String secretEnv, Path secretFile,
            Path report, boolean dryRun, List<Path> verify) {
        this(inputs, output, verbose, silent, deleteInput, avoidDeleteConfirmation, brute, mneEnvironment,
                measurementDate, measurementDateOffset, subjectBirthday, subjectBirthdayOffset, hisId, preset, noGui,
                jobs, leakCheck, policy, secretEnv, secretFile, report, dryRun, verify, false, false);
    }

    /**
     * The options of a run without any choice made: the seed's defaults, leak check on.
     *
     * @param inputs the files and folders to anonymize
     * @return the options
     */
    public static AppOptions defaults(List<Path> inputs) {
        return new AppOptions(inputs, null, false, false, false, false, false, false, null, null, null, null, null,
                Preset.MNE_ANONYMIZE, false, Runtime.getRuntime().availableProcessors(), true, null, null, null, null,
                false, List.of(), false, false);
    }

    /**
     * Options that cannot go together, whatever the files: each problem as one sentence. The command line
     * turns them into a usage error (status 1); a window shows them next to its fields.
     *
     * @return the problems, empty when none
     */
    public List<String> conflicts() {
        List<String> problems = new ArrayList<>();
        if (!verify.isEmpty()) {
            if (!inputs.isEmpty() || output != null || deleteInput || dryRun) {
                problems.add("--verify checks files that are already anonymized; it goes with neither -i, -o, -d"
                        + " nor --dry-run");
            }
        } else if (inputs.isEmpty()) {
            problems.add("no input file: give one with -i FILE");
        }
        if (secretEnv != null && secretFile != null) {
            problems.add("--secret-env and --secret-file exclude each other");
        }
        if ((secretEnv != null || secretFile != null) && policy == null) {
            problems.add("--secret-env and --secret-file give the secret of a policy file's keyed hashes: they need"
                    + " --policy");
        }
        if (dryRun && deleteInput) {
            problems.add("--dry-run writes nothing, so -d has nothing to wait for");
        }
        if (verbose && silent) {
            problems.add("--verbose and --silent exclude each other");
        }
        if (measurementDate != null && measurementDateOffset != null) {
            problems.add("--md (a measurement date) and --mdo (a measurement date offset) exclude each other");
        }
        if (subjectBirthday != null && subjectBirthdayOffset != null) {
            problems.add("--sb (a birthday) and --sbo (a birthday offset) exclude each other");
        }
        return problems;
    }

    /**
     * Options that the seed allows for one recording only, for a run of several: {@code --md}, {@code --sb} and
     * {@code --his} would give every recording the same date or id.
     *
     * @param recordings how many recordings the run has
     * @return the problem, or {@code null} when there is none
     */
    public String singleRecordingProblem(int recordings) {
        if (recordings <= 1) {
            return null;
        }
        List<String> given = new ArrayList<>();
        if (measurementDate != null) {
            given.add("--md");
        }
        if (subjectBirthday != null) {
            given.add("--sb");
        }
        if (hisId != null) {
            given.add("--his");
        }
        if (given.isEmpty()) {
            return null;
        }
        return String.join(", ", given) + (given.size() == 1 ? " is" : " are") + " allowed for one recording only"
                + " (this run has " + recordings + "): every recording would get the same date or hospital id,"
                + " and the intervals between recordings would be lost; use --mdo and --sbo to move every date by"
                + " the same number of days";
    }

    /**
     * The options as the verbose header shows them; no value is PHI.
     *
     * @return one line
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(policy != null ? "policy " + policy : "preset " + preset.id());
        parts.add("brute " + (brute ? "on" : "off"));
        parts.add("mne_environment " + (mneEnvironment ? "on" : "off"));
        if (keepHis) {
            parts.add("keep his");
        }
        if (dropHeadShape) {
            parts.add("drop head shape");
        }
        if (measurementDate != null) {
            parts.add("measurement date " + measurementDate);
        } else if (measurementDateOffset != null) {
            parts.add("measurement date offset " + measurementDateOffset + " days");
        } else {
            parts.add("measurement date: the preset's");
        }
        if (subjectBirthday != null) {
            parts.add("birthday " + subjectBirthday);
        } else if (subjectBirthdayOffset != null) {
            parts.add("birthday offset " + subjectBirthdayOffset + " days");
        } else {
            parts.add("birthday: the preset's");
        }
        parts.add("his " + (hisId != null ? "'" + hisId + "'" : "the preset's"));
        parts.add("leak check " + (leakCheck ? "on" : "off"));
        parts.add("delete input " + (deleteInput ? (avoidDeleteConfirmation ? "yes, without asking" : "after asking")
                : "no"));
        parts.add("jobs " + jobs);
        if (dryRun) {
            parts.add("dry run");
        }
        if (report != null) {
            parts.add("report " + report);
        }
        return String.join(", ", parts);
    }

    /**
     * Builds the anonymizer these options describe: the preset or the policy file, overridden by every option the
     * user gave.
     *
     * @return the anonymizer, shared by every file of the run
     * @throws io.github.fiffkit.anonymize.policyfile.PolicyFileException listing every problem of the policy file
     * @throws java.io.IOException when the policy file, its tables or its secret cannot be read
     */
    public Anonymizer anonymizer() throws java.io.IOException {
        AnonymizerBuilder b = Anonymizer.builder();
        if (policy != null) {
            PolicyLoader loader = PolicyLoader.standard();
            if (secretEnv != null) {
                loader = loader.withSecretFromEnvironment(secretEnv);
            }
            if (secretFile != null) {
                loader = loader.withSecretFromFile(secretFile);
            }
            b.policy(loader.load(policy));
        } else {
            b.preset(Objects.requireNonNull(preset));
        }
        if (brute) {
            b.brute(true);
        }
        if (mneEnvironment) {
            b.mneEnvironment(true);
        }
        if (keepHis) {
            b.keepHis(true);
        }
        if (dropHeadShape) {
            b.dropHeadShape(true);
        }
        if (hisId != null) {
            b.hisId(hisId);
        }
        if (measurementDate != null) {
            b.measurementDate(measurementDate);
        } else if (measurementDateOffset != null) {
            b.measurementDateOffsetDays(measurementDateOffset);
        }
        if (subjectBirthday != null) {
            b.subjectBirthday(subjectBirthday);
        } else if (subjectBirthdayOffset != null) {
            b.subjectBirthdayOffsetDays(subjectBirthdayOffset);
        }
        return b.leakCheck(leakCheck && !dryRun).recordOldValues(verbose).digests(report != null).build();
    }
}
