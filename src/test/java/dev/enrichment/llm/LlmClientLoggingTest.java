package dev.enrichment.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.enrichment.testsupport.llm.LlmStubs;
import io.quarkus.test.junit.QuarkusTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class LlmClientLoggingTest {

    @RegisterExtension
    static final WireMockExtension wireMock = LlmClientFixture.wireMock();

    private static final String PROMPT_MARKER = "PROMPT-MARKER-5e1f";
    private static final String ANSWER_MARKER = "ANSWER-MARKER-93ac";
    private static final String KEY = "sk-or-v1-SECRET-KEY-0d4b";
    private static final ChatRequest REQUEST =
            ChatRequest.of(ChatMessage.system("Summarise " + PROMPT_MARKER), ChatMessage.user(PROMPT_MARKER));

    private final LlmClientFixture fixture = new LlmClientFixture();
    private final LlmStubs stubs = LlmStubs.on(wireMock);
    private final CapturingHandler captured = new CapturingHandler();
    // A strong reference: java.util.logging may otherwise drop the logger and the level set on it.
    private final Logger category = Logger.getLogger("dev.enrichment.llm");
    private Level previousLevel;

    @BeforeEach
    void captureEveryLevel() {
        previousLevel = category.getLevel();
        category.setLevel(Level.ALL);
        category.addHandler(captured);
    }

    @AfterEach
    void restoreLogging() {
        category.removeHandler(captured);
        category.setLevel(previousLevel);
    }

    @Test
    void neverLogsPromptAnswerOrKeyOnSuccessRetryOrFailure() {
        TestLlmConfig config =
                TestLlmConfig.forWireMock(wireMock.baseUrl()).withApiKey(KEY).withMaxRetries(1);
        LlmClient client = fixture.client(config);
        LlmClient impatientClient = fixture.client(config.withReadTimeout(Duration.ofMillis(300)));
        List<Throwable> failures = new ArrayList<>();

        stubs.willReturnInOrder(LlmStubs.rateLimited("0"), LlmStubs.completion(ANSWER_MARKER, 10, 5));
        client.complete(REQUEST);
        stubs.willReturn(LlmStubs.error(400, "Invalid request"));
        failures.add(catchThrowableOfType(LlmException.class, () -> client.complete(REQUEST)));
        stubs.willReturn(aResponse().withStatus(200).withBody("not json " + ANSWER_MARKER));
        failures.add(catchThrowableOfType(LlmException.class, () -> client.complete(REQUEST)));
        stubs.willReturn(LlmStubs.slow(Duration.ofSeconds(2), ANSWER_MARKER));
        failures.add(catchThrowableOfType(LlmException.class, () -> impatientClient.complete(REQUEST)));

        assertThat(captured.records)
                .as("records logged by the LLM client")
                .anyMatch(record -> record.getLevel().intValue() < Level.INFO.intValue())
                .anyMatch(record -> record.getLevel().intValue() >= Level.WARNING.intValue());
        assertThat(failures).hasSize(3).doesNotContainNull();
        List<String> texts = new ArrayList<>(
                captured.records.stream().map(LlmClientLoggingTest::allText).toList());
        failures.forEach(failure -> texts.add(stackTrace(failure)));
        assertThat(texts)
                .noneMatch(text -> text.contains(PROMPT_MARKER))
                .noneMatch(text -> text.contains(ANSWER_MARKER))
                .noneMatch(text -> text.contains(KEY));
    }

    @Test
    void keepsPromptAndAnswerOutOfToString() {
        ChatCompletion completion = new ChatCompletion(ANSWER_MARKER, "m", "stop", TokenUsage.NONE, null, null, 1);

        assertThat(REQUEST.toString()).doesNotContain(PROMPT_MARKER).contains("user");
        assertThat(completion.toString()).doesNotContain(ANSWER_MARKER);
    }

    /** Message, parameters and stack trace: everything a formatter could print. */
    private static String allText(LogRecord record) {
        String parameters = record.getParameters() == null ? "" : Arrays.deepToString(record.getParameters());
        String thrown = record.getThrown() == null ? "" : stackTrace(record.getThrown());
        return record.getMessage() + " " + parameters + " " + thrown;
    }

    private static String stackTrace(Throwable throwable) {
        StringWriter out = new StringWriter();
        throwable.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static final class CapturingHandler extends Handler {

        private final List<LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();

        private CapturingHandler() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
