package io.github.fiffkit.app.run;

import io.github.fiffkit.anonymize.output.OutputFiles;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.TagHeader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** {@link FileOps} on the real file system. */
final class SystemFileOps implements FileOps {
    @Override
    public void createFolders(Path folder) throws IOException {
        Files.createDirectories(folder);
    }

    @Override
    public void syncFolder(Path folder) throws IOException {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (UnsupportedOperationException e) {
            // some platforms cannot open a folder for syncing; the moves themselves are done
        }
    }

    @Override
    public void readBack(Path output) throws IOException {
        try (FiffReader r = FiffReader.open(output)) {
            for (TagHeader t = r.nextTag(); t != null; t = r.nextTag()) {
                // the chain only
            }
            if (!r.warnings().isEmpty() || !r.isTerminated()) {
                throw new IOException("the reader warns about it");
            }
        }
    }

    @Override
    public void replaceAll(List<Path> outputs, List<Path> inputs) throws IOException {
        OutputFiles.commitAll(OutputFiles.DEFAULT, outputs, inputs);
    }

    @Override
    public void delete(Path file) throws IOException {
        Files.delete(file);
    }

    @Override
    public ReportFile openReport(Path file) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new ReportFile() {
            @Override
            public void writeLine(String json) throws IOException {
                w.write(json);
                w.write('\n');
                w.flush();
            }

            @Override
            public void close() throws IOException {
                w.close();
            }
        };
    }
}
