package io.github.fiffkit.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.app.run.FileOps;
import io.github.fiffkit.core.FiffReader;
import io.github.fiffkit.core.TagHeader;
import io.github.fiffkit.testkit.Folders;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.AdditionalAnswers;

/** The window's logic, without a display. */
class GuiModelTest {
    static final Path SAMPLE = Path.of("sample/sample_raw.fif");
    static final String SAMPLE_HIS = "NIC-1984-0229-AL";

    @TempDir
    Path dir;

    private Path copy(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.copy(SAMPLE, p);
    }

    @Test
    void nothingChosenIsAProblem() throws IOException {
        GuiModel m = new GuiModel();
        assertEquals(List.of("Choose at least one input file."), m.problems());
        assertThrows(IllegalStateException.class, m::job);
    }

    @Test
    void badValuesAreNamedByTheirFieldAsTheRunModelReadsThem() throws IOException {
        GuiModel m = new GuiModel();
        m.addInputs(List.of(copy("a_raw.fif")));
        m.setMeasurementDate("31022020");
        m.setMeasurementDateOffset("ten");
        m.setSubjectBirthday("01011990");
        m.setSubjectBirthdayOffset("-3");
        assertEquals(List.of("Measurement date: '31022020' is no day of the calendar (DDMMYYYY, e.g. 01012000).",
                "Measurement date offset: 'ten' is not a whole number of days, e.g. 35 or -35."), m.problems());
        m.setMeasurementDate("01012050");
        m.setMeasurementDateOffset("");
        assertEquals(List.of("Measurement date: '01012050' is outside the times a FIFF file can hold: give a day from"
                + " 14121901 to 19012038 (DDMMYYYY)."), m.problems());
        m.setMeasurementDate("01012000");
        assertEquals(List.of("Birthday (a birthday) and Birthday offset (a birthday offset) exclude each other."),
                m.problems(), "the run model's conflicts, with the window's names");
        m.setSubjectBirthdayOffset("");
        m.setSubjectBirthday("02022001");
        assertEquals(List.of(), m.problems());
        assertEquals(List.of("Birthday 02022001 is after Measurement date 01012000: the subject would be born after"
                + " the measurement."), m.warnings());
    }

    @Test
    void keepHisWithANewHisIsRefusedInTheWindowToo() throws IOException {
        Path a = copy("a_raw.fif");
        io.github.fiffkit.app.run.AppOptions o = new io.github.fiffkit.app.run.AppOptions(List.of(a), null, false,
                false, false, false, 1, null, List.of(),
                io.github.fiffkit.anonymize.run.RunOptions.builder().keepHis(true).build());
        GuiModel m = GuiModel.from(o);
        assertEquals(List.of(), m.problems());
        m.setHis("NEW");
        assertEquals(List.of("Keep hospital ID keeps the original hospital id and Hospital ID writes a new one: they"
                + " exclude each other; give one of them."), m.problems());
        assertThrows(IllegalStateException.class, m::job);
    }

    @Test
    void fixedValuesAreForOneRecordingOnly() throws IOException {
        GuiModel m = new GuiModel();
        m.addInputs(List.of(copy("a_raw.fif"), copy("b_raw.fif")));
        m.setMeasurementDateOffset("-100");
        assertEquals(List.of(), m.problems());
        m.setHis("X1");
        assertEquals(1, m.problems().size());
        assertTrue(m.problems().get(0).startsWith("Hospital ID is allowed for one recording only (this run has 2)"),
                m.problems()::toString);
    }

    @Test
    void outputNamesFollowTheCommandLine() throws IOException {
        Path a = copy("in/a_raw.fif");
        Path b = copy("in/b_raw.fif.gz");
        GuiModel m = new GuiModel();
        m.addInputs(List.of(a));
        assertEquals(List.of(a.toAbsolutePath().getParent().resolve("a_raw_anonymized.fif")), m.outputs());
        m.setOutput(dir.resolve("x.fif").toString());
        assertEquals(List.of(dir.resolve("x.fif")), m.outputs());
        m.addInputs(List.of(b));
        Path out = dir.resolve("out");
        m.setOutput(out + File.separator);
        assertEquals(List.of(out.resolve("a_raw.fif"), out.resolve("b_raw.fif.gz")), m.outputs());
        m.setOutput("");
        assertEquals(b.toAbsolutePath().getParent().resolve("b_raw_anonymized.fif.gz"), m.outputs().get(1));
    }

    @Test
    void severalInputsAndAnOutputNamedLikeAFileAreRefusedAsOnTheCommandLine() throws IOException {
        GuiModel m = new GuiModel();
        m.addInputs(List.of(copy("a_raw.fif"), copy("b_raw.fif")));
        String out = dir.resolve("out.fif").toString();
        m.setOutput(out);
        assertEquals(List.of("The output " + out + ": several inputs need an output folder: give an existing folder,"
                + " or end the name with " + File.separator + " to have it created."), m.problems());
        assertThrows(IllegalStateException.class, m::job, "nothing runs");
        assertEquals(Arrays.asList(null, null), m.outputs(), "no output is planned into a made-up folder");
        assertFalse(Files.exists(dir.resolve("out.fif")));

        Files.createDirectory(dir.resolve("out.fif"));
        assertEquals(List.of(), m.problems(), "an existing folder is fine, whatever its name");
        assertEquals(List.of(dir.resolve("out.fif/a_raw.fif"), dir.resolve("out.fif/b_raw.fif")), m.outputs());
    }

    @Test
    void oneInputAndAMissingFolderNameWithASeparatorWritesIntoThatFolder() throws IOException {
        GuiModel m = new GuiModel();
        m.addInputs(List.of(copy("a_raw.fif")));
        Path newdir = dir.resolve("newdir");
        m.setOutput(newdir + File.separator);
        assertEquals(List.of(), m.problems());
        assertEquals(List.of(newdir.resolve("a_raw.fif")), m.outputs());
        List<GuiJob.Outcome> done = m.job().run((d, t, last) -> { }, () -> false);
        assertNull(done.get(0).error(), done.get(0).error());
        assertTrue(Files.isDirectory(newdir), "the folder is made");
        assertTrue(Files.isRegularFile(newdir.resolve("a_raw.fif")), "the output is written inside it");

        Path file = dir.resolve("file.fif");
        Files.writeString(file, "not a folder");
        m.setOutput(file + File.separator);
        assertEquals(List.of("The output " + file + File.separator + ": exists and is not a folder."),
                m.problems());
    }

    @Test
    void aPolicyThatLeavesPersonalDataIsAmongTheWindowsWarnings() throws IOException {
        GuiModel m = new GuiModel();
        m.addInputs(List.of(copy("a_raw.fif")));
        assertEquals(List.of(), m.warnings(), "the default preset covers the seed table");
        Path policy = dir.resolve("keep.json");
        Files.writeString(policy, "{\"fiffPolicy\": 1, \"extends\": \"mne-anonymize\","
                + " \"rules\": [{\"tag\": \"FIFF_EXPERIMENTER\", \"action\": \"keep\"}]}");
        m.setPolicy(policy.toString());
        assertEquals(List.of(), m.problems());
        assertEquals(List.of("the policy " + policy + " leaves 1 tag that usually holds personal data unchanged:"
                + " FIFF_EXPERIMENTER."), m.warnings());
    }

    @Test
    void aFolderAddsItsFiffFilesButNotOurOutputs() throws IOException {
        Path a = copy("tree/a_raw.fif");
        Path b = copy("tree/sub/b_raw.fiff");
        copy("tree/a_raw_anonymized.fif");
        Files.writeString(dir.resolve("tree/notes.txt"), "x");
        GuiModel m = new GuiModel();
        m.addInputs(List.of(dir.resolve("tree"), a));
        assertEquals(List.of(a, b), m.inputs());
    }

    @Test
    void readShowsEachChangeWithItsValueNowAndAfterAndWritesNothing() throws IOException {
        Path a = copy("a_raw.fif");
        GuiModel m = new GuiModel();
        m.addInputs(List.of(a));
        List<GuiModel.Row> rows = m.read();
        GuiModel.Row his = rows.stream().filter(r -> r.field().equals("FIFF_SUBJ_HIS_ID")).findFirst().orElseThrow();
        assertEquals("a_raw.fif", his.file());
        assertTrue(his.current().contains(SAMPLE_HIS), his::toString);
        assertEquals("mne_anonymize", his.after().replace("\"", ""));
        assertFalse(Files.exists(m.outputs().get(0)));
        assertEquals(List.of("a_raw.fif"), Folders.listing(dir), "nothing but the input in the folder");

        m.setHis("STUDY-7");
        GuiModel.Row his2 = m.read().stream().filter(r -> r.field().equals("FIFF_SUBJ_HIS_ID")).findFirst()
                .orElseThrow();
        assertEquals("STUDY-7", his2.after().replace("\"", ""));
    }

    @Test
    void theJobWritesAValidOutputWithoutThePhi() throws IOException {
        Path a = copy("a_raw.fif");
        byte[] before = Files.readAllBytes(a);
        GuiModel m = new GuiModel();
        m.addInputs(List.of(a));
        m.setBrute(true);
        m.setPreset(Preset.MNE_ANONYMIZE);
        List<int[]> progress = new ArrayList<>();
        List<GuiJob.Outcome> done = m.job().run((d, t, last) -> progress.add(new int[] {d, t}), () -> false);
        assertEquals(1, done.size());
        GuiJob.Outcome o = done.get(0);
        assertNull(o.error());
        assertTrue(o.ok());
        assertArrayEquals(new int[] {1, 1}, progress.get(0));
        Path out = o.outputs().get(0);
        String bytes = new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains(SAMPLE_HIS));
        assertArrayEquals(before, Files.readAllBytes(a), "input unchanged");
        int tags = 0;
        try (FiffReader r = FiffReader.open(out)) {
            for (TagHeader h = r.nextTag(); h != null; h = r.nextTag()) {
                tags++;
            }
        }
        assertTrue(tags > 10);
    }

    @Test
    void theWindowNeverWritesOntoAPipeEither() throws Exception {
        Path a = copy("a_raw.fif");
        Path pipe = dir.resolve("pipe.fif");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", pipe.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no mkfifo here: " + e.getMessage());
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo failed");
        GuiModel m = new GuiModel();
        m.addInputs(List.of(a));
        m.setOutput(pipe.toString());
        List<GuiJob.Outcome> done = m.job().run((d, t, last) -> { }, () -> false);
        assertNotNull(done.get(0).error());
        assertTrue(done.get(0).error().contains("is not a regular file or folder"), done.get(0).error());
        assertTrue(Files.readAttributes(pipe, java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther(), "still the pipe");
    }

    @Test
    void aBadFileIsReportedAndTheOthersGoOn() throws IOException {
        Path bad = dir.resolve("bad_raw.fif");
        Files.writeString(bad, "this is not a FIFF file at all");
        Path good = copy("good_raw.fif");
        GuiModel m = new GuiModel();
        m.addInputs(List.of(bad, good));
        m.setDeleteInput(true);
        GuiJob job = m.job();
        List<GuiJob.Outcome> done = job.run((d, t, last) -> { }, () -> false);
        assertEquals(2, done.size());
        assertNotNull(done.get(0).error());
        assertTrue(done.get(0).error().contains("bad_raw.fif"), done.get(0).error());
        assertTrue(done.get(0).outputs().isEmpty());
        assertFalse(Files.exists(dir.resolve("bad_raw_anonymized.fif")));
        assertTrue(done.get(1).ok());
        assertEquals(List.of(), job.deleteInputs(done.subList(0, 1)).deleted(), "a failed input is never deleted");
        assertTrue(Files.exists(bad));
    }

    @Test
    void cancellingStopsBeforeTheNextFile() throws IOException {
        GuiModel m = new GuiModel();
        m.addInputs(List.of(copy("a_raw.fif"), copy("b_raw.fif"), copy("c_raw.fif")));
        AtomicBoolean cancel = new AtomicBoolean();
        List<GuiJob.Outcome> done = m.job().run((d, t, last) -> cancel.set(true), cancel::get);
        assertEquals(1, done.size());
        assertTrue(Files.exists(dir.resolve("a_raw_anonymized.fif")));
        assertFalse(Files.exists(dir.resolve("b_raw_anonymized.fif")));
        assertFalse(Files.exists(dir.resolve("c_raw_anonymized.fif")));
    }

    @Test
    void anInterruptedWriteLeavesNoOutput() throws Exception {
        GuiModel m = new GuiModel();
        m.addInputs(List.of(copy("a_raw.fif")));
        GuiJob job = m.job();
        List<GuiJob.Outcome> done = new ArrayList<>();
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt();
            // interrupted before the start: nothing runs at all
            done.addAll(job.run((d, n, last) -> { }, () -> false));
        });
        t.start();
        t.join();
        assertEquals(List.of(), done);
        assertFalse(Files.exists(dir.resolve("a_raw_anonymized.fif")));
    }

    @Test
    void deletionTakesOnlyCompleteOutputsReadBackCleanly() throws IOException {
        Path a = copy("a_raw.fif");
        GuiModel m = new GuiModel();
        m.addInputs(List.of(a));
        m.setDeleteInput(true);
        GuiJob job = m.job();
        List<GuiJob.Outcome> done = job.run((d, t, last) -> { }, () -> false);
        assertTrue(done.get(0).deletable(), done::toString);
        assertEquals(List.of(a.toAbsolutePath().normalize()), job.deleteInputs(done).deleted());
        assertFalse(Files.exists(a));
        assertTrue(Files.exists(dir.resolve("a_raw_anonymized.fif")));
    }

    @Test
    void theWindowRefusesToDeleteAnInputWhoseOutputDidNotReadBack() throws IOException {
        Path a = copy("a_raw.fif");
        GuiModel m = new GuiModel();
        m.addInputs(List.of(a));
        m.setDeleteInput(true);
        FileOps files = mock(FileOps.class, AdditionalAnswers.delegatesTo(FileOps.SYSTEM));
        doThrow(new IOException("unexpected end of the chain")).when(files).readBack(any());
        GuiJob job = m.job(files);
        List<GuiJob.Outcome> done = job.run((d, t, last) -> { }, () -> false);
        assertTrue(done.get(0).ok(), "the output is written");
        assertFalse(done.get(0).deletable());
        GuiJob.Deletion deletion = job.deleteInputs(done);
        assertEquals(List.of(), deletion.deleted());
        assertEquals(1, deletion.messages().size(), deletion::toString);
        assertTrue(deletion.messages().get(0).startsWith("not deleting " + a.toAbsolutePath().normalize()
                + ", because its output"), deletion::toString);
        assertTrue(deletion.messages().get(0).contains("cannot be read back cleanly"), deletion::toString);
        assertTrue(Files.exists(a));
        verify(files).readBack(any());
        verify(files, never()).delete(any());
    }

    @Test
    void theWindowDeletesNothingWhenTheOutputFolderCannotBeSynced() throws IOException {
        Path a = copy("a_raw.fif");
        GuiModel m = new GuiModel();
        m.addInputs(List.of(a));
        m.setDeleteInput(true);
        FileOps files = mock(FileOps.class, AdditionalAnswers.delegatesTo(FileOps.SYSTEM));
        doThrow(new IOException("Input/output error")).when(files).syncFolder(any());
        GuiJob job = m.job(files);
        List<GuiJob.Outcome> done = job.run((d, t, last) -> { }, () -> false);
        GuiJob.Deletion deletion = job.deleteInputs(done);
        assertEquals(List.of(), deletion.deleted());
        assertTrue(deletion.messages().get(0).startsWith("No input was deleted: the output folders could not be"
                + " synced"), deletion::toString);
        assertTrue(Files.exists(a));
        verify(files, never()).delete(any());
    }

    @Test
    void withoutTheDeleteBoxNothingIsDeleted() throws IOException {
        Path a = copy("a_raw.fif");
        GuiModel m = new GuiModel();
        m.addInputs(List.of(a));
        GuiJob job = m.job();
        List<GuiJob.Outcome> done = job.run((d, t, last) -> { }, () -> false);
        assertEquals(List.of(), job.deleteInputs(done).deleted());
        assertTrue(Files.exists(a));
    }

    @Test
    void theCommandLinePreFillsTheWindow() throws IOException {
        Path a = copy("a_raw.fif");
        io.github.fiffkit.app.run.AppOptions o = new io.github.fiffkit.app.run.AppOptions(List.of(a),
                dir.resolve("o.fif"), false, false, false, false, 2, null, List.of(),
                io.github.fiffkit.anonymize.run.RunOptions.builder().deleteInputs(true).brute(true)
                        .mneEnvironment(true).measurementDate(LocalDate.of(2001, 2, 3)).subjectBirthdayOffset(-10)
                        .hisId("H1").preset(Preset.STRICT).build());
        GuiModel m = GuiModel.from(o);
        assertEquals(List.of(a), m.inputs());
        assertEquals(dir.resolve("o.fif").toString(), m.output());
        assertEquals(Preset.STRICT, m.preset());
        assertTrue(m.brute() && m.mneEnvironment() && m.deleteInput());
        assertEquals("03022001", m.measurementDate());
        assertEquals("", m.measurementDateOffset());
        assertEquals("", m.subjectBirthday());
        assertEquals("-10", m.subjectBirthdayOffset());
        assertEquals("H1", m.his());
        assertEquals(List.of(), m.problems());
    }

    @Test
    void aPolicyFileDecidesAndItsMistakesAreShownInPlainWords() throws IOException {
        GuiModel m = new GuiModel();
        m.addInputs(List.of(copy("a_raw.fif")));
        assertFalse(m.read().stream().anyMatch(r -> r.field().equals("FIFF_SUBJ_WEIGHT")), "no brute by default");
        m.setPolicy(Path.of("../policies/lab-default.json").toString());
        assertTrue(m.read().stream().anyMatch(r -> r.field().equals("FIFF_SUBJ_WEIGHT")),
                "the lab policy turns brute on");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"fiffPolicy\": 1,\n  \"extends\": \"mne-anonymize\",\n  \"colour\": 3\n}\n");
        m.setPolicy(bad.toString());
        IOException e = assertThrows(IOException.class, m::job);
        assertTrue(e.getMessage().contains("colour") && e.getMessage().contains("4"), e.getMessage());
    }

    @Test
    void anOutputNeverReplacesAnInputOrAnotherOutput() throws IOException {
        Path a = copy("g/a_raw.fif");
        Path b = copy("g/b_raw.fif");
        byte[] before = Files.readAllBytes(a);
        GuiModel m = new GuiModel();
        m.addInputs(List.of(a, b));
        m.setOutput(dir.resolve("g").toString());
        assertEquals(2, m.problems().size(), m.problems()::toString);
        assertTrue(m.problems().get(0).startsWith("The output of " + a.toAbsolutePath() + " would replace the input"),
                m.problems()::toString);
        assertThrows(IllegalStateException.class, m::job);
        assertArrayEquals(before, Files.readAllBytes(a));

        GuiModel one = new GuiModel();
        one.addInputs(List.of(a));
        one.setOutput(a.toString());
        assertEquals(1, one.problems().size(), one.problems()::toString);

        Path c = copy("h/a_raw.fif");
        GuiModel same = new GuiModel();
        same.addInputs(List.of(a, c));
        same.setOutput(dir.resolve("out") + File.separator);
        assertEquals(List.of("Two inputs would be written to " + dir.resolve("out/a_raw.fif").toAbsolutePath()
                + ": choose an output folder where their names differ, or leave the output empty to write each one"
                + " next to its input."), same.problems());
    }

    @Test
    void aFolderIsMirroredIntoTheOutputFolderAsOnTheCommandLine() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        copy("in/a_raw.fif");
        copy("in/x/a_raw.fif");
        copy("in/x/y/b_raw.fif");
        GuiModel m = new GuiModel();
        m.addInputs(List.of(in));
        Path out = dir.resolve("out");
        m.setOutput(out.toString());
        assertEquals(List.of(), m.problems(), "files of the same name in other subfolders do not collide");
        assertEquals(List.of(out.resolve("a_raw.fif"), out.resolve("x/a_raw.fif"), out.resolve("x/y/b_raw.fif")),
                m.outputs());
        List<GuiJob.Outcome> done = m.job().run((d, t, last) -> { }, () -> false);
        assertEquals(3, done.size());
        assertTrue(done.stream().allMatch(GuiJob.Outcome::ok), done::toString);
        assertEquals(List.of("a_raw.fif", "x/a_raw.fif", "x/y/b_raw.fif"), Folders.tree(out));
    }

    @Test
    void theOutputFolderCannotBeInsideAnInputFolder() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        copy("in/a_raw.fif");
        GuiModel m = new GuiModel();
        m.addInputs(List.of(in));
        m.setOutput(in.resolve("anonymized").toString());
        assertEquals(1, m.problems().size(), m.problems()::toString);
        assertTrue(m.problems().get(0).contains("is inside the input folder"), m.problems()::toString);
    }

    @Test
    void theSplitPartsOfAFolderAreOneRecordingRunOnce() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        io.github.fiffkit.app.TestFiles.split(in, "run_raw.fif", 3);
        io.github.fiffkit.app.TestFiles.small(in.resolve("other_raw.fif"), "g");
        GuiModel m = new GuiModel();
        m.addInputs(List.of(in));
        assertEquals(4, m.inputs().size(), "the list shows every file");
        Path out = dir.resolve("out");
        m.setOutput(out.toString());
        assertEquals(List.of(), m.problems());
        GuiJob job = m.job();
        assertEquals(2, job.inputs().size(), "two recordings: " + job.inputs());
        List<GuiJob.Outcome> done = job.run((d, t, last) -> { }, () -> false);
        assertEquals(2, done.size());
        GuiJob.Outcome run = done.stream().filter(o -> o.outputs().size() == 3).findFirst().orElseThrow();
        assertTrue(run.ok(), run::toString);
        assertEquals(List.of(out.resolve("run_raw.fif"), out.resolve("run_raw-1.fif"), out.resolve("run_raw-2.fif")),
                run.outputs());
        assertEquals(List.of("other_raw.fif", "run_raw-1.fif", "run_raw-2.fif", "run_raw.fif"), Folders.tree(out));
        assertEquals(List.of("run_raw-1.fif"), io.github.fiffkit.app.TestFiles.strings(out.resolve("run_raw.fif"),
                io.github.fiffkit.core.FiffKind.REF_FILE_NAME), "the references name the outputs' parts");
    }

    @Test
    void aSplitRecordingIsOneRecordingForFixedDatesAndGetsMnesPartNamesAfterAnOutputFile() throws IOException {
        List<Path> parts = io.github.fiffkit.app.TestFiles.split(dir, "run_raw.fif", 3);
        GuiModel m = new GuiModel();
        m.addInputs(List.of(parts.get(1)));
        m.setMeasurementDate("01012000");
        m.setHis("H1");
        Path out = dir.resolve("anon_raw.fif");
        m.setOutput(out.toString());
        assertEquals(List.of(), m.problems(), "one recording: a fixed date is allowed");
        List<GuiJob.Outcome> done = m.job().run((d, t, last) -> { }, () -> false);
        assertEquals(1, done.size());
        assertTrue(done.get(0).ok(), done.get(0)::toString);
        assertEquals(List.of(out, dir.resolve("anon_raw-1.fif"), dir.resolve("anon_raw-2.fif")), done.get(0).outputs());
        for (Path o : done.get(0).outputs()) {
            assertTrue(Files.isRegularFile(o), o::toString);
        }
        m.addInputs(List.of(io.github.fiffkit.app.TestFiles.small(dir.resolve("other_raw.fif"), "g")));
        m.setOutput("");
        assertTrue(m.problems().get(0).startsWith("Measurement date, Hospital ID are allowed for one recording only"),
                m.problems()::toString);
    }

    private static List<String> filesUnder(Path root) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p) + (Files.isDirectory(p) ? "/" : " " + p.toFile().length()))
                    .sorted().toList();
        }
    }

    private static List<String> dryRunTemporaries() throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("fiffkit-dry-run-")).toList();
        }
    }

    @Test
    void readOfASplitRecordingCountsThePerPartChangesTheRunMakesAndWritesNothing() throws IOException {
        List<Path> parts = io.github.fiffkit.app.TestFiles.split(dir, "run_raw.fif", 3);
        GuiModel m = new GuiModel();
        m.addInputs(List.of(parts.get(0)));
        List<String> before = filesUnder(dir);
        List<String> temporaries = dryRunTemporaries();

        Reading reading = m.reading();
        assertEquals(List.of(), reading.problems());
        assertEquals(before, filesUnder(dir), "Read writes nothing");
        assertEquals(temporaries, dryRunTemporaries(), "and leaves no temporary folder behind");

        java.util.Map<String, Long> read = new java.util.TreeMap<>();
        reading.rows().forEach(r -> read.merge(r.file(), 1L, Long::sum));
        assertTrue(reading.rows().stream().anyMatch(r -> r.field().equals("FIFF_REF_FILE_NAME")),
                "the parts' references to each other are renamed as in the run");

        List<GuiJob.Outcome> done = m.job().run((d, t, last) -> { }, () -> false);
        assertEquals(1, done.size());
        java.util.Map<String, Long> run = new java.util.TreeMap<>();
        for (var r : done.get(0).result().results()) {
            run.put(Path.of(r.input()).getFileName().toString(), (long) r.changes().size());
        }
        assertEquals(3, run.size(), run.toString());
        assertEquals(run, read, "Read's changes per part are the run's");
        assertEquals(List.of(), reading.leaks());
    }

    @Test
    void readReportsTheLeakHitsOfTheRun() throws IOException {
        Path in = io.github.fiffkit.app.TestFiles.small(dir.resolve("a_raw.fif"),
                "patient " + io.github.fiffkit.app.TestFiles.LAST + " gain 2");
        Path out = dir.resolve("a_anon.fif");
        GuiModel m = new GuiModel();
        m.addInputs(List.of(in));
        m.setOutput(out.toString());
        Reading reading = m.reading();
        assertFalse(Files.exists(out), "Read writes nothing");
        assertFalse(reading.leaks().isEmpty(), reading.toString());
        List<GuiJob.Outcome> done = m.job().run((d, t, last) -> { }, () -> false);
        assertTrue(done.get(0).leaks());
        long hits = done.get(0).result().results().stream().mapToLong(r -> r.leaks().size()).sum();
        assertEquals(hits, reading.leaks().size(), "the run's leak hits, one line each");
        assertFalse(String.join("\n", reading.leaks()).contains(io.github.fiffkit.app.TestFiles.LAST),
                "no original value in the lines");
    }
}
