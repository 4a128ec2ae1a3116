package io.github.fiffkit.app.dump;

import io.github.fiffkit.app.Version;
import io.github.fiffkit.core.DirEntry;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.FiffWarning;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * {@code fiff-dump}: prints the chain of tags of FIFF files, as an indented block tree for people or as JSON
 * Lines for programs.
 *
 * <pre>
 * fiff-dump sample_raw.fif
 * fiff-dump --json sample_raw.fif.gz | jq 'select(.kind == 403)'
 * fiff-dump --json run1_raw.fif run2_raw.fif | jq -r '[.file, .pos] | @tsv'
 * </pre>
 *
 * <p>Several files are dumped one after the other, in the order given. In the tree each file starts with its own
 * first line ({@code # FILE: N bytes}), and an empty line separates one file from the next; in JSON Lines every
 * object then starts with a {@code file} member. A file that cannot be read does not stop the others.
 *
 * <p>Exit statuses: 0 success, 1 usage error, 2 a file cannot be read or is not valid FIFF (one line on
 * standard error names the file, the offset and the problem), 3 the output cannot be written; with several files,
 * the status of the first failure. A reader that stops reading early ({@code fiff-dump x.fif | head}) is no
 * failure: the dump stops quietly with status 0.
 *
 * <p>Slightly longer than the project's ~400 lines: the command with its options, the tree printer and the
 * closed-pipe and several-files handling; the JSON form is in {@link TagJson}.
 */
@Command(name = "fiff-dump", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        exitCodeOnInvalidInput = FiffDump.USAGE, exitCodeOnExecutionException = FiffDump.BAD_INPUT,
        description = "Prints the tags of FIFF (.fif or .fif.gz) files in the order of their chain: an indented"
                + " block tree with tag offsets, names, types, sizes and short decoded values, or with --json one"
                + " JSON object per line. Tags that the chain skips (hidden tags) are not printed. Several files"
                + " are dumped one after the other: in the tree an empty line separates them, each starting with"
                + " its name; in JSON Lines each object then names its file (\"file\").",
        footer = {"", "Exit status: 0 success, 1 usage error, 2 a file cannot be read or is not valid FIFF, 3 the"
                + " output cannot be written; with several files, the status of the first that failed (the others"
                + " are still dumped). A reader that stops early (| head) is no error: the dump stops, status 0."
                + " Reader warnings go to standard error as 'warning: ...'."})
public final class FiffDump implements Callable<Integer> {
    static final int OK = 0;
    static final int USAGE = 1;
    static final int BAD_INPUT = 2;
    static final int OUTPUT_FAILED = 3;

    /** Longest decoded value the tree shows on one line. */
    private static final int TREE_VALUE_CHARS = 120;
    /** How many tags go by between checks that the output still accepts text. */
    private static final int OUTPUT_CHECK_INTERVAL = 256;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "the FIFF files; gzip-compressed files are recognised")
    private List<Path> files;

    @Option(names = "--json", description = "print JSON Lines: one object per tag, in chain order")
    private boolean json;

    @Option(names = "--max-value", paramLabel = "BYTES", defaultValue = "256",
            description = "decode and show the values of tags up to this many bytes (default: ${DEFAULT-VALUE}; "
                    + "0 shows none)")
    private int maxValue;

    @Spec
    private CommandSpec spec;

    /**
     * Runs the tool and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // Our own stream on file descriptor 1, not System.out: PrintStream hides write errors, and a full disk
        // must show in the exit status and on standard error.
        Charset cs = Charset.defaultCharset();
        FailureRecorder stdout = new FailureRecorder(new FileOutputStream(FileDescriptor.out));
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, cs), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, cs), true);
        int status = run(args, out, err);
        if (stdout.isClosedPipe()) {
            // the reader has all it wanted (| head): not an error, and nothing to say
            status = status == OUTPUT_FAILED ? OK : status;
        } else if (status == OUTPUT_FAILED || stdout.hasFailed()) {
            err.println("fiff-dump: cannot write the output: " + stdout.failure());
            status = status == OK ? OUTPUT_FAILED : status;
        }
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the tool on given output streams, for embedding and tests. When writing to {@code out} fails
     * ({@link PrintWriter#checkError()}), the dump stops, files not yet dumped included, and the status is 3
     * (unless an earlier file failed), without a message: only the owner of the stream knows why it failed, and
     * whether that is an error at all (a pipe its reader closed is none).
     *
     * @param args the command line
     * @param out  standard output
     * @param err  standard error
     * @return the exit status
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new FiffDump());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, ignored) -> {
            // the problem, the synopsis and where to read more; the full help only on --help
            CommandLine c = ex.getCommandLine();
            c.getErr().println("fiff-dump: " + ex.getMessage());
            UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().print(c.getHelp().fullSynopsis());
            c.getErr().println("Try 'fiff-dump --help' for more information.");
            return c.getCommandSpec().exitCodeOnInvalidInput();
        });
        int status = cmd.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxValue < 0) {
            throw new ParameterException(spec.commandLine(), "--max-value must be 0 or more, not " + maxValue);
        }
        int status = OK;
        try (Printer printer = json ? new JsonPrinter(out, files.size() > 1) : new TreePrinter(out)) {
            for (Path file : files) {
                int result = dump(file, printer, out, err);
                if (result == OUTPUT_FAILED) {
                    return status == OK ? OUTPUT_FAILED : status; // nowhere to write the other files to
                }
                status = status == OK ? result : status;
            }
        } catch (IOException e) {
            // making or closing the JSON generator of a PrintWriter: only a bug makes that throw
            throw new UncheckedIOException(e);
        }
        return status;
    }

    /** Dumps one file; returns its status ({@link #OUTPUT_FAILED} when the output failed and dumping must stop). */
    private int dump(Path file, Printer printer, PrintWriter out, PrintWriter err) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            return fail(out, err, name + ": is a directory, not a FIFF file");
        }
        try (FiffReader reader = FiffReader.open(file)) {
            printer.start(reader);
            int warned = 0;
            long tags = 0;
            // a huge --max-value must not turn the reader's memory limit into an error about the file
            int decodeUpTo = Math.min(maxValue, reader.limits().maxValueSize());
            for (TagHeader tag = reader.nextTag(); tag != null; tag = reader.nextTag()) {
                byte[] data = tag.size() <= decodeUpTo ? reader.readData() : null;
                printer.tag(tag, reader, data);
                warned = warn(out, err, reader, warned);
                if (++tags % OUTPUT_CHECK_INTERVAL == 0 && out.checkError()) {
                    return OUTPUT_FAILED; // a pipe that was closed early (| head) or a full disk: stop reading
                }
            }
            printer.end(reader);
            warn(out, err, reader, warned);
        } catch (FiffFormatException e) {
            return fail(out, err, e.getMessage());
        } catch (NoSuchFileException e) {
            return fail(out, err, name + ": no such file");
        } catch (AccessDeniedException e) {
            return fail(out, err, name + ": permission denied");
        } catch (FileSystemException e) {
            return fail(out, err, name + ": " + (e.getReason() != null ? e.getReason() : e.toString()));
        } catch (IOException e) {
            return fail(out, err, name + ": cannot be read: " + e.getMessage());
        }
        return out.checkError() ? OUTPUT_FAILED : OK;
    }

    private static int fail(PrintWriter out, PrintWriter err, String message) {
        out.flush();
        err.println("fiff-dump: " + message);
        return BAD_INPUT;
    }

    /** Prints the reader's warnings from index {@code from} on; returns how many are printed in all. */
    private static int warn(PrintWriter out, PrintWriter err, FiffReader reader, int from) {
        List<FiffWarning> warnings = reader.warnings();
        if (warnings.size() > from) {
            out.flush(); // keep the order of output and warnings on a terminal
            for (FiffWarning w : warnings.subList(from, warnings.size())) {
                err.println("warning: " + reader.name() + ": " + w);
            }
        }
        return warnings.size();
    }

    /**
     * Keeps the first write error of standard output, which {@link PrintWriter} swallows: a reader that closed
     * the pipe early ({@code fiff-dump x.fif | head}) is no error worth a message, a full disk is.
     */
    private static final class FailureRecorder extends FilterOutputStream {
        private IOException failure;

        FailureRecorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        boolean hasFailed() {
            return failure != null;
        }

        String failure() {
            return failure == null ? "unknown error" : failure.getMessage();
        }

        boolean isClosedPipe() {
            return failure != null && failure.getMessage() != null
                    && failure.getMessage().toLowerCase(Locale.ROOT).contains("broken pipe");
        }
    }

    /** Writes the tags of each file in one of the two formats. */
    private interface Printer extends Closeable {
        /** A file is open: anything that comes before its first tag. */
        void start(FiffReader reader);

        void tag(TagHeader tag, FiffReader reader, byte[] data);

        /** The file's chain has ended. */
        void end(FiffReader reader) throws IOException;
    }

    /** JSON Lines: one object per tag ({@link TagJson}), each naming its file when there are several. */
    private static final class JsonPrinter implements Printer {
        private final TagJson lines;
        private final boolean named;
        private String file;

        JsonPrinter(PrintWriter out, boolean named) throws IOException {
            this.lines = new TagJson(out);
            this.named = named;
        }

        @Override
        public void start(FiffReader reader) {
            file = named ? reader.name() : null;
        }

        @Override
        public void tag(TagHeader tag, FiffReader reader, byte[] data) {
            try {
                lines.write(file, tag, reader.blockPath().kinds(), data);
            } catch (IOException e) {
                // a PrintWriter keeps its errors for checkError() and throws none
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void end(FiffReader reader) {
            // nothing: every line stands alone
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }

    /**
     * The block tree: one line per tag, the offset first, indented by block depth.
     *
     * <pre>
     * # sample_raw.fif: 12345 bytes
     *     0 FIFF_FILE_ID (100) FIFFT_ID_STRUCT 20  FiffId[version 1.4, ...]
     *    76 FIFFB_MEAS (100) {
     *   116   FIFF_EXPERIMENTER (212) FIFFT_STRING 9  "Dr. Smith"
     *   141 } FIFFB_MEAS (100)
     * # 5 tags
     * </pre>
     */
    private static final class TreePrinter implements Printer {
        private final PrintWriter out;
        private long files;
        private int width;
        private long count;
        private long chainBytes;

        TreePrinter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void start(FiffReader reader) {
            if (files++ > 0) {
                out.println(); // after the tree of another file
            }
            width = Math.max(1, Long.toString(reader.size()).length());
            count = 0;
            chainBytes = 0;
            out.println("# " + reader.name() + ": " + reader.size() + " bytes"
                    + (reader.isCompressed() ? " uncompressed (gzip)" : ""));
        }

        @Override
        public void tag(TagHeader tag, FiffReader reader, byte[] data) {
            count++;
            chainBytes += TagHeader.SIZE + (long) tag.size();
            int depth = reader.blockPath().depth();
            StringBuilder line = new StringBuilder(100);
            String pos = Long.toString(tag.position());
            line.append(" ".repeat(Math.max(0, width - pos.length()))).append(pos).append(' ');
            if (tag.kind() == FiffKind.BLOCK_START) {
                line.append("  ".repeat(depth - 1)).append(blockLabel(reader.blockPath().innermost())).append(" {");
                next(line, tag);
            } else if (tag.kind() == FiffKind.BLOCK_END) {
                line.append("  ".repeat(depth - 1)).append("} ").append(blockLabel(reader.blockPath().innermost()));
                next(line, tag);
            } else {
                line.append("  ".repeat(depth)).append(label(FiffKind.name(tag.kind()).orElse(null), tag.kind()))
                        .append(' ').append(typeLabel(tag.type())).append(' ').append(tag.size());
                next(line, tag);
                if (data != null && data.length > 0) {
                    line.append("  ").append(printable(TagData.describe(tag.kind(), tag.type(), data,
                            TREE_VALUE_CHARS)));
                }
            }
            out.println(line);
        }

        private static void next(StringBuilder line, TagHeader tag) {
            if (tag.next() != TagHeader.NEXT_SEQUENTIAL) {
                line.append(" next=").append(tag.next());
            }
        }

        @Override
        public void end(FiffReader reader) throws IOException {
            StringBuilder line = new StringBuilder("# ").append(count).append(count == 1 ? " tag" : " tags");
            long hidden = reader.size() - chainBytes;
            if (hidden > 0) {
                line.append("; ").append(hidden).append(hidden == 1 ? " byte is" : " bytes are")
                        .append(" not on the chain");
            }
            Optional<List<DirEntry>> dir = reader.readDirectory();
            if (dir.isPresent()) {
                line.append("; tag directory at offset ").append(reader.directoryPointer()).append(" with ")
                        .append(dir.get().size()).append(" entries");
            }
            out.println(line);
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    private static String label(String name, int number) {
        return (name != null ? name : "?") + " (" + number + ")";
    }

    private static String blockLabel(int blockKind) {
        return label(FiffBlock.name(blockKind).orElse(null), blockKind);
    }

    private static String typeLabel(int type) {
        return FiffType.name(type).orElseGet(() -> "? (" + Integer.toUnsignedString(type) + ")");
    }

    /**
     * Escapes control characters, so that text from a file cannot move the cursor or change a terminal's
     * colours: C0 and C1 controls and DEL become {@code \xNN}.
     */
    static String printable(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c < 0xA0);
            if (control && sb == null) {
                sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (sb != null) {
                if (control) {
                    sb.append(String.format("\\x%02x", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }
}
