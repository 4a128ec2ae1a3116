package io.github.fiffkit.anonymize.internal;

import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.Dates;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.PolicyException;
import io.github.fiffkit.anonymize.policy.SubjectOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A subject's own date offsets for one recording, found once from the pre-scans of all its parts (each key tag's
 * value from the first part that has it) and shared by every part, so that a split recording never moves apart.
 *
 * @param measurement the measurement date's offset, or null when the policy moves every subject's dates alike
 * @param birthday    the birthday's offset, or null when the policy has no per-subject birthday offset
 */
public record SubjectShifts(SubjectOffset.Shift measurement, SubjectOffset.Shift birthday) {
    /**
     * @param dates a policy's date model
     * @return the tags its subject keys read (none when no date moves per subject)
     */
    static List<Integer> keyTags(Dates dates) {
        List<Integer> tags = new ArrayList<>();
        if (dates.measurement() instanceof MeasurementDate.PerSubject p) {
            tags.addAll(p.offset().keyTags());
        }
        if (dates.birthday() instanceof BirthdayDate.PerSubject p) {
            tags.addAll(p.offset().keyTags());
        }
        return List.copyOf(tags);
    }

    /**
     * @param dates a policy's date model
     * @param facts the parts' pre-scans, in order
     * @param name  the recording's name (its first part) for messages
     * @return the shifts, or {@code null} when no date moves per subject
     * @throws PolicyException when the subject has no offset and the policy names no fallback (never with a value)
     */
    static SubjectShifts of(Dates dates, List<FileFacts> facts, String name) throws PolicyException {
        SubjectOffset m = dates.measurement() instanceof MeasurementDate.PerSubject p ? p.offset() : null;
        SubjectOffset b = dates.birthday() instanceof BirthdayDate.PerSubject p ? p.offset() : null;
        if (m == null && b == null) {
            return null;
        }
        Map<Integer, String> key = new HashMap<>();
        for (FileFacts f : facts) {
            f.subjectKey().forEach(key::putIfAbsent);
        }
        try {
            return new SubjectShifts(m == null ? null : m.resolve(key, "dates.measurement.offsetDays"),
                    b == null ? null : b.resolve(key, "dates.birthday.offsetDays"));
        } catch (PolicyException e) {
            throw new PolicyException(e.getMessage() + "; nothing written", name, -1, null, null);
        }
    }

    /** @return the measurement date's offset of some shifts, or null */
    static SubjectOffset.Shift measurement(SubjectShifts s) {
        return s == null ? null : s.measurement();
    }

    /** @return the birthday's offset of some shifts, or null */
    static SubjectOffset.Shift birthday(SubjectShifts s) {
        return s == null ? null : s.birthday();
    }
}
