package dev.enrichment.testsupport.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic model for the window analysis: it answers every window of a request (one, or a batch) with an
 * analysis derived from that window's own heading, so single and batched runs produce the same outputs, and it
 * counts tokens as 4 characters each of what it was sent (message texts and {@code response_format}) and of what it
 * answers. Opt in per stub with {@link #answers()}; parameter {@code corrupt} names a batch window id whose part is
 * made invalid.
 */
public final class AnalysisEcho implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "analysis-echo";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BATCH_WINDOW =
            Pattern.compile("=== Window (w\\d+): (\\d+) messages from (\\S+) to (\\S+) \\(UTC\\) ===");
    private static final Pattern SINGLE_WINDOW = Pattern.compile(": (\\d+) messages from (\\S+) to (\\S+) \\(UTC\\)");

    /** A stub response that this transformer fills in. */
    public static ResponseDefinitionBuilder answers() {
        return LlmStubs.completion("{}", 0, 0).withTransformers(NAME);
    }

    /** As {@link #answers()}, with the batch part of {@code windowId} made invalid (an empty summary). */
    public static ResponseDefinitionBuilder answersCorrupting(String windowId) {
        return answers().withTransformerParameter("corrupt", windowId);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        JsonNode request = read(event.getRequest().getBodyAsString());
        long promptChars = request.path("response_format").isMissingNode()
                ? 0
                : request.path("response_format").toString().length();
        String user = "";
        for (JsonNode message : request.path("messages")) {
            String text = text(message.path("content"));
            promptChars += text.length();
            if (message.path("role").asText().equals("user")) {
                user = text;
            }
        }
        Parameters parameters = event.getTransformerParameters();
        Object corrupt = parameters == null ? null : parameters.get("corrupt");
        String content;
        Matcher batch = BATCH_WINDOW.matcher(user);
        if (batch.find()) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode windows = root.putArray("windows");
            do {
                ObjectNode part = windows.addObject();
                part.put("window_id", batch.group(1));
                part.setAll(analysis(batch.group(3), Integer.parseInt(batch.group(2))));
                if (batch.group(1).equals(corrupt)) {
                    part.put("summary", "");
                }
            } while (batch.find());
            content = root.toString();
        } else {
            Matcher single = SINGLE_WINDOW.matcher(user);
            content = single.find()
                    ? analysis(single.group(2), Integer.parseInt(single.group(1)))
                            .toString()
                    : analysis("an unknown day", 0).toString();
        }
        int promptTokens = (int) ((promptChars + 3) / 4);
        int completionTokens = (content.length() + 3) / 4;
        return LlmStubs.completion(content, promptTokens, completionTokens).build();
    }

    /** The analysis of the window that starts at {@code start}: its own summary, topic and fact. */
    static ObjectNode analysis(String start, int messages) {
        String day = start.length() >= 10 ? start.substring(0, 10) : start;
        ObjectNode node = JSON.createObjectNode();
        node.put(
                "summary",
                "The user talked with the bot on " + day + " over " + messages + " messages. They shared plans for "
                        + "the week and sounded upbeat.");
        node.putArray("key_topics").add("plans for " + day);
        node.put("emotional_tone", "positive");
        node.put("confidence", 0.9);
        ObjectNode fact = node.putArray("facts").addObject();
        fact.put("entity_name", "plan " + day);
        fact.put("entity_type", "goal");
        fact.put("relationship_type", "plans_to");
        fact.put("confidence", 0.9);
        fact.put("reasoning", "The user said so.");
        node.putArray("preferences");
        return node;
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            text.append(part.path("text").asText());
        }
        return text.toString();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
