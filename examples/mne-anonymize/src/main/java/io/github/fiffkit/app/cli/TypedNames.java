package io.github.fiffkit.app.cli;

import io.github.fiffkit.anonymize.run.RunOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Names each option the way the user typed it ({@code --measurement_date} rather than {@code --md}, {@code -b}
 * from {@code -vbdf}), so that a message about it uses their words; options not typed get their usual name.
 */
final class TypedNames {
    private TypedNames() {
    }

    /**
     * @param args the command line as given
     * @return a naming of the run model's options
     */
    static Function<RunOption, String> of(List<String> args) {
        Map<RunOption, String> typed = new EnumMap<>(RunOption.class);
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq > 0 ? arg.substring(0, eq) : arg;
                for (RunOption o : RunOption.values()) {
                    if (o.commandLineNames().contains(name)) {
                        typed.putIfAbsent(o, name);
                    }
                }
            } else if (arg.startsWith("-") && arg.length() > 1) {
                for (char c : arg.substring(1).toCharArray()) {
                    String name = "-" + c;
                    for (RunOption o : RunOption.values()) {
                        if (o.commandLineNames().contains(name)) {
                            typed.putIfAbsent(o, name);
                        }
                    }
                }
            }
        }
        return o -> typed.getOrDefault(o, o.commandLineName());
    }
}
