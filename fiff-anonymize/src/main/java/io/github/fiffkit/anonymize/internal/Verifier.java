package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.anonymize.result.VerifyResult.Check;
import io.github.fiffkit.anonymize.result.VerifyResult;
import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.TagHeader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a file against a policy, alone or with its original. Alone: a dry run of the policy as
 * {@link VerifyRules} turns it, which passes when it would change no tag. With the original: the same, plus the
 * leak check of {@link Engine#compare}, which runs the policy on the original as a dry run to learn every value it
 * changes and searches the file for them. Each result says which checks ran and what they cannot see. Nothing is
 * written. Immutable and thread-safe.
 */
public final class Verifier {
    /** What the policy replay alone cannot see. */
    static final List<String> REPLAY_LIMITS = List.of(
            "free text is not searched without the original: a name in a comment, an annotation description or the"
                    + " acquisition parameters passes when the policy keeps that tag (verify against the original"
                    + " to search for it)",
            "the replay is as strong as the policy: a tag the policy keeps passes, whatever it holds",
            "results the policy cannot reproduce from the file (dates moved by an offset, keyed hashes, pseudonyms,"
                    + " custom actions) pass when well formed: without the original it cannot be told which values"
                    + " they replaced");
    /** What the leak check against the original cannot see. */
    static final List<String> ORIGINAL_LIMITS = List.of(
            "only the values that the policy changes in the original are searched: personal data that the original"
                    + " holds only in tags the policy keeps is unknown to the check",
            "each text value is searched as a whole, as a word, ignoring case, read as Latin-1 and as UTF-8 (a value"
                    + " 'Dr A. Smith' is not found as 'Smith' alone); values shorter than 4 characters are not"
                    + " searched (see notChecked)",
            "numbers are searched only as machine ids, times and birthdays in ID, date and birthday tags; text tags"
                    + " over 4 MiB, bulk data and tags outside the chain are not read");

    private final Policy policy;
    private final Engine replay;
    private final Engine original;
    private final io.github.fiffkit.core.FiffLimits limits;

    /**
     * @param policy   the policy as the anonymizer applies it
     * @param settings the anonymizer's engine settings (the replay replaces the policy, rules, leak check and
     *                 directory)
     */
    public Verifier(Policy policy, Engine.Settings settings) {
        this.policy = policy;
        Policy checked = VerifyRules.policy(policy);
        this.replay = new Engine(new Engine.Settings(checked, VerifyRules.rules(checked), settings.recordOldValues(),
                false, false, settings.limits(), settings.files(), settings.ruleValueLimit()), false);
        this.original = new Engine(settings, false);
        this.limits = settings.limits();
    }

    /**
     * @param input the file to check
     * @return every tag the policy would still change
     * @throws IOException as a dry run does
     */
    public VerifyResult replay(Path input) throws IOException {
        Engine.Opener opener = limits -> FiffReader.open(input, limits);
        FileFacts facts = replay.scan(opener, input.toString());
        PendingOutput p = replay.run(opener, input.toString(), null, false, facts, Engine.Recording.SINGLE);
        AnonymizationResult r = p.result();
        List<TagChange> findings = new ArrayList<>();
        for (TagChange c : r.changes()) {
            if (!"structure".equals(c.origin())) {
                findings.add(c);
            }
        }
        return new VerifyResult(input.toString(), null, policy.name(), findings, List.of(), List.of(),
                List.of(Check.POLICY_REPLAY), REPLAY_LIMITS, r.warnings());
    }

    /**
     * Checks the parts of a recording against their originals, paired in order: the originals are read as one
     * recording (the first part's measurement date, the file names of the references mapped to the outputs'), as
     * the anonymizer read them.
     *
     * @param outputs   the files to check
     * @param originals their originals, in the same order
     * @return one result per pair
     * @throws IOException when an original or an output cannot be read, or the policy cannot be applied
     */
    public List<VerifyResult> againstOriginals(List<Path> outputs, List<Path> originals) throws IOException {
        List<FileFacts> facts = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < originals.size(); i++) {
            Path in = originals.get(i);
            facts.add(original.scan(limits -> FiffReader.open(in, limits), in.toString()));
            names.put(in.getFileName().toString(), outputs.get(i).getFileName().toString());
        }
        Engine.Recording rec = new Engine.Recording(facts.get(0).measurementDate(), Engine.names(names),
                original.subjectShift(facts, originals.get(0).toString()));
        List<VerifyResult> results = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Path in = originals.get(i);
            Path out = outputs.get(i);
            VerifyResult r = replay(out);
            Engine.Comparison c = original.compare(limits -> FiffReader.open(in, limits), in.toString(), facts.get(i),
                    rec, out);
            List<TagChange> findings = new ArrayList<>(r.findings());
            if (c.perSubject() || c.birthdayPerSubject()) {
                findings.addAll(shiftFindings(out, c));
            }
            List<String> warnings = new ArrayList<>(r.warnings());
            for (String w : c.warnings()) {
                warnings.add("the original: " + w);
            }
            results.add(new VerifyResult(out.toString(), in.toString(), policy.name(), findings, c.hits(),
                    c.notChecked(), List.of(Check.POLICY_REPLAY, Check.LEAK_CHECK), ORIGINAL_LIMITS, warnings));
        }
        return results;
    }

    /**
     * Checks that an output's measurement dates (and birthday, when it moves per subject) are the original's moved
     * by the subject's own offset (found again from the original's subject key and the secret): each such tag of
     * the output against what the policy makes of the same tag of the original, in file order. A finding names the
     * output's tag where it is and holds the value it should have, never the original's nor the offset.
     */
    private List<TagChange> shiftFindings(Path out, Engine.Comparison c) throws IOException {
        List<TagChange> wrong = new ArrayList<>();
        for (int kind : List.of(FiffKind.MEAS_DATE, FiffKind.SUBJ_BIRTH_DAY)) {
            boolean checked = kind == FiffKind.MEAS_DATE ? c.perSubject() : c.birthdayPerSubject();
            if (!checked) {
                continue;
            }
            List<TagChange> expected = c.expectedDates().stream().filter(e -> e.kind() == kind).toList();
            List<TagChange> actual = dates(out, kind);
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                TagChange e = expected.get(i);
                TagChange a = actual.get(i);
                if (e.newValue() != null && !e.newValue().equals(a.newValue())) {
                    String field = kind == FiffKind.MEAS_DATE ? "dates.measurement" : "dates.birthday";
                    wrong.add(new TagChange(a.position(), kind, a.blockPath(), VerifyResult.WRONG_SHIFT,
                            field + " (per subject): not moved by the subject's own offset", null, e.newValue()));
                }
            }
        }
        return wrong;
    }

    /** The tags of one kind in a file, where they are and their values as changes show them. */
    private List<TagChange> dates(Path file, int kind) throws IOException {
        List<TagChange> found = new ArrayList<>();
        try (FiffReader r = FiffReader.open(file, limits)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                if (t.kind() == kind) {
                    found.add(new TagChange(t.position(), kind, r.blockPath(), "", "", null,
                            TagPass.display(kind, t.type(), r.readData())));
                }
            }
        }
        return found;
    }

}
