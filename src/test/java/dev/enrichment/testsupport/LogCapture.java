package dev.enrichment.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Collects what one log category writes while it is open, message and stack trace formatted as a reader sees them.
 * <p>
 * {@link #of} only listens (and opens the category to every level). {@link #expecting} is for tests that provoke
 * failures on purpose: it leaves levels alone and keeps the records it expects off the console, so the build log
 * does not fill with stack traces nobody needs to read, while any other record of the category is printed as usual.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** One record as text: its level, formatted message and the stack trace of its throwable, if any. */
    public record Entry(Level level, String message, String stackTrace) {

        public String allText() {
            return message + "\n" + stackTrace;
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    // A strong reference: java.util.logging may otherwise drop the logger and the level set on it.
    private final Logger category;
    private final Level previousLevel;
    private final boolean previousUseParentHandlers;
    // Null: listen only. Otherwise the message fragments of the records kept off the console.
    private final List<String> expected;

    private LogCapture(String category, List<String> expected) {
        this.category = Logger.getLogger(category);
        this.previousLevel = this.category.getLevel();
        this.previousUseParentHandlers = this.category.getUseParentHandlers();
        this.expected = expected;
        setLevel(Level.ALL);
        if (expected == null) {
            this.category.setLevel(Level.ALL);
        } else {
            // Records stop here instead of going on to the console handler; publish() forwards the unexpected.
            this.category.setUseParentHandlers(false);
        }
        this.category.addHandler(this);
    }

    public static LogCapture of(String category) {
        return new LogCapture(category, null);
    }

    /**
     * Captures the records of {@code category} (and its sub-categories) whose message contains one of
     * {@code expectedFragments} instead of printing them; every other record is printed as usual.
     */
    public static LogCapture expecting(String category, String... expectedFragments) {
        if (expectedFragments.length == 0) {
            throw new IllegalArgumentException("name at least one expected message fragment");
        }
        return new LogCapture(category, List.of(expectedFragments));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String stackTrace = "";
        if (record.getThrown() != null) {
            StringWriter out = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(out));
            stackTrace = out.toString();
        }
        entries.add(new Entry(record.getLevel(), message, stackTrace));
        if (expected != null && expected.stream().noneMatch(String.valueOf(message)::contains)) {
            printAsUsual(record);
        }
    }

    /** Hands the record to the handlers it would have reached had this capture not stopped it. */
    private void printAsUsual(LogRecord record) {
        for (Logger logger = category.getParent();
                logger != null;
                logger = logger.getUseParentHandlers() ? logger.getParent() : null) {
            for (Handler handler : logger.getHandlers()) {
                handler.publish(record);
            }
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        category.removeHandler(this);
        category.setLevel(previousLevel);
        category.setUseParentHandlers(previousUseParentHandlers);
    }
}
