package io.github.fiffkit.anonymize.policy;

import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.TagHeader;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** What an action knows when it decides the fate of one tag. */
public interface ActionContext {
    /** @return the tag header as found in the input */
    TagHeader tag();

    /** @return the blocks around the tag */
    BlockPath blockPath();

    /** @return the input's name, for messages */
    String source();

    /** @return the tag's data (a copy) */
    byte[] data();

    /** @return the tag's data decoded as text ({@link io.github.fiffkit.core.TagData#string(byte[])}) */
    String text();

    /** @return the options of the policy being applied */
    PolicyOptions options();

    /** @return the measurement date of the recording (MNE's choice), when it has one */
    Optional<FiffTime> measurementDate();

    /**
     * Applies the policy's measurement date model to a time (an ID's time or a {@code FIFF_MEAS_DATE}).
     *
     * @param original the time found in the file
     * @return the new time; MNE's "no date" marker stays as it is
     * @throws PolicyException when the result leaves the 32-bit range of FIFF time
     */
    FiffTime moveTime(FiffTime original) throws PolicyException;

    /**
     * Applies the policy's birthday model to a Julian day number.
     *
     * @param julianDay the birthday found in the file
     * @return the new Julian day, or empty when the policy removes the birthday
     * @throws PolicyException when the result does not fit in 32 bits
     */
    OptionalInt moveBirthday(int julianDay) throws PolicyException;

    /** @return the PHI text values known from the file's structured tags (names, HIS id, ...), for scrubbing */
    Set<String> knownPhi();

    /**
     * The new name of a file named in a reference ({@code FIFF_REF_FILE_NAME}): the output name of that part when
     * the recording is anonymized together, else its base name without directories.
     *
     * @param referencedName the name as found in the file
     * @return the name to write
     */
    String referenceName(String referencedName);

    /**
     * Records a warning for the report (and the application's output).
     *
     * @param message what was unusual
     */
    void warn(String message);

    /**
     * Makes an exception that names this tag.
     *
     * @param detail what cannot be done
     * @return the exception, to throw
     */
    PolicyException fail(String detail);
}
