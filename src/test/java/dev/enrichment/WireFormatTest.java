package dev.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bots are Python: every JSON the service writes uses snake_case names and ISO-8601 UTC times. */
@QuarkusTest
class WireFormatTest {

    record Sample(String userId, Instant windowStart, int messageCount) {}

    @Inject
    ObjectMapper mapper;

    @Test
    void writesSnakeCaseNamesAndIsoTimes() throws Exception {
        String json = mapper.writeValueAsString(new Sample("u1", Instant.parse("2025-10-18T00:00:00Z"), 12));

        assertThat(json)
                .isEqualTo("{\"user_id\":\"u1\",\"window_start\":\"2025-10-18T00:00:00Z\",\"message_count\":12}");
    }
}
