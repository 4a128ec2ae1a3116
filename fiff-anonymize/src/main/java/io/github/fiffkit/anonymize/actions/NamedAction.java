package io.github.fiffkit.anonymize.actions;

import io.github.fiffkit.anonymize.policy.TagAction;
import java.util.Map;

/** The base of the built-in actions: a name and parameters, as reports and policy files show them. */
abstract class NamedAction implements TagAction {
    private final String name;
    private final Map<String, Object> parameters;

    NamedAction(String name, Map<String, Object> parameters) {
        this.name = name;
        this.parameters = Map.copyOf(parameters);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return parameters.isEmpty() ? name : name + parameters;
    }
}
