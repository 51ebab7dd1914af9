package dev.enrichment.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.testsupport.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a client sees for requests Vert.x refuses while decoding them, before any route, filter or exception mapper
 * runs: Quarkus offers no hook there (Vert.x's {@code HttpServer.invalidRequestHandler} is not exposed), so these
 * answers are not problem documents. The README's API section lists these limits; this test pins them.
 */
@QuarkusTest
class PreApplicationErrorsTest {

    private static final String KEY = "Bearer test-admin-key";

    // RestAssured knows the port once the application has started, not when the test instance is built
    private static RawHttp http() {
        return new RawHttp("localhost", RestAssured.port);
    }

    @Test
    void aRequestLineOver4096BytesIs414WithAnEmptyBody() {
        RawHttp.Answer answer = http().send(
                        "GET", "/api/v1/summaries?bot=" + "a".repeat(100 * 1024), Map.of("Authorization", KEY), null);

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void aRequestLineJustUnderTheLimitReachesTheApplication() {
        String target = "/api/v1/summaries?bot=";
        RawHttp.Answer answer =
                http().send("GET", target + "a".repeat(4000 - target.length()), Map.of("Authorization", KEY), null);

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void headersOver20KilobytesAre431WithAnEmptyBody() {
        RawHttp.Answer answer = http().send(
                        "GET", "/api/v1/summaries", Map.of("Authorization", KEY, "X-Big", "b".repeat(21 * 1024)), null);

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void aMalformedRequestLineIs400WithAnEmptyBody() {
        RawHttp.Answer answer = http().sendRaw("GET /api/v1/summaries HTTP/1.1 extra\r\nHost: x\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void aKeyInAnOversizedRequestIsNeverEchoed() {
        RawHttp.Answer answer =
                http().send("GET", "/api/v1/summaries?x=" + "a".repeat(8 * 1024), Map.of("Authorization", KEY), null);

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.headers().values()).noneMatch(value -> value.contains("test-admin-key"));
    }
}
