package io.github.fiffkit.anonymize.report;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.result.AnonymizationResult;
import io.github.fiffkit.anonymize.result.LeakHit;
import io.github.fiffkit.anonymize.result.TagChange;
import io.github.fiffkit.anonymize.result.VerifyResult;
import io.github.fiffkit.core.BlockPath;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffTime;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Writes the JSON report of a run: one object per file, with the tool and its version, the policy's name and
 * hash, the input and output names (with their SHA-256 when the anonymizer computed digests), warnings, one entry
 * per changed tag (kind and name, block path, action, the rule that decided; the old value only when asked for,
 * since it is PHI) and the leak check's result. Immutable and thread-safe.
 *
 * <pre>{@code
 * Anonymizer a = Anonymizer.builder().policy(PolicyFiles.load(file)).digests(true).leakCheck(true).build();
 * Report report = Report.of(a.policy());
 * String json = report.toJson(a.anonymize(in, out));
 * }</pre>
 *
 * <p>The keys of a record: {@code fiffReport} (the format version, 1), {@code tool} ({@code name},
 * {@code version}), {@code mode} ({@code anonymize}, {@code dryRun}, {@code verify} or {@code failed}),
 * {@code policy} ({@code name}, {@code sha256}), {@code input} and {@code output} ({@code name}, {@code size},
 * {@code sha256}), {@code measurementDate} ({@code after}; {@code before} only with old values), {@code tags}
 * ({@code read}, {@code written}, {@code changed}), {@code warnings}, {@code changes} (each: {@code position},
 * {@code kind}, {@code kindName}, {@code block}, {@code blockNames}, {@code action}, {@code rule},
 * {@code removed}, {@code newValue}, and {@code oldValue} only with old values), {@code leakCheck} ({@code ran},
 * {@code hits}, {@code notChecked}); a verify record has {@code original} ({@code name}, or {@code null} when
 * verified without it), {@code passed}, {@code checks} ({@code policyReplay}, {@code leakCheck}), {@code limits}
 * (what those checks cannot see, in words), {@code warnings}, {@code findings} (as the changes) and
 * {@code leakCheck} instead of the changes and sizes; a failure record has {@code status} and {@code error}.
 */
public final class Report {
    /** The version of the report format. */
    public static final int FORMAT_VERSION = 1;
    /** The tool name written when the caller names none. */
    public static final String DEFAULT_TOOL = "FiffKit";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String policyName;
    private final String policyHash;
    private final boolean oldValues;
    private final String toolName;
    private final String toolVersion;

    private Report(String policyName, String policyHash, boolean oldValues, String toolName, String toolVersion) {
        this.policyName = policyName;
        this.policyHash = policyHash;
        this.oldValues = oldValues;
        this.toolName = toolName;
        this.toolVersion = toolVersion;
    }

    /**
     * @param policy the policy as applied, e.g. {@link io.github.fiffkit.anonymize.Anonymizer#policy()} (its name and hash go in each record)
     * @return a report without old values, naming FiffKit and this library's version
     */
    public static Report of(Policy policy) {
        return new Report(policy.name(), policy.sha256(), false, DEFAULT_TOOL, libraryVersion());
    }

    /**
     * @param on include old values (PHI) where the result has them ({@link io.github.fiffkit.anonymize.AnonymizerBuilder#recordOldValues})
     * @return a copy
     */
    public Report withOldValues(boolean on) {
        return new Report(policyName, policyHash, on, toolName, toolVersion);
    }

    /**
     * @param name    the tool's name, e.g. {@code mne_anonymize}
     * @param version its version
     * @return a copy that names this tool
     */
    public Report withTool(String name, String version) {
        return new Report(policyName, policyHash, oldValues, Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(version, "version"));
    }

    /**
     * One report for one result, without old values.
     *
     * @param result what was done
     * @param policy the policy applied
     * @return one line of JSON
     */
    public static String toJson(AnonymizationResult result, Policy policy) {
        return of(policy).toJson(result);
    }

    /** @return this library's version, from its build ({@code unknown} when run from classes without one) */
    public static String libraryVersion() {
        try (InputStream in = Report.class.getResourceAsStream("fiffkit-anonymize.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    /** @return the policy hash this report writes */
    public String policyHash() {
        return policyHash;
    }

    /**
     * @param result what was done to one file (or planned, for a dry run)
     * @return the report as one line of JSON
     */
    public String toJson(AnonymizationResult result) {
        return write(JSON, record(result));
    }

    /**
     * @param result what was done to one file
     * @return the report as indented JSON
     */
    public String toPrettyJson(AnonymizationResult result) {
        return write(PRETTY, record(result));
    }

    /**
     * @param result what verify found
     * @return the report as one line of JSON
     */
    public String toJson(VerifyResult result) {
        return write(JSON, record(result));
    }

    /**
     * @param result what verify found
     * @return the report as indented JSON
     */
    public String toPrettyJson(VerifyResult result) {
        return write(PRETTY, record(result));
    }

    /**
     * A record for a file that failed, so that a batch report lists every file.
     *
     * @param input   the input's name
     * @param status  the exit status of that file (2, 3 or 7)
     * @param message the error
     * @return one line of JSON
     */
    public String failureJson(String input, int status, String message) {
        Map<String, Object> r = head("failed");
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("name", input);
        r.put("input", in);
        r.put("status", status);
        r.put("error", message);
        return write(JSON, r);
    }

    private Map<String, Object> head(String mode) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("fiffReport", FORMAT_VERSION);
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", toolName);
        tool.put("version", toolVersion);
        r.put("tool", tool);
        r.put("mode", mode);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("name", policyName);
        policy.put("sha256", policyHash);
        r.put("policy", policy);
        return r;
    }

    Map<String, Object> record(AnonymizationResult res) {
        Map<String, Object> r = head(res.dryRun() ? "dryRun" : "anonymize");
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("name", res.input());
        in.put("size", res.inputSize());
        if (res.inputSha256() != null) {
            in.put("sha256", res.inputSha256());
        }
        r.put("input", in);
        if (res.dryRun()) {
            r.put("output", null);
        } else {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", res.output());
            out.put("size", res.outputSize());
            if (res.outputSha256() != null) {
                out.put("sha256", res.outputSha256());
            }
            r.put("output", out);
        }
        Map<String, Object> date = new LinkedHashMap<>();
        if (oldValues) {
            date.put("before", time(res.measurementDate()));
        }
        date.put("after", time(res.newMeasurementDate()));
        r.put("measurementDate", date);
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("read", res.tagsRead());
        tags.put("written", res.tagsWritten());
        tags.put("changed", res.changes().size());
        r.put("tags", tags);
        r.put("warnings", res.warnings());
        r.put("changes", changes(res.changes()));
        r.put("leakCheck", leakCheck(res.leakChecked(), res.leaks(), res.notChecked()));
        return r;
    }

    Map<String, Object> record(VerifyResult res) {
        Map<String, Object> r = head("verify");
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("name", res.input());
        r.put("input", in);
        if (res.original() == null) {
            r.put("original", null);
        } else {
            Map<String, Object> original = new LinkedHashMap<>();
            original.put("name", res.original());
            r.put("original", original);
        }
        r.put("passed", res.passed());
        r.put("checks", res.checks().stream().map(VerifyResult.Check::key).toList());
        r.put("limits", res.limits());
        r.put("warnings", res.warnings());
        r.put("findings", changes(res.findings()));
        r.put("leakCheck", leakCheck(res.leakChecked(), res.leaks(), res.notChecked()));
        return r;
    }

    /** The {@code leakCheck} member of a record: whether the check ran, its hits, what it could not check. */
    private static Map<String, Object> leakCheck(boolean ran, List<LeakHit> leaks, List<String> notChecked) {
        Map<String, Object> leak = new LinkedHashMap<>();
        leak.put("ran", ran);
        leak.put("hits", hits(leaks));
        leak.put("notChecked", notChecked);
        return leak;
    }

    /** The leak check's hits: where each is and which original value it holds, never the value. */
    private static List<Object> hits(List<LeakHit> leaks) {
        List<Object> hits = new ArrayList<>();
        for (LeakHit h : leaks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("position", h.position());
            m.put("kind", h.kind());
            m.put("kindName", io.github.fiffkit.core.FiffKind.describe(h.kind()));
            putBlock(m, h.blockPath());
            m.put("what", h.what());
            m.put("suggestion", h.suggestion());
            hits.add(m);
        }
        return hits;
    }

    private List<Object> changes(List<TagChange> changes) {
        List<Object> out = new ArrayList<>();
        for (TagChange c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("position", c.position());
            m.put("kind", c.kind());
            m.put("kindName", c.kindName());
            putBlock(m, c.blockPath());
            m.put("action", c.action());
            m.put("rule", c.origin());
            m.put("removed", c.removed());
            m.put("newValue", c.newValue());
            if (oldValues && c.oldValue() != null) {
                m.put("oldValue", c.oldValue());
            }
            out.add(m);
        }
        return out;
    }

    private static void putBlock(Map<String, Object> m, BlockPath path) {
        int[] kinds = path == null ? new int[0] : path.kinds();
        List<Integer> numbers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k : kinds) {
            numbers.add(k);
            names.add(FiffBlock.describe(k));
        }
        m.put("block", numbers);
        m.put("blockNames", names);
    }

    private static String time(Optional<FiffTime> t) {
        return t.filter(x -> !x.isNone()).map(x -> x.toInstant().toString()).orElse(null);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report could not be written as JSON", e);
        }
    }
}
