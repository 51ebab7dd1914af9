package dev.enrichment.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.enrichment.llm.LlmClient;
import dev.enrichment.pipeline.WindowAnalysis;
import dev.enrichment.pipeline.WindowAnalyzer;
import dev.enrichment.testsupport.llm.LlmStubs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class WindowAnalyzerProducerTest {

    @RegisterExtension
    static final WireMockExtension wireMock = AnalysisFixtures.wireMock();

    private final LlmStubs stubs = LlmStubs.on(wireMock);

    @Test
    void choosesTheLlmAnalyzerWhenAKeyIsSet() {
        WindowAnalyzer analyzer = WindowAnalyzerProducer.choose(AnalysisFixtures.client(wireMock.baseUrl(), 0), 12_000);

        assertThat(analyzer).isInstanceOf(LlmWindowAnalyzer.class);
        assertThat(WindowAnalyzerProducer.startupLine(analyzer, true)).isEqualTo("Window analyser: LLM (test/model)");
    }

    @Test
    void choosesTheExtractiveAnalyzerWithoutAKeyAndNeverCallsTheLlm() {
        stubs.willAnswer(AnalysisFixtures.answer().json());
        for (String key : new String[] {null, "", "  "}) {
            LlmClient unconfigured = new LlmClient(
                    AnalysisFixtures.config(wireMock.baseUrl(), key, 0), new SimpleMeterRegistry(), Clock.systemUTC());

            WindowAnalyzer analyzer = WindowAnalyzerProducer.choose(unconfigured, 12_000);
            WindowAnalysis analysis = analyzer.analyze(AnalysisFixtures.window(AnalysisFixtures.conversation(8)));

            assertThat(analyzer).isInstanceOf(ExtractiveWindowAnalyzer.class);
            assertThat(analysis.summaryType()).isEqualTo("extractive");
        }
        assertThat(stubs.requestCount()).isZero();
    }

    @Test
    void explainsTheExtractiveAnalyzerAtStart() {
        assertThat(WindowAnalyzerProducer.startupLine(new ExtractiveWindowAnalyzer(), false))
                .isEqualTo(
                        "Window analyser: extractive (no LLM_CHAT_API_KEY/OPENROUTER_API_KEY set); summaries are marked "
                                + "extractive, with confidence <= 0.35, and can be regenerated once a key is set");
    }
}
