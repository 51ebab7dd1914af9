package dev.enrichment.pipeline.analysis;

import dev.enrichment.conversation.Message;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The window's emotional tone from its messages' {@code emotional_context} labels (user and assistant alike), mapped
 * as WhisperEngine's summariser maps them: joy, excitement, love, happiness are positive; sadness, anger, fear,
 * disgust negative; neutral, curiosity neutral; any other label mixed. Of the remaining RoBERTa labels, optimism and
 * trust count as positive and pessimism as negative, since that is what they say; surprise and anticipation, which
 * can go either way, stay mixed under the "anything else" rule.
 *
 * <p>Each labelled message votes for the tone of its label (so joy and love support each other instead of splitting
 * the vote); the tone with most votes wins. A tie between tones gives {@code mixed}: the labels disagree evenly.
 */
final class ToneFromLabels {

    enum Tone {
        POSITIVE,
        NEGATIVE,
        NEUTRAL,
        MIXED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Map<String, Tone> TONE_BY_LABEL = Map.ofEntries(
            Map.entry("joy", Tone.POSITIVE),
            Map.entry("excitement", Tone.POSITIVE),
            Map.entry("love", Tone.POSITIVE),
            Map.entry("happiness", Tone.POSITIVE),
            Map.entry("optimism", Tone.POSITIVE),
            Map.entry("trust", Tone.POSITIVE),
            Map.entry("sadness", Tone.NEGATIVE),
            Map.entry("anger", Tone.NEGATIVE),
            Map.entry("fear", Tone.NEGATIVE),
            Map.entry("disgust", Tone.NEGATIVE),
            Map.entry("pessimism", Tone.NEGATIVE),
            Map.entry("neutral", Tone.NEUTRAL),
            Map.entry("curiosity", Tone.NEUTRAL));

    private ToneFromLabels() {}

    /** The tone the labels vote for, or empty when no message carries a label. */
    static Optional<String> toneOf(List<Message> messages) {
        Map<Tone, Integer> votes = new EnumMap<>(Tone.class);
        for (Message message : messages) {
            String label = message.emotionalContext();
            if (label != null && !label.isBlank()) {
                votes.merge(toneOfLabel(label), 1, Integer::sum);
            }
        }
        if (votes.isEmpty()) {
            return Optional.empty();
        }
        int most = votes.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<Tone> leaders = votes.entrySet().stream()
                .filter(e -> e.getValue() == most)
                .map(Map.Entry::getKey)
                .toList();
        return Optional.of(leaders.size() == 1 ? leaders.get(0).label() : Tone.MIXED.label());
    }

    static Tone toneOfLabel(String label) {
        return TONE_BY_LABEL.getOrDefault(label.strip().toLowerCase(Locale.ROOT), Tone.MIXED);
    }
}
