package io.github.fiffkit.anonymize.logs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.event.Level;

/**
 * What the library logged on the calling thread while a test's code ran. The test-scoped SLF4J provider
 * ({@link CapturingProvider}, registered in {@code META-INF/services}) sends every logger here; outside
 * {@link #during} every level is off, so the other tests log nothing and keep nothing.
 */
public final class CapturedLogs {
    /**
     * One logging call.
     *
     * @param level     its level
     * @param logger    the logger's name
     * @param pattern   the message pattern as the library wrote it
     * @param arguments the arguments, each as {@link String#valueOf(Object)} gives it
     * @param message   the formatted message
     * @param thrown    the throwable's {@code toString()}, or {@code null}
     */
    public record Event(Level level, String logger, String pattern, List<String> arguments, String message,
            String thrown) {
        /** @return the message, the arguments and the throwable, for searching */
        public String everything() {
            return message + "\n" + pattern + "\n" + String.join("\n", arguments) + "\n" + thrown;
        }
    }

    /** Code that may throw. */
    @FunctionalInterface
    public interface Body {
        /**
         * @throws Exception whatever the code throws
         */
        void run() throws Exception;
    }

    private static final ThreadLocal<List<Event>> CURRENT = new ThreadLocal<>();

    private CapturedLogs() {
    }

    /**
     * Runs code with every level on for this thread and returns what was logged on it.
     *
     * @param body the code
     * @return the events, in order
     * @throws Exception what the code threw
     */
    public static List<Event> during(Body body) throws Exception {
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        CURRENT.set(events);
        try {
            body.run();
        } finally {
            CURRENT.remove();
        }
        return List.copyOf(events);
    }

    static boolean capturing() {
        return CURRENT.get() != null;
    }

    static void add(Event e) {
        List<Event> events = CURRENT.get();
        if (events != null) {
            events.add(e);
        }
    }
}
