package io.github.fiffkit.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One unit of work: a recording (one file, or the parts of a split recording, in order) and where its outputs go.
 *
 * @param id      a stable name for the unit, from its first input's path under the input root
 * @param inputs  the parts' URIs, first to last
 * @param outputs the outputs' URIs, in the same order (the inputs' paths mirrored under the output URI)
 * @param error   why the unit cannot be anonymized before it is even read (a missing part), or null
 */
record Unit(String id, List<String> inputs, List<String> outputs, String error) implements Serializable {
    Unit {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (inputs.size() != outputs.size() || inputs.isEmpty()) {
            throw new IllegalArgumentException("one output per input");
        }
    }
}
