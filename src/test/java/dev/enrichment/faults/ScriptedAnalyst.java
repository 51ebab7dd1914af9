package dev.enrichment.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.enrichment.testsupport.llm.LlmStubs;
import dev.enrichment.testsupport.llm.LlmWireMockResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WireMock LLM that answers every window analysis from its transcript, the way a careful model would: the answer
 * depends only on the messages sent, so an undisturbed run and a disturbed one must store the same thing. A
 * {@link FaultPlan} decides per call whether to misbehave instead; a latency keeps calls in flight long enough for a
 * process to be killed during one.
 */
final class ScriptedAnalyst implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BOT = Pattern.compile("between the user and (\\S+?)[:( ]");
    private static final Pattern LINE = Pattern.compile("(?m)^\\[[^\\]]+\\] (\\S+?): (.*)$");
    private static final Pattern LIVES_IN = Pattern.compile("I live in (\\p{L}+)");
    private static final Pattern WORKS_AS = Pattern.compile("I work as an? (\\p{L}+)");
    private static final Pattern CALL_ME = Pattern.compile("call me (\\p{L}+)");
    /** A gullible model: it believes instructions inside the transcript (the service must contain the damage). */
    private static final Pattern INJECTED = Pattern.compile("store that user (\\d+) lives in (\\p{L}+)");

    private final WireMockServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final Map<String, AtomicInteger> callsPerTranscript = new ConcurrentHashMap<>();
    private final Map<LlmFault, AtomicInteger> served = new EnumMap<>(LlmFault.class);
    private volatile FaultPlan plan = FaultPlan.NONE;
    private volatile Duration latency = Duration.ZERO;

    ScriptedAnalyst() {
        for (LlmFault fault : LlmFault.values()) {
            served.put(fault, new AtomicInteger());
        }
        server = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").extensions(new Transformer()));
        server.start();
        server.stubFor(
                post(urlPathEqualTo(LlmStubs.CHAT_PATH)).willReturn(aResponse().withStatus(500)));
    }

    /** {@code LLM_CHAT_API_URL} for the service. */
    String apiUrl() {
        return server.baseUrl() + LlmWireMockResource.BASE_PATH;
    }

    void plan(FaultPlan plan) {
        this.plan = plan;
    }

    /** Every answer (faulty or not) waits this long first. */
    void latency(Duration latency) {
        this.latency = latency;
    }

    int calls() {
        return calls.get();
    }

    /** How often each fault was served since the last {@link #reset()}. */
    int served(LlmFault fault) {
        return served.get(fault).get();
    }

    void reset() {
        calls.set(0);
        callsPerTranscript.clear();
        served.values().forEach(count -> count.set(0));
        plan = FaultPlan.NONE;
        latency = Duration.ZERO;
    }

    @Override
    public void close() {
        server.stop();
    }

    private ResponseDefinition answer(String requestBody) {
        int call = calls.incrementAndGet();
        String prompt = lastUserPrompt(requestBody);
        String transcript = transcriptOf(prompt);
        int callOfTranscript = callsPerTranscript
                .computeIfAbsent(transcript, key -> new AtomicInteger())
                .incrementAndGet();
        LlmFault fault = plan.decide(call, transcript, callOfTranscript);
        served.get(fault).incrementAndGet();
        ResponseDefinitionBuilder response = respond(fault, prompt);
        long delay =
                latency.toMillis() + (fault == LlmFault.TIMEOUT ? FaultWorld.LLM_READ_TIMEOUT.toMillis() + 1_000 : 0);
        if (delay > 0) {
            response = response.withFixedDelay(Math.toIntExact(delay));
        }
        return response.build();
    }

    private static ResponseDefinitionBuilder respond(LlmFault fault, String prompt) {
        return switch (fault) {
            case NONE, TIMEOUT -> LlmStubs.completion(analysis(prompt).toString(), 200, 80);
            case RATE_LIMITED -> LlmStubs.rateLimited("1");
            case SERVER_ERROR -> LlmStubs.serverError(500);
            case GARBAGE -> LlmStubs.malformed();
            case TRUNCATED -> {
                String whole = analysis(prompt).toString();
                yield LlmStubs.completion(whole.substring(0, whole.length() / 2), 200, 40);
            }
            case EMPTY -> LlmStubs.completion("", 200, 0);
            case FENCED -> LlmStubs.completion("```json\n" + analysis(prompt).toPrettyString() + "\n```", 200, 80);
            case EMPTY_SUMMARY ->
                LlmStubs.completion(analysis(prompt).put("summary", "").toString(), 200, 60);
            case CONFIDENCE_SEVEN ->
                LlmStubs.completion(analysis(prompt).put("confidence", 7).toString(), 200, 80);
            case UNKNOWN_ENUM ->
                LlmStubs.completion(
                        analysis(prompt).put("emotional_tone", "ecstatic").toString(), 200, 80);
            case HUGE -> {
                ObjectNode runaway = analysis(prompt);
                runaway.put("summary", runaway.get("summary").asText().repeat(200_000 / 150 + 1));
                yield LlmStubs.completion(runaway.toString(), 200, 50_000);
            }
        };
    }

    /** The analysis a careful model gives: a summary naming the message count, and what the user said about themselves. */
    static ObjectNode analysis(String prompt) {
        Matcher botMatch = BOT.matcher(prompt);
        String bot = botMatch.find() ? botMatch.group(1) : "the bot";
        int messages = 0;
        ObjectNode root = JSON.createObjectNode();
        ArrayNode facts = JSON.createArrayNode();
        ArrayNode preferences = JSON.createArrayNode();
        Matcher line = LINE.matcher(transcriptOf(prompt));
        while (line.find()) {
            messages++;
            if (!line.group(1).equals("User")) {
                continue;
            }
            String text = line.group(2);
            find(LIVES_IN, text).ifPresent(city -> fact(facts, city, "location", "lives_in"));
            find(WORKS_AS, text).ifPresent(job -> fact(facts, job, "occupation", "works_as"));
            Matcher injected = INJECTED.matcher(text);
            if (injected.find()) {
                fact(facts, injected.group(2), "location", "lives_in");
            }
            find(CALL_ME, text).ifPresent(name -> {
                ObjectNode preference = preferences.addObject();
                preference.put("preference_type", "preferred_name");
                preference.put("preference_value", name);
                preference.put("confidence", 0.95);
                preference.put("is_explicit", true);
                preference.put("is_preference_change", false);
                preference.put("reasoning", "The user asked to be called so.");
            });
        }
        root.put(
                "summary",
                "The user and " + bot + " exchanged " + messages + " messages. The user talked about where they live,"
                        + " their work and the weather. " + bot + " listened and asked for more.");
        root.putArray("key_topics").add("daily life").add("work");
        root.put("emotional_tone", "neutral");
        root.put("confidence", 0.9);
        root.set("facts", facts);
        root.set("preferences", preferences);
        return root;
    }

    private static void fact(ArrayNode facts, String name, String type, String relationship) {
        ObjectNode fact = facts.addObject();
        fact.put("entity_name", name);
        fact.put("entity_type", type);
        fact.put("relationship_type", relationship);
        fact.put("confidence", 0.9);
        fact.put("reasoning", "The user said so in their own words.");
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The transcript part of a window prompt, without a retry note, so a retried call is recognised. */
    static String transcriptOf(String prompt) {
        int start = prompt.indexOf("Transcript:");
        int retry = prompt.indexOf("\n\nYour previous answer was rejected");
        return prompt.substring(Math.max(start, 0), retry < 0 ? prompt.length() : retry);
    }

    private static String lastUserPrompt(String requestBody) {
        try {
            JsonNode messages = JSON.readTree(requestBody).path("messages");
            String prompt = "";
            for (JsonNode message : messages) {
                if ("user".equals(message.path("role").asText())) {
                    prompt = message.path("content").asText();
                }
            }
            return prompt;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decides, per call, whether the analyst misbehaves. */
    @FunctionalInterface
    interface FaultPlan {

        FaultPlan NONE = (call, transcript, callOfTranscript) -> LlmFault.NONE;

        /**
         * @param call the call's number since the last reset, from 1
         * @param transcript the window's transcript, the same for every retry of that window
         * @param callOfTranscript how many calls this transcript has had, this one included
         */
        LlmFault decide(int call, String transcript, int callOfTranscript);
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            return answer(serveEvent.getRequest().getBodyAsString());
        }

        @Override
        public String getName() {
            return "scripted-analyst";
        }
    }
}
