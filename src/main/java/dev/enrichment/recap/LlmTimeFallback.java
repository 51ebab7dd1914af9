package dev.enrichment.recap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.llm.ChatMessage;
import dev.enrichment.llm.ChatRequest;
import dev.enrichment.llm.LlmClient;
import dev.enrichment.llm.LlmException;
import dev.enrichment.llm.ResponseFormat;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the LLM for the range of a phrase the rules could not read: one small JSON answer, checked like a rule's
 * range (a real past range within {@value TimeExpressionParser#MAX_DAYS} days), cached per phrase, zone and day of
 * {@code as_of} so a bot repeating a question costs one call a day.
 */
@ApplicationScoped
class LlmTimeFallback {

    private static final int CACHE_SIZE = 2_000;
    private static final int MAX_TOKENS = 120;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final String SYSTEM = """
            You turn a person's reference to a past time into a range of local date-times. Answer with JSON only:
            {"from": "YYYY-MM-DDTHH:MM", "to": "YYYY-MM-DDTHH:MM"} where "to" is exclusive, or {"none": true} when
            the text names no past time you can place. Never guess: a question without a time is {"none": true}.""";

    private final LlmClient llm;
    private final RecapConfig config;
    private final ObjectMapper json;
    private final Map<String, Optional<LocalRange>> cache =
            Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<LocalRange>> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    LlmTimeFallback(LlmClient llm, RecapConfig config, ObjectMapper json) {
        this.llm = llm;
        this.config = config;
        this.json = json;
    }

    boolean isEnabled() {
        return config.llmFallback() && llm.isConfigured();
    }

    /** The range the LLM read in the phrase, when it read one that holds up; empty otherwise or on failure. */
    Optional<ResolvedRange> resolve(String phrase, ZoneId zone, Instant asOf) {
        LocalDateTime now = LocalDateTime.ofInstant(asOf, zone);
        String key = phrase.strip().toLowerCase(Locale.ROOT) + '\n' + zone.getId() + '\n' + now.toLocalDate();
        Optional<LocalRange> local = cache.get(key);
        if (local == null) {
            try {
                local = ask(phrase, now);
            } catch (LlmException e) {
                // not cached: the next question tries again
                Log.warnf(
                        "Recap: the LLM could not read a time phrase (%s); answering with the latest "
                                + "conversations",
                        e.kind());
                return Optional.empty();
            }
            cache.put(key, local);
        }
        return local.flatMap(range -> checked(range, phrase, zone, asOf));
    }

    private Optional<LocalRange> ask(String phrase, LocalDateTime now) {
        String prompt = "Now: " + now.format(LOCAL) + " ("
                + now.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ")\nText: " + phrase;
        String content = llm.complete(ChatRequest.of(ChatMessage.system(SYSTEM), ChatMessage.user(prompt))
                        .withTemperature(0)
                        .withMaxTokens(MAX_TOKENS)
                        .withResponseFormat(ResponseFormat.jsonObject()))
                .content();
        try {
            JsonNode answer = json.readTree(content);
            if (answer == null
                    || !answer.path("from").isTextual()
                    || !answer.path("to").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new LocalRange(
                    LocalDateTime.parse(answer.get("from").asText(), LOCAL),
                    LocalDateTime.parse(answer.get("to").asText(), LOCAL)));
        } catch (Exception unreadable) {
            Log.debugf("Recap: the LLM's time answer was not the JSON asked for: %s", unreadable.getMessage());
            return Optional.empty();
        }
    }

    /** The LLM's range, cut at as_of, if it is a past range the rules themselves could have given. */
    private static Optional<ResolvedRange> checked(LocalRange range, String phrase, ZoneId zone, Instant asOf) {
        try {
            Instant from = range.from().atZone(zone).toInstant();
            Instant to = range.to().atZone(zone).toInstant();
            if (to.isAfter(asOf)) {
                to = asOf;
            }
            boolean tooLong =
                    range.from().plusDays(TimeExpressionParser.MAX_DAYS).isBefore(range.to());
            if (!from.isBefore(to) || tooLong) {
                return Optional.empty();
            }
            return Optional.of(new ResolvedRange(from, to, zone, phrase.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private record LocalRange(LocalDateTime from, LocalDateTime to) {}
}
