package dev.enrichment.context;

import dev.enrichment.preference.PreferenceView;
import dev.enrichment.summary.SummaryView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the context block within its budget, highest value first: what the user wants to be called and how they
 * want to be answered, then the most relevant facts, then the latest conversation, then past conversations like
 * the current message. Items are added whole and summaries by whole sentences; what does not fit is counted.
 */
final class ContextComposer {

    static final String ABOUT = "About the user:";
    static final String FACTS = "Known facts:";
    static final String RELATED = "Related past conversations:";

    /** Preferences a bot needs first; any other key follows in alphabetical order. */
    private static final List<String> PREFERENCE_ORDER = List.of(
            "preferred_name",
            "pronouns",
            "response_length",
            "communication_style",
            "formality_level",
            "language",
            "timezone",
            "location",
            "topic_preferences");

    private static final DateTimeFormatter SAME_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final double minPreferenceConfidence;

    ContextComposer(double minPreferenceConfidence) {
        this.minPreferenceConfidence = minPreferenceConfidence;
    }

    ContextView compose(String userId, String bot, int maxTokens, ContextInputs in) {
        BlockBudget budget = new BlockBudget(maxTokens);

        Map<String, PreferenceView> preferences = new LinkedHashMap<>();
        int preferencesLeft = 0;
        BlockBudget.Section about = budget.section(ABOUT);
        for (Map.Entry<String, PreferenceView> entry : usablePreferences(in.preferences())) {
            String line = "- " + label(entry.getKey()) + ": "
                    + Sentences.flatten(entry.getValue().value());
            if (about.add(line)) {
                preferences.put(entry.getKey(), entry.getValue());
            } else {
                preferencesLeft++;
            }
        }

        List<ContextFact> facts = new ArrayList<>();
        BlockBudget.Section known = budget.section(FACTS);
        for (ContextFact fact : in.facts()) {
            if (known.add(fact.line())) {
                facts.add(fact);
            }
        }

        ContextSummary latest = null;
        int latestLeft = 0;
        if (in.latest() != null) {
            SummaryView summary = in.latest();
            BlockBudget.Section last = budget.section("Last conversation (" + day(summary, in.zone(), in.now()) + "):");
            BlockBudget.Fitted fitted = last.addSentences("", Sentences.of(summary.summary()));
            latestLeft = fitted.left();
            latest = fitted.text() == null ? null : part(summary, fitted, null);
        }

        List<ContextSummary> similar = new ArrayList<>();
        BlockBudget.Section related = budget.section(RELATED);
        for (SimilarSummary found : in.similar()) {
            SummaryView summary = found.summary();
            BlockBudget.Fitted fitted = related.addSentences(
                    "- " + day(summary, in.zone(), in.now()) + ": ", Sentences.of(summary.summary()));
            if (fitted.text() != null) {
                similar.add(part(summary, fitted, found.score()));
            }
        }

        String block = budget.text();
        ContextView.Omitted omitted = new ContextView.Omitted(
                preferencesLeft,
                in.facts().size() - facts.size(),
                latestLeft,
                in.similar().size() - similar.size());
        return new ContextView(
                userId,
                bot,
                maxTokens,
                BlockBudget.tokens(block),
                block,
                omitted.any() || similar.stream().anyMatch(s -> s.omittedSentences() > 0),
                new ContextView.Parts(preferences, facts, latest, similar),
                omitted);
    }

    /** Preferences with a value, in order of use to a bot; the name always, others only when sure enough. */
    private List<Map.Entry<String, PreferenceView>> usablePreferences(Map<String, PreferenceView> all) {
        return all.entrySet().stream()
                .filter(entry -> !Sentences.flatten(entry.getValue().value()).isEmpty())
                .filter(entry -> entry.getKey().equals("preferred_name")
                        || entry.getValue().confidence() == null
                        || entry.getValue().confidence() >= minPreferenceConfidence)
                .sorted(Comparator.comparingInt((Map.Entry<String, PreferenceView> entry) -> rank(entry.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
    }

    private static int rank(String key) {
        int at = PREFERENCE_ORDER.indexOf(key);
        return at < 0 ? PREFERENCE_ORDER.size() : at;
    }

    /** "preferred_name" as "Preferred name". */
    static String label(String key) {
        String words = key.replace('_', ' ').strip();
        return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The conversation's day in the user's zone, read at the middle of its window: a UTC day window then keeps its
     * date in every zone up to 11 hours from UTC, where its start would fall on the day before west of Greenwich.
     */
    static String day(SummaryView summary, ZoneId zone, Instant now) {
        Instant middle = summary.start()
                .plus(Duration.between(summary.start(), summary.end()).dividedBy(2));
        ZonedDateTime at = middle.atZone(zone);
        return (at.getYear() == now.atZone(zone).getYear() ? SAME_YEAR : OTHER_YEAR).format(at);
    }

    private static ContextSummary part(SummaryView summary, BlockBudget.Fitted fitted, Double score) {
        return new ContextSummary(
                summary.id(),
                summary.start(),
                summary.end(),
                fitted.text(),
                fitted.left(),
                summary.keyTopics(),
                summary.emotionalTone(),
                summary.confidence(),
                score);
    }
}
