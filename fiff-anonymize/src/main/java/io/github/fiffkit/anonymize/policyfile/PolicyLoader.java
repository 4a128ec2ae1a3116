package io.github.fiffkit.anonymize.policyfile;

import io.github.fiffkit.anonymize.policy.BirthdayDate;
import io.github.fiffkit.anonymize.policy.MeasurementDate;
import io.github.fiffkit.anonymize.policy.PolicyOptions;
import io.github.fiffkit.anonymize.policy.TagAction;

import io.github.fiffkit.anonymize.actions.Actions;
import io.github.fiffkit.anonymize.actions.Preset;
import io.github.fiffkit.anonymize.policy.Dates;
import io.github.fiffkit.anonymize.policy.Policy;
import io.github.fiffkit.anonymize.policy.Rule;
import io.github.fiffkit.anonymize.policy.Selector;
import io.github.fiffkit.anonymize.policy.Unmatched;

import io.github.fiffkit.anonymize.policyfile.LocatedJson.Kind;
import io.github.fiffkit.anonymize.policyfile.LocatedJson.Node;
import io.github.fiffkit.core.FiffBlock;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads JSON policy files ({@code "fiffPolicy": 1}) into {@link Policy} objects. Every problem of a file is
 * reported at once, each with its line, column and field, in a {@link PolicyFileException}. Immutable; each
 * {@code with...} method returns a changed copy.
 *
 * <pre>{@code
 * Policy p = PolicyLoader.standard()
 *         .withSecretFromEnvironment("FIFF_SECRET")   // the run-time secret for keyed hashes
 *         .withCustomAction("upper", myAction)
 *         .load(Path.of("lab-default.json"));
 * }</pre>
 *
 * <p>Secrets for keyed hashes never sit in the policy: a rule names where to find one ({@code "env:NAME"} or
 * {@code "file:PATH"}), or the program supplies one at run time, which then serves every rule (the command line
 * overrides the policy). Pseudonym tables and secret files are found relative to the policy file.
 */
public final class PolicyLoader {
    /** The only version of the format this loader reads. */
    public static final int FORMAT_VERSION = Policy.FORMAT_VERSION;

    /** Where the JSON Schema of the format sits, as a class-path resource of this module. */
    public static final String SCHEMA_RESOURCE = "/io/github/fiffkit/anonymize/policyfile/fiff-policy-1.schema.json";

    /** The largest policy file read, in bytes: anything bigger is not a policy written by hand. */
    public static final long MAX_FILE_SIZE = 16L << 20;

    static final Set<String> TOP_KEYS = new LinkedHashSet<>(List.of("$schema", "fiffPolicy", "name",
            "description", "extends", "options", "dates", "rules", "unmatched"));
    static final Set<String> OPTION_KEYS = new LinkedHashSet<>(List.of("brute", "mneEnvironment", "keepHis",
            "dropHeadShape", "hisId"));
    static final Set<String> DATES_KEYS = new LinkedHashSet<>(List.of("measurement", "birthday"));
    static final Set<String> MEASUREMENT_KEYS = new LinkedHashSet<>(List.of("set", "offsetDays", "landOn", "keep"));
    static final Set<String> BIRTHDAY_KEYS = new LinkedHashSet<>(List.of("set", "offsetDays", "yearOnly",
            "followMeasurement", "keep"));
    static final Set<String> SELECTOR_KEYS = new LinkedHashSet<>(List.of("tag", "inBlock", "underBlock", "type"));
    /** Each action with the parameters it takes; the first listed are required, see {@link #REQUIRED}. */
    static final Map<String, List<String>> ACTIONS = new LinkedHashMap<>();
    static final Map<String, List<String>> REQUIRED = new HashMap<>();
    static final Set<String> RULE_KEYS = new LinkedHashSet<>();

    static {
        action("keep");
        action("remove");
        action("replace", "value!");
        action("setDate", "date!");
        action("shiftDays", "days!");
        action("landOn", "instant!");
        action("measurementDate");
        action("rewriteId");
        action("anonymizedMeasurementDate");
        action("birthday");
        action("yearOnly");
        action("scrub");
        action("referenceFileName");
        action("dropHeadShape");
        action("hash", "secret");
        action("pseudonym", "table!", "missing", "secret");
        action("custom", "name!");
        RULE_KEYS.addAll(SELECTOR_KEYS);
        RULE_KEYS.add("action");
        RULE_KEYS.add("comment");
        for (List<String> params : ACTIONS.values()) {
            RULE_KEYS.addAll(params);
        }
    }

    private static void action(String name, String... params) {
        List<String> all = new ArrayList<>();
        List<String> required = new ArrayList<>();
        for (String p : params) {
            String bare = p.endsWith("!") ? p.substring(0, p.length() - 1) : p;
            all.add(bare);
            if (p.endsWith("!")) {
                required.add(bare);
            }
        }
        ACTIONS.put(name, List.copyOf(all));
        REQUIRED.put(name, List.copyOf(required));
    }

    /**
     * The JSON Schema (draft 2020-12) of the format, for editors and validators. It is also in the jar as
     * {@value #SCHEMA_RESOURCE}.
     *
     * @return the schema's text
     */
    public static String schema() {
        try (java.io.InputStream in = PolicyLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the policy schema is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the policy schema cannot be read", e);
        }
    }

    private final Map<String, TagAction> customActions;
    private final Function<String, String> environment;
    private final String runTimeSecretRef;
    private final Path baseDirectory;

    private PolicyLoader(Map<String, TagAction> customActions, Function<String, String> environment,
            String runTimeSecretRef, Path baseDirectory) {
        this.customActions = Map.copyOf(customActions);
        this.environment = environment;
        this.runTimeSecretRef = runTimeSecretRef;
        this.baseDirectory = baseDirectory;
    }

    /** @return a loader with no custom actions, the process environment and no run-time secret */
    public static PolicyLoader standard() {
        return new PolicyLoader(Map.of(), System::getenv, null, null);
    }

    /**
     * @param name   the name rules use with {@code "action": "custom", "name": ...}
     * @param action the action
     * @return a copy that knows this custom action
     */
    public PolicyLoader withCustomAction(String name, TagAction action) {
        Map<String, TagAction> m = new HashMap<>(customActions);
        m.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(action, "action"));
        return new PolicyLoader(m, environment, runTimeSecretRef, baseDirectory);
    }

    /**
     * @param variables the environment variables {@code env:NAME} secrets are read from (default: the process's)
     * @return a copy that reads them there
     */
    public PolicyLoader withEnvironment(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return new PolicyLoader(customActions, copy::get, runTimeSecretRef, baseDirectory);
    }

    /**
     * The run-time secret for every keyed hash of the policy (and pseudonym tables that hash missing values),
     * in place of the secrets the rules name, as {@code --secret-env} does.
     *
     * @param variable an environment variable holding the secret
     * @return a copy with that secret
     */
    public PolicyLoader withSecretFromEnvironment(String variable) {
        return new PolicyLoader(customActions, environment, "env:" + Objects.requireNonNull(variable, "variable"),
                baseDirectory);
    }

    /**
     * The run-time secret, read from a file (a final line break is not part of it), as {@code --secret-file}
     * does; see {@link #withSecretFromEnvironment(String)}.
     *
     * @param file the file holding the secret
     * @return a copy with that secret
     */
    public PolicyLoader withSecretFromFile(Path file) {
        return new PolicyLoader(customActions, environment,
                "file:" + Objects.requireNonNull(file, "file").toAbsolutePath(), baseDirectory);
    }

    /**
     * @param directory where relative table and secret paths start for policies read from a {@link Reader} or a
     *                  string (default: the working directory); a policy file uses its own folder
     * @return a copy with that base
     */
    public PolicyLoader withBaseDirectory(Path directory) {
        return new PolicyLoader(customActions, environment, runTimeSecretRef,
                Objects.requireNonNull(directory, "directory"));
    }

    /**
     * Reads a policy file; its pseudonym tables and secret files are found relative to its folder.
     *
     * @param file the policy file
     * @return the policy
     * @throws PolicyFileException listing every problem of the file
     * @throws IOException         when the file cannot be read
     */
    public Policy load(Path file) throws IOException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_SIZE) {
                throw new IOException(file + ": " + Files.size(file) + " bytes is too large to be a policy file"
                        + " (at most " + MAX_FILE_SIZE + ")");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": the policy file does not exist", e);
        }
        Path dir = file.toAbsolutePath().getParent();
        String fileName = file.getFileName().toString();
        String defaultName = fileName.toLowerCase(Locale.ROOT).endsWith(".json")
                ? fileName.substring(0, fileName.length() - 5) : fileName;
        return read(new StringReader(new String(bytes, StandardCharsets.UTF_8)), file.toString(), dir, defaultName);
    }

    /**
     * Reads a policy from text.
     *
     * @param reader the JSON text
     * @param source the name to use in messages, e.g. the file name
     * @return the policy
     * @throws PolicyFileException listing every problem
     * @throws IOException         when reading fails
     */
    public Policy load(Reader reader, String source) throws IOException {
        Path dir = baseDirectory != null ? baseDirectory : Path.of("").toAbsolutePath();
        return read(reader, source, dir, source);
    }

    /**
     * @param json   the JSON text
     * @param source the name to use in messages
     * @return the policy
     * @throws PolicyFileException listing every problem
     */
    public Policy parse(String json, String source) throws PolicyFileException {
        try {
            return load(new StringReader(json), source);
        } catch (PolicyFileException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        }
    }

    private Policy read(Reader reader, String source, Path dir, String defaultName) throws IOException {
        LocatedJson json = new LocatedJson();
        Node root;
        try {
            root = json.read(reader);
        } catch (LocatedJson.SyntaxError e) {
            throw new PolicyFileException(source, List.of(new PolicyProblem(source, e.line, e.column, "",
                    e.getMessage())));
        }
        Reading r = new Reading(source, dir);
        for (LocatedJson.Duplicate d : json.duplicates) {
            r.problems.add(new PolicyProblem(source, d.line(), d.column(), d.path().isEmpty() ? d.key()
                    : d.path() + "." + d.key(), "\"" + d.key() + "\" is given twice; keep only one"));
        }
        Policy policy = r.policy(root, defaultName);
        if (!r.problems.isEmpty()) {
            List<PolicyProblem> sorted = new ArrayList<>(r.problems);
            sorted.sort((a, b) -> a.source().equals(b.source())
                    ? a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column())
                    : a.source().equals(source) ? -1 : b.source().equals(source) ? 1 : 0);
            throw new PolicyFileException(source, sorted);
        }
        return policy;
    }

    /** The state of reading one file: its problems. */
    private final class Reading {
        final String source;
        final Path dir;
        final List<PolicyProblem> problems = new ArrayList<>();
        private final Map<String, byte[]> secrets = new HashMap<>();

        Reading(String source, Path dir) {
            this.source = source;
            this.dir = dir;
        }

        void problem(Node at, String field, String message) {
            problems.add(new PolicyProblem(source, at == null ? 0 : at.line, at == null ? 0 : at.column, field,
                    message));
        }

        void keyProblem(Node object, String key, String field, String message) {
            int[] place = object.keyPlaces.get(key);
            problems.add(new PolicyProblem(source, place == null ? object.line : place[0],
                    place == null ? object.column : place[1], field, message));
        }

        boolean expect(Node n, Kind kind, String field, String what) {
            if (n.kind == kind || (kind == Kind.DECIMAL && n.kind == Kind.INTEGER)) {
                return true;
            }
            problem(n, field, what + " must be " + kind.words + ", not " + n.kind.words + " (" + n.shown() + ")");
            return false;
        }

        void unknownKeys(Node object, String path, Set<String> allowed, String where) {
            for (String key : object.fields.keySet()) {
                if (!allowed.contains(key)) {
                    String hint = closest(key, allowed).map(s -> "; did you mean \"" + s + "\"?").orElse(
                            "; the keys allowed here are " + quoteAll(allowed));
                    keyProblem(object, key, join(path, key), "unknown key \"" + key + "\" in " + where + hint);
                }
            }
        }

        Policy policy(Node root, String defaultName) {
            if (root.kind != Kind.OBJECT) {
                problem(root, "", "a policy file must be a JSON object { ... }, not " + root.kind.words);
                return null;
            }
            unknownKeys(root, "", TOP_KEYS, "the policy");
            Node version = root.fields.get("fiffPolicy");
            if (version == null) {
                problem(root, "fiffPolicy", "this is not marked as a FiffKit policy file: add \"fiffPolicy\": 1");
            } else if (expect(version, Kind.INTEGER, "fiffPolicy", "the format version")
                    && !BigInteger.ONE.equals(version.value)) {
                problem(version, "fiffPolicy", "this FiffKit reads version 1 of the policy format, not version "
                        + version.value);
            }
            String name = defaultName;
            Node nameNode = root.fields.get("name");
            if (nameNode != null && expect(nameNode, Kind.TEXT, "name", "the policy's name")) {
                if (nameNode.text().isBlank()) {
                    problem(nameNode, "name", "the policy's name is empty; give it a name for the reports");
                } else {
                    name = nameNode.text();
                }
            }
            Node desc = root.fields.get("description");
            if (desc != null) {
                expect(desc, Kind.TEXT, "description", "the description");
            }
            Node schema = root.fields.get("$schema");
            if (schema != null) {
                expect(schema, Kind.TEXT, "$schema", "the schema reference");
            }
            Preset preset = null;
            Node ext = root.fields.get("extends");
            if (ext != null && expect(ext, Kind.TEXT, "extends", "the preset to extend")) {
                for (Preset p : Preset.values()) {
                    if (p.id().equals(ext.text())) {
                        preset = p;
                    }
                }
                if (preset == null) {
                    List<String> ids = Arrays.stream(Preset.values()).map(Preset::id).toList();
                    String hint = Preset.byId(ext.text()).map(p -> "; write \"" + p.id() + "\"")
                            .orElse("; the presets are " + quoteAll(ids));
                    problem(ext, "extends", "there is no preset named " + ext.shown() + hint);
                }
            }
            PolicyOptions options = preset != null ? preset.defaultOptions() : PolicyOptions.NONE;
            Node opts = root.fields.get("options");
            if (opts != null && expect(opts, Kind.OBJECT, "options", "the options")) {
                options = options(opts, options);
            }
            Dates dates = preset != null ? preset.defaultDates()
                    : new Dates(MeasurementDate.keep(), BirthdayDate.keep());
            Node datesNode = root.fields.get("dates");
            if (datesNode != null && expect(datesNode, Kind.OBJECT, "dates", "the dates")) {
                dates = dates(datesNode, dates);
            }
            Unmatched unmatched = Unmatched.KEEP;
            Node un = root.fields.get("unmatched");
            if (un != null && expect(un, Kind.TEXT, "unmatched", "what happens to unmatched tags")) {
                switch (un.text()) {
                    case "keep" -> unmatched = Unmatched.KEEP;
                    case "remove" -> unmatched = Unmatched.REMOVE;
                    default -> problem(un, "unmatched", "\"unmatched\" is \"keep\" or \"remove\", not " + un.shown());
                }
            }
            Policy.Builder b = Policy.builder(name).extending(preset).options(options).dates(dates)
                    .unmatched(unmatched);
            Node rules = root.fields.get("rules");
            if (rules != null && expect(rules, Kind.ARRAY, "rules", "the rules")) {
                for (int i = 0; i < rules.items.size(); i++) {
                    Rule rule = rule(rules.items.get(i), "rules[" + i + "]", i + 1);
                    if (rule != null) {
                        b.rule(rule);
                    }
                }
            }
            return b.build();
        }

        PolicyOptions options(Node opts, PolicyOptions o) {
            unknownKeys(opts, "options", OPTION_KEYS, "the options");
            for (Map.Entry<String, Node> e : opts.fields.entrySet()) {
                String field = "options." + e.getKey();
                Node v = e.getValue();
                if (e.getKey().equals("hisId")) {
                    if (expect(v, Kind.TEXT, field, "\"hisId\"")) {
                        o = o.withHisId(v.text());
                    }
                    continue;
                }
                if (!OPTION_KEYS.contains(e.getKey()) || !expect(v, Kind.BOOLEAN, field, "\"" + e.getKey() + "\"")) {
                    continue;
                }
                boolean on = (Boolean) v.value;
                o = switch (e.getKey()) {
                    case "brute" -> o.withBrute(on);
                    case "mneEnvironment" -> o.withMneEnvironment(on);
                    case "keepHis" -> o.withKeepHis(on);
                    default -> o.withDropHeadShape(on);
                };
            }
            return o;
        }

        Dates dates(Node node, Dates d) {
            unknownKeys(node, "dates", DATES_KEYS, "the dates");
            Node m = node.fields.get("measurement");
            if (m != null) {
                Map.Entry<String, Node> choice = oneChoice(m, "dates.measurement", MEASUREMENT_KEYS,
                        "the measurement date");
                if (choice != null) {
                    String f = "dates.measurement." + choice.getKey();
                    Node v = choice.getValue();
                    MeasurementDate md = switch (choice.getKey()) {
                        case "set" -> Optional.ofNullable(date(v, f)).map(MeasurementDate::set).orElse(null);
                        case "offsetDays" -> {
                            Integer n = days(v, f);
                            yield n == null ? null : MeasurementDate.offsetDays(n);
                        }
                        case "landOn" -> Optional.ofNullable(instant(v, f)).map(MeasurementDate::landOn).orElse(null);
                        default -> flag(v, f) ? MeasurementDate.keep() : null;
                    };
                    if (md != null) {
                        d = d.withMeasurement(md);
                    }
                }
            }
            Node bd = node.fields.get("birthday");
            if (bd != null) {
                Map.Entry<String, Node> choice = oneChoice(bd, "dates.birthday", BIRTHDAY_KEYS, "the birthday");
                if (choice != null) {
                    String f = "dates.birthday." + choice.getKey();
                    Node v = choice.getValue();
                    BirthdayDate b = switch (choice.getKey()) {
                        case "set" -> Optional.ofNullable(julianDate(v, f)).map(BirthdayDate::set).orElse(null);
                        case "offsetDays" -> {
                            Integer n = days(v, f);
                            yield n == null ? null : BirthdayDate.offsetDays(n);
                        }
                        case "yearOnly" -> flag(v, f) ? BirthdayDate.yearOnly() : null;
                        case "followMeasurement" -> flag(v, f) ? BirthdayDate.followMeasurement() : null;
                        default -> flag(v, f) ? BirthdayDate.keep() : null;
                    };
                    if (b != null) {
                        d = d.withBirthday(b);
                    }
                }
            }
            return d;
        }

        /** An object with exactly one of some keys; returns it, or null after reporting. */
        Map.Entry<String, Node> oneChoice(Node n, String field, Set<String> keys, String what) {
            if (!expect(n, Kind.OBJECT, field, what)) {
                return null;
            }
            unknownKeys(n, field, keys, field);
            List<Map.Entry<String, Node>> known = n.fields.entrySet().stream().filter(e -> keys.contains(e.getKey()))
                    .toList();
            if (known.isEmpty() && !n.fields.isEmpty()) {
                return null; // the unknown keys are reported already
            }
            if (known.size() != 1) {
                problem(n, field, what + " needs exactly one of " + quoteAll(keys) + (known.isEmpty() ? ""
                        : ", not " + known.size() + " (" + quoteAll(known.stream().map(Map.Entry::getKey).toList())
                        + ")"));
                return null;
            }
            return known.get(0);
        }

        boolean flag(Node v, String field) {
            if (!expect(v, Kind.BOOLEAN, field, "\"" + last(field) + "\"")) {
                return false;
            }
            if (!(Boolean) v.value) {
                problem(v, field, "\"" + last(field) + "\": false chooses nothing; write the choice you want instead");
                return false;
            }
            return true;
        }

        LocalDate date(Node v, String field) {
            LocalDate d = julianDate(v, field);
            if (d != null) {
                try {
                    FiffTime.startOf(d);
                } catch (ArithmeticException | DateTimeException e) {
                    problem(v, field, "the date " + v.shown() + " is outside the range of FIFF times"
                            + " (1901-12-14 to 2038-01-18)");
                    return null;
                }
            }
            return d;
        }

        LocalDate julianDate(Node v, String field) {
            if (!expect(v, Kind.TEXT, field, "a date")) {
                return null;
            }
            try {
                if (!v.text().matches("\\d{4}-\\d{2}-\\d{2}")) {
                    throw new DateTimeParseException("form", v.text(), 0);
                }
                return LocalDate.parse(v.text());
            } catch (DateTimeParseException e) {
                problem(v, field, "the date " + v.shown() + " is not a day written as YYYY-MM-DD, e.g. \"2000-01-01\"");
                return null;
            }
        }

        Integer days(Node v, String field) {
            if (!expect(v, Kind.INTEGER, field, "a number of days")) {
                return null;
            }
            BigInteger n = (BigInteger) v.value;
            if (n.bitLength() > 31) {
                problem(v, field, "the number of days " + n + " is far too large");
                return null;
            }
            return n.intValue();
        }

        Instant instant(Node v, String field) {
            if (!expect(v, Kind.TEXT, field, "an instant")) {
                return null;
            }
            Instant i;
            try {
                i = Instant.parse(v.text());
            } catch (DateTimeParseException e) {
                problem(v, field, "the instant " + v.shown() + " is not a UTC time such as \"2000-01-01T00:00:00Z\"");
                return null;
            }
            if (i.getEpochSecond() != (int) i.getEpochSecond()) {
                problem(v, field, "the instant " + v.shown() + " is outside the range of FIFF times"
                        + " (1901-12-13T20:45:52Z to 2038-01-19T03:14:07Z)");
                return null;
            }
            return i;
        }

        Integer code(Node v, String field, String what, Function<String, OptionalInt> lookup,
                Map<String, Integer> all) {
            if (v.kind == Kind.INTEGER) {
                BigInteger n = (BigInteger) v.value;
                if (n.signum() < 0 || n.bitLength() > 31) {
                    problem(v, field, what + " number " + n + " is not a valid code (0 to 2147483647)");
                    return null;
                }
                return n.intValue();
            }
            if (v.kind != Kind.TEXT) {
                problem(v, field, what + " must be a FIFF name (text) or a number, not " + v.kind.words);
                return null;
            }
            String name = v.text().trim();
            if (name.matches("\\d+")) {
                return code(new Node(Kind.INTEGER, new BigInteger(name), v.line, v.column), field, what, lookup,
                        all);
            }
            OptionalInt n = lookup.apply(name);
            if (n.isPresent()) {
                return n.getAsInt();
            }
            String hint = closest(name, all.keySet()).map(s -> "; did you mean \"" + s + "\"?").orElse("");
            problem(v, field, "unknown " + what + " name " + v.shown() + hint);
            return null;
        }

        Rule rule(Node n, String path, int number) {
            if (!expect(n, Kind.OBJECT, path, "a rule")) {
                return null;
            }
            int before = problems.size();
            unknownKeys(n, path, RULE_KEYS, "a rule");
            Selector selector = Selector.any();
            Node tag = n.fields.get("tag");
            if (tag != null) {
                Integer k = code(tag, path + ".tag", "tag", FiffKind::number, FiffKind.all());
                if (k != null) {
                    selector = selector.andKind(k);
                }
            }
            Node in = n.fields.get("inBlock");
            if (in != null) {
                Integer k = code(in, path + ".inBlock", "block", FiffBlock::number, FiffBlock.all());
                if (k != null) {
                    selector = selector.inBlock(k);
                }
            }
            Node under = n.fields.get("underBlock");
            if (under != null) {
                Integer k = code(under, path + ".underBlock", "block", FiffBlock::number, FiffBlock.all());
                if (k != null) {
                    selector = selector.underBlock(k);
                }
            }
            Node type = n.fields.get("type");
            if (type != null) {
                Integer k = code(type, path + ".type", "data type", FiffType::number, FiffType.all());
                if (k != null) {
                    selector = selector.type(k);
                }
            }
            Node a = n.fields.get("action");
            Node comment = n.fields.get("comment");
            if (comment != null) {
                expect(comment, Kind.TEXT, path + ".comment", "a comment");
            }
            if (a == null) {
                problem(n, path + ".action", "the rule has no \"action\"; the actions are " + quoteAll(ACTIONS.keySet()));
                return null;
            }
            if (!expect(a, Kind.TEXT, path + ".action", "the action")) {
                return null;
            }
            String action = a.text();
            List<String> params = ACTIONS.get(action);
            if (params == null) {
                String hint = closest(action, ACTIONS.keySet()).map(s -> "did you mean \"" + s + "\"? ").orElse("");
                problem(a, path + ".action", "unknown action " + a.shown() + "; " + hint + "the actions are "
                        + quoteAll(ACTIONS.keySet()));
                return null;
            }
            for (String key : n.fields.keySet()) {
                if (RULE_KEYS.contains(key) && !SELECTOR_KEYS.contains(key) && !key.equals("action")
                        && !key.equals("comment") && !params.contains(key)) {
                    keyProblem(n, key, path + "." + key, "the action \"" + action + "\" does not take \"" + key + "\""
                            + (params.isEmpty() ? "" : "; it takes " + quoteAll(params)));
                }
            }
            for (String req : REQUIRED.get(action)) {
                if (!n.fields.containsKey(req)) {
                    problem(n, path + "." + req, "the action \"" + action + "\" needs \"" + req + "\"");
                }
            }
            Integer kind = selector.kindOrNull();
            if (action.equals("remove") && kind != null && Policy.STRUCTURAL_KINDS.contains(kind)) {
                problem(a, path + ".action", "a rule may not remove " + FiffKind.describe(kind)
                        + ": the file cannot be read without it");
            }
            TagAction made = makeAction(action, n, path);
            if (made == null || problems.size() != before) {
                return null;
            }
            return new Rule(selector, made, "policy rule " + number);
        }

        TagAction makeAction(String action, Node n, String path) {
            switch (action) {
                case "keep": return Actions.keep();
                case "remove": return Actions.remove();
                case "measurementDate": return Actions.measurementDate();
                case "rewriteId": return Actions.rewriteId();
                case "anonymizedMeasurementDate": return Actions.anonymizedMeasurementDate();
                case "birthday": return Actions.birthday();
                case "yearOnly": return Actions.yearOnly();
                case "scrub": return Actions.scrub();
                case "referenceFileName": return Actions.referenceFileName();
                case "dropHeadShape": return Actions.dropHeadShape();
                case "replace": {
                    Node v = n.fields.get("value");
                    if (v == null) {
                        return null;
                    }
                    if (v.kind == Kind.TEXT) {
                        return Actions.replace(v.text());
                    }
                    if (v.kind == Kind.INTEGER || v.kind == Kind.DECIMAL) {
                        return Actions.replace(v.value instanceof java.math.BigDecimal d ? d.toPlainString()
                                : v.value.toString());
                    }
                    problem(v, path + ".value", "the value must be text or a number, not " + v.kind.words);
                    return null;
                }
                case "setDate": {
                    Node v = n.fields.get("date");
                    LocalDate d = v == null ? null : date(v, path + ".date");
                    return d == null ? null : Actions.setDate(d);
                }
                case "shiftDays": {
                    Node v = n.fields.get("days");
                    Integer d = v == null ? null : days(v, path + ".days");
                    return d == null ? null : Actions.shiftDays(d);
                }
                case "landOn": {
                    Node v = n.fields.get("instant");
                    Instant i = v == null ? null : instant(v, path + ".instant");
                    return i == null ? null : Actions.landOn(i);
                }
                case "hash": {
                    Secret s = secret(n, path, "a keyed hash");
                    return s == null ? null : Actions.hash(s.bytes, s.ref);
                }
                case "pseudonym":
                    return pseudonym(n, path);
                case "custom": {
                    Node v = n.fields.get("name");
                    if (v == null || !expect(v, Kind.TEXT, path + ".name", "the custom action's name")) {
                        return null;
                    }
                    TagAction c = customActions.get(v.text());
                    if (c == null) {
                        problem(v, path + ".name", "no custom action named " + v.shown() + " is known to this program"
                                + (customActions.isEmpty() ? " (it knows none)"
                                : "; it knows " + quoteAll(new TreeMap<>(customActions).keySet())));
                    }
                    return c;
                }
                default:
                    throw new IllegalStateException(action);
            }
        }

        /** A secret and where it came from (never the secret itself in messages). */
        record Secret(byte[] bytes, String ref) {
        }

        Secret secret(Node rule, String path, String what) {
            Node v = rule.fields.get("secret");
            String field = path + ".secret";
            String ref;
            Node at = rule;
            boolean runTime = runTimeSecretRef != null;
            if (runTime) {
                ref = runTimeSecretRef;
            } else if (v == null) {
                problem(rule, field, what + " needs a secret: add \"secret\": \"env:NAME\" (an environment variable)"
                        + " or \"file:PATH\", or give one when running (--secret-env or --secret-file)");
                return null;
            } else {
                if (!expect(v, Kind.TEXT, field, "the secret")) {
                    return null;
                }
                ref = v.text();
                at = v;
                if (!ref.startsWith("env:") && !ref.startsWith("file:")) {
                    problem(v, field, "a secret must never be written in the policy file; write where it is kept,"
                            + " \"env:NAME\" for an environment variable or \"file:PATH\" for a file");
                    return null;
                }
            }
            if (secrets.containsKey(ref)) {
                return new Secret(secrets.get(ref), ref);
            }
            String where = runTime ? "the secret given when running" : "the secret";
            byte[] bytes;
            if (ref.startsWith("env:")) {
                String var = ref.substring(4);
                String value = var.isEmpty() ? null : environment.apply(var);
                if (var.isEmpty()) {
                    problem(at, field, where + " names no environment variable: write \"env:NAME\"");
                    return null;
                }
                if (value == null) {
                    problem(at, field, where + " should be in the environment variable " + var + ", which is not set");
                    return null;
                }
                bytes = value.getBytes(StandardCharsets.UTF_8);
            } else {
                String name = ref.substring(5);
                if (name.isEmpty()) {
                    problem(at, field, where + " names no file: write \"file:PATH\"");
                    return null;
                }
                Path file = dir.resolve(name);
                try {
                    bytes = stripLineEnd(Files.readAllBytes(file));
                } catch (IOException e) {
                    problem(at, field, where + " should be in the file " + file + ", which cannot be read ("
                            + (e instanceof NoSuchFileException ? "it does not exist" : e.getMessage()) + ")");
                    return null;
                }
            }
            if (bytes.length == 0) {
                problem(at, field, where + " (" + ref + ") is empty");
                return null;
            }
            secrets.put(ref, bytes);
            return new Secret(bytes, ref);
        }

        TagAction pseudonym(Node n, String path) {
            Node missingNode = n.fields.get("missing");
            Actions.Missing missing = Actions.Missing.ERROR;
            if (missingNode != null && expect(missingNode, Kind.TEXT, path + ".missing", "\"missing\"")) {
                switch (missingNode.text()) {
                    case "error" -> missing = Actions.Missing.ERROR;
                    case "hash" -> missing = Actions.Missing.HASH;
                    default -> problem(missingNode, path + ".missing", "\"missing\" is \"error\" (a value missing"
                            + " from the table stops the file) or \"hash\" (it gets a keyed hash), not "
                            + missingNode.shown());
                }
            }
            byte[] secret = null;
            String secretRef = null;
            if (missing == Actions.Missing.HASH) {
                Secret s = secret(n, path, "a pseudonym table that hashes missing values");
                if (s == null) {
                    return null;
                }
                secret = s.bytes;
                secretRef = s.ref;
            } else if (n.fields.containsKey("secret")) {
                keyProblem(n, "secret", path + ".secret", "a secret is only used with \"missing\": \"hash\"");
            }
            Node t = n.fields.get("table");
            if (t == null || !expect(t, Kind.TEXT, path + ".table", "the table")) {
                return null;
            }
            PseudonymTable table = PseudonymTable.read(dir.resolve(t.text()), problems,
                    new PolicyProblem(source, t.line, t.column, path + ".table", ""));
            if (table == null) {
                return null;
            }
            return new PseudonymTable.Action(Actions.pseudonym(table.map(), missing, secret, t.text()), table,
                    missing, secretRef);
        }
    }

    private static byte[] stripLineEnd(byte[] b) {
        int n = b.length;
        if (n > 0 && b[n - 1] == '\n') {
            n--;
            if (n > 0 && b[n - 1] == '\r') {
                n--;
            }
        }
        return Arrays.copyOf(b, n);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String last(String field) {
        int i = field.lastIndexOf('.');
        return i < 0 ? field : field.substring(i + 1);
    }

    static String quoteAll(Iterable<String> items) {
        StringBuilder sb = new StringBuilder();
        for (String s : items) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('"').append(s).append('"');
        }
        return sb.toString();
    }

    /** The closest known name, when it is close enough to be a likely typo. */
    static Optional<String> closest(String word, Iterable<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = word.toLowerCase(Locale.ROOT);
        String prefixed = null;
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            if (lower.length() >= 3 && kl.startsWith(lower) && (prefixed == null || k.length() < prefixed.length())) {
                prefixed = k;
            }
        }
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            if (kl.equals(lower) || kl.equals("fiff_" + lower) || kl.equals("fiffb_" + lower)
                    || kl.equals("fifft_" + lower)) {
                return Optional.of(k);
            }
            int d = distance(lower, kl);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (prefixed != null) {
            return Optional.of(prefixed);
        }
        return bestDistance <= Math.max(2, word.length() / 4) ? Optional.ofNullable(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
