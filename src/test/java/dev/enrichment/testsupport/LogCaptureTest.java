package dev.enrichment.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogCaptureTest {

    private static final String PARENT = "dev.enrichment.logcapturetest";
    private static final String CATEGORY = PARENT + ".client";

    // Strong references, so java.util.logging keeps the loggers and their handlers for the test.
    private final Logger parent = Logger.getLogger(PARENT);
    private final Logger source = Logger.getLogger(CATEGORY + ".Impl");
    private final Console console = new Console();

    @BeforeEach
    void listenAsTheConsoleWould() {
        parent.addHandler(console);
        // This test's own records stop at the stand-in console, off the build log.
        parent.setUseParentHandlers(false);
    }

    @AfterEach
    void stopListening() {
        parent.removeHandler(console);
        parent.setUseParentHandlers(true);
    }

    @Test
    void keepsExpectedRecordsOffTheConsoleAndPrintsTheOthers() {
        try (LogCapture log = LogCapture.expecting(CATEGORY, "operation failed")) {
            source.log(Level.SEVERE, "Scroll operation failed", new IllegalStateException("injected"));
            source.log(Level.SEVERE, "something nobody expected", new IllegalStateException("a bug"));

            assertThat(log.entries())
                    .extracting(LogCapture.Entry::message)
                    .containsExactly("Scroll operation failed", "something nobody expected");
            assertThat(log.entries().get(0).stackTrace()).contains("injected");
        }

        assertThat(console.messages).containsExactly("something nobody expected");
        source.severe("after the capture: operation failed");
        assertThat(console.messages)
                .as("the category prints again once the capture is closed")
                .containsExactly("something nobody expected", "after the capture: operation failed");
    }

    @Test
    void leavesTheLevelsAlone() {
        Level before = source.getLevel();
        try (LogCapture log = LogCapture.expecting(CATEGORY, "x")) {
            assertThat(source.getLevel()).isEqualTo(before);
        }
    }

    /** Stands for the console handler further up. */
    private static final class Console extends Handler {
        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
