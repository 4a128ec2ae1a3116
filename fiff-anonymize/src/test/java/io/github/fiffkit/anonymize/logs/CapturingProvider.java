package io.github.fiffkit.anonymize.logs;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/** A test-scoped SLF4J 2 provider whose loggers hand every call to {@link CapturedLogs}. */
public final class CapturingProvider implements SLF4JServiceProvider {
    private final ILoggerFactory loggers = CapturingLogger::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up
    }

    /** Enabled at every level while {@link CapturedLogs#during} runs on the calling thread, else off. */
    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return CapturedLogs.capturing();
        }

        @Override
        public boolean isDebugEnabled() {
            return CapturedLogs.capturing();
        }

        @Override
        public boolean isInfoEnabled() {
            return CapturedLogs.capturing();
        }

        @Override
        public boolean isWarnEnabled() {
            return CapturedLogs.capturing();
        }

        @Override
        public boolean isErrorEnabled() {
            return CapturedLogs.capturing();
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable thrown) {
            List<String> args = new ArrayList<>();
            if (arguments != null) {
                for (Object a : arguments) {
                    args.add(String.valueOf(a));
                }
            }
            CapturedLogs.add(new CapturedLogs.Event(level, name, String.valueOf(pattern), args,
                    MessageFormatter.basicArrayFormat(pattern, arguments), thrown == null ? null : thrown.toString()));
        }
    }
}
