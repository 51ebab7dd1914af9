package dev.enrichment.llm;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** For {@code NativeReflectionTest}: one chat completion through the real request writer and reply reader. */
public final class LlmJsonSamples {

    // Every optional part present, so that Jackson meets every record the wire format can hold.
    private static final String REPLY = """
            {"id": "gen-1", "model": "anthropic/claude-sonnet-4.5",
             "choices": [{"index": 0, "message": {"role": "assistant", "content": "{}"}, "finish_reason": "stop"}],
             "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15, "cost": 0.0001}}""";

    private LlmJsonSamples() {}

    /** Writes a request and reads a reply with a copy of {@link WireJson#MAPPER} that also has {@code module}. */
    public static ChatCompletion roundTrip(Module module) {
        ObjectMapper wire = WireJson.MAPPER.copy().registerModule(module);
        ChatRequest request = ChatRequest.of(ChatMessage.system("Analyse."), ChatMessage.user("Hi"))
                .withTemperature(0.3)
                .withMaxTokens(100)
                .withResponseFormat(ResponseFormat.jsonSchema(
                        "window_analysis",
                        Map.of(
                                "type",
                                "object",
                                "properties",
                                Map.of("summary", Map.of("type", "string")),
                                "required",
                                List.of("summary")),
                        true));
        LlmClient.body(wire, request, "anthropic/claude-sonnet-4.5");
        return new ReplyReader(Clock.systemUTC(), wire)
                .read(Response.ok(REPLY).build(), "anthropic/claude-sonnet-4.5", 1);
    }
}
