package dev.enrichment.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatRequestTest {

    @Test
    void needsAtLeastOneMessage() {
        assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.of(List.of()));
    }

    @Test
    void rejectsOutOfRangeOptions() {
        ChatRequest request = ChatRequest.of(ChatMessage.user("Hi"));

        assertThatIllegalArgumentException().isThrownBy(() -> request.withTemperature(2.5));
        assertThatIllegalArgumentException().isThrownBy(() -> request.withMaxTokens(0));
    }

    @Test
    void treatsABlankModelAsTheConfiguredDefault() {
        assertThat(ChatRequest.of(ChatMessage.user("Hi")).withModel(" ").model())
                .isNull();
    }

    @Test
    void rejectsSchemaNamesOpenAiWouldRefuse() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ResponseFormat.jsonSchema("conversation summary", Map.of(), true));
        assertThat(ResponseFormat.jsonSchema("conversation_summary-v2", Map.of(), true)
                        .jsonSchema()
                        .name())
                .isEqualTo("conversation_summary-v2");
    }

    @Test
    void keepsTheSchemaKeyOrder() {
        Map<String, Object> schema = new java.util.LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("required", List.of());
        schema.put("properties", Map.of());

        assertThat(ResponseFormat.jsonSchema("s", schema, true)
                        .jsonSchema()
                        .schema()
                        .keySet())
                .containsExactly("type", "required", "properties");
    }
}
