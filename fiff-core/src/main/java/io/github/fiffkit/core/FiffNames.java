package io.github.fiffkit.core;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Two-way name table for a constants class such as {@link FiffKind}.
 *
 * <p>The table is read by reflection from the {@code public static final int} fields of the
 * class. A field {@code FOO} is known as {@code prefix + "FOO"}; a field whose name is an
 * underscore followed by a digit ({@code _4D}) drops that underscore ({@code prefix + "4D"}),
 * because Java identifiers cannot start with a digit.
 *
 * <p>Each number has at most one canonical name. Fields named in the alias set are looked up
 * by name but never returned as the name of a number. Construction fails with
 * {@link IllegalStateException} when two non-alias fields share a number, when an alias has no
 * canonical partner, or when the alias or exclusion set names a field that does not exist.
 */
final class FiffNames {

    private final String prefix;
    private final Map<Integer, String> canonical;
    private final Map<String, Integer> byName;
    private final Map<String, Integer> all;

    private FiffNames(String prefix, Map<Integer, String> canonical, Map<String, Integer> byName,
            Map<String, Integer> all) {
        this.prefix = prefix;
        this.canonical = canonical;
        this.byName = byName;
        this.all = all;
    }

    /**
     * Builds the table for {@code type} with no excluded fields.
     *
     * @param type    class whose public static final int fields are the constants
     * @param prefix  text put in front of each field name, e.g. {@code "FIFF_"}
     * @param aliases field names (without prefix) that are never canonical
     * @return the table
     * @throws IllegalStateException if the fields and the alias set do not agree
     */
    static FiffNames of(Class<?> type, String prefix, Set<String> aliases) {
        return of(type, prefix, aliases, Set.of());
    }

    /**
     * Builds the table for {@code type}, skipping the fields named in {@code excluded}.
     *
     * @param type     class whose public static final int fields are the constants
     * @param prefix   text put in front of each field name, e.g. {@code "FIFFT_"}
     * @param aliases  field names (without prefix) that are never canonical
     * @param excluded field names that are not constants of this table at all
     * @return the table
     * @throws IllegalStateException if the fields and the alias or exclusion sets do not agree
     */
    static FiffNames of(Class<?> type, String prefix, Set<String> aliases, Set<String> excluded) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(aliases, "aliases");
        Objects.requireNonNull(excluded, "excluded");

        Map<Integer, String> canonical = new HashMap<>();
        Map<String, Integer> byName = new HashMap<>();
        List<Map.Entry<String, Integer>> aliasEntries = new ArrayList<>();
        Set<String> seenFields = new HashSet<>();

        for (Field field : type.getFields()) {
            int mod = field.getModifiers();
            if (!Modifier.isStatic(mod) || !Modifier.isFinal(mod) || field.getType() != int.class) {
                continue;
            }
            String fieldName = field.getName();
            seenFields.add(fieldName);
            if (excluded.contains(fieldName)) {
                continue;
            }
            int value;
            try {
                value = field.getInt(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + type.getName() + "." + fieldName, e);
            }
            String name = prefix + stripDigitGuard(fieldName);
            if (byName.putIfAbsent(name, value) != null) {
                throw new IllegalStateException(type.getName() + ": two fields map to the name " + name);
            }
            if (aliases.contains(fieldName)) {
                aliasEntries.add(Map.entry(name, value));
            } else {
                String previous = canonical.putIfAbsent(value, name);
                if (previous != null) {
                    throw new IllegalStateException(type.getName() + ": " + previous + " and " + name
                            + " share the number " + value + "; list one of them as an alias");
                }
            }
        }

        for (String a : aliases) {
            if (!seenFields.contains(a) || excluded.contains(a)) {
                throw new IllegalStateException(type.getName() + ": alias " + a + " is not a constant field");
            }
        }
        for (String x : excluded) {
            if (!seenFields.contains(x)) {
                throw new IllegalStateException(type.getName() + ": excluded " + x + " is not a constant field");
            }
        }
        for (Map.Entry<String, Integer> e : aliasEntries) {
            if (!canonical.containsKey(e.getValue())) {
                throw new IllegalStateException(type.getName() + ": alias " + e.getKey()
                        + " has no canonical name for number " + e.getValue());
            }
        }

        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(byName.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparing(Map.Entry::getKey));
        Map<String, Integer> all = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : sorted) {
            all.put(e.getKey(), e.getValue());
        }
        return new FiffNames(prefix, canonical, byName, Collections.unmodifiableMap(all));
    }

    /** Removes the underscore put before a field name that would otherwise start with a digit. */
    private static String stripDigitGuard(String fieldName) {
        if (fieldName.length() > 1 && fieldName.charAt(0) == '_' && Character.isDigit(fieldName.charAt(1))) {
            return fieldName.substring(1);
        }
        return fieldName;
    }

    /** Canonical name of {@code number}, or empty when unknown. */
    Optional<String> name(int number) {
        return Optional.ofNullable(canonical.get(number));
    }

    /** Canonical name of {@code number}, or the number in decimal when unknown. */
    String describe(int number) {
        String name = canonical.get(number);
        return name != null ? name : String.valueOf(number);
    }

    /**
     * Number for a full name ({@code prefix + X}) or a bare name ({@code X}); case-sensitive.
     *
     * @throws NullPointerException if {@code name} is null
     */
    OptionalInt number(String name) {
        Objects.requireNonNull(name, "name");
        Integer value = byName.get(name);
        if (value == null) {
            value = byName.get(prefix + name);
        }
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /** Number for an exact full name only (no bare-name fallback); empty when unknown. */
    OptionalInt exactNumber(String fullName) {
        Integer value = byName.get(fullName);
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /** Every name, aliases included, sorted by number and then by name; unmodifiable. */
    Map<String, Integer> all() {
        return all;
    }

    /** The prefix put in front of field names. */
    String prefix() {
        return prefix;
    }
}
