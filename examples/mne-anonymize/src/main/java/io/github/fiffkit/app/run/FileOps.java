package io.github.fiffkit.app.run;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The file operations of a run besides writing outputs (which the library does): the one place where the
 * command line and the window touch the file system to make folders, sync them, read outputs back, replace or
 * delete inputs and write the report. Tests pass a double to make each of these fail.
 */
public interface FileOps {
    /** The real file system. */
    FileOps SYSTEM = new SystemFileOps();

    /**
     * @param folder a folder to make, with its parents, when missing
     * @throws IOException when it cannot be made
     */
    void createFolders(Path folder) throws IOException;

    /**
     * Syncs a folder that received outputs, so that their moves survive a crash.
     *
     * @param folder the folder
     * @throws IOException when it cannot be synced
     */
    void syncFolder(Path folder) throws IOException;

    /**
     * Reads an output back to the end of its chain: an output that cannot be read cleanly is no reason to delete
     * or replace its original.
     *
     * @param output the output
     * @throws IOException when it cannot be read, or reads with warnings (the message says which)
     */
    void readBack(Path output) throws IOException;

    /**
     * Moves complete outputs onto their inputs, all or nothing (the parts of a split recording).
     *
     * @param outputs the complete outputs
     * @param inputs  the inputs they replace, in the same order
     * @throws IOException when one cannot be moved: every input is then as it was
     */
    void replaceAll(List<Path> outputs, List<Path> inputs) throws IOException;

    /**
     * @param file an input to delete
     * @throws IOException when it cannot be deleted
     */
    void delete(Path file) throws IOException;

    /**
     * @param file the report file to create (or replace)
     * @return the open report
     * @throws IOException when it cannot be created
     */
    ReportFile openReport(Path file) throws IOException;

    /** An open report: JSON Lines, one record at a time. */
    interface ReportFile extends Closeable {
        /**
         * Writes one record and its line end, and hands it to the operating system.
         *
         * @param json the record
         * @throws IOException when it cannot be written
         */
        void writeLine(String json) throws IOException;
    }
}
