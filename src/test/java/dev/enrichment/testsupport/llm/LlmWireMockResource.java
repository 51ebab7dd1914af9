package dev.enrichment.testsupport.llm;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The WireMock LLM for {@code @QuarkusTest}s: one server on a free port, wired in through the {@code llm.*} settings.
 * Stub it with {@link LlmStubs#on}; reset it between tests with {@code server().resetAll()}.
 */
public class LlmWireMockResource implements QuarkusTestResourceLifecycleManager {

    /** OpenRouter's base path, so tests prove it is kept in front of {@code /chat/completions}. */
    public static final String BASE_PATH = "/api/v1";

    public static final String API_KEY = "test-llm-key";
    public static final String MODEL = "test/model";

    private static volatile WireMockServer server;

    @Override
    public Map<String, String> start() {
        WireMockServer started = new WireMockServer(options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .extensions(new AnalysisEcho())
                // enough threads for the benchmarks' 16 concurrent calls held by a fixed delay
                .containerThreads(64));
        started.start();
        server = started;
        return Map.of(
                "llm.api-url", started.baseUrl() + BASE_PATH,
                "llm.api-key", API_KEY,
                "llm.model", MODEL,
                "llm.initial-backoff", "10ms",
                "llm.max-backoff", "200ms",
                // Short enough for timeout tests, long enough for a loaded 2-core CI machine.
                "llm.read-timeout", "3s",
                "llm.max-retries", "2");
    }

    @Override
    public void stop() {
        WireMockServer running = server;
        server = null;
        if (running != null) {
            running.stop();
        }
    }

    /** The running server; fails when the resource has not been started. */
    public static WireMockServer server() {
        WireMockServer running = server;
        if (running == null) {
            throw new IllegalStateException("LlmWireMockResource is not started");
        }
        return running;
    }
}
