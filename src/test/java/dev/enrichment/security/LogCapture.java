package dev.enrichment.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Collects what one log category writes while it is open, message and stack trace formatted as a reader sees them. */
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

    private LogCapture(String category) {
        this.category = Logger.getLogger(category);
        this.previousLevel = this.category.getLevel();
        setLevel(Level.ALL);
        this.category.setLevel(Level.ALL);
        this.category.addHandler(this);
    }

    public static LogCapture of(String category) {
        return new LogCapture(category);
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
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        category.removeHandler(this);
        category.setLevel(previousLevel);
    }
}
