package dev.enrichment.recap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.fact.LearnedFact;
import dev.enrichment.summary.SummaryView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtractiveAnswerTest {

    /** Wednesday 22 October 2025, noon UTC. */
    private static final Instant AS_OF = Instant.parse("2025-10-22T12:00:00Z");

    private static final ZoneId UTC = ZoneId.of("UTC");
    /** The words the paragraph's framing may add; everything else must come from a summary or a fact. */
    private static final Set<String> FRAMING = Set.of(
            "on",
            "today",
            "yesterday",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "october",
            "noted",
            "the",
            "mood",
            "was",
            "across",
            "conversations",
            "main",
            "topics",
            "were",
            "and",
            "you",
            "your",
            "are",
            "have");

    @Test
    void saysEachDaysFirstSentenceThenTheFactsAndTheTone() {
        String answer = ExtractiveAnswer.write(
                inputs(
                        List.of(
                                summary(20, "The user talked about marathon training. They ran 10 km.", 12),
                                summary(21, "The user is planning a move to Lisbon.", 8)),
                        List.of(fact("likes", "octopus"), fact("lives_in", "Porto")),
                        "positive"),
                AnswerVoice.USER);

        assertThat(answer)
                .isEqualTo("On Monday, you talked about marathon training. Yesterday, you are planning a "
                        + "move to Lisbon. Noted: likes octopus; lives in Porto. The mood was positive.");
    }

    @Test
    void speaksOfTheUserInTheThirdVoice() {
        String answer = ExtractiveAnswer.write(
                inputs(List.of(summary(20, "The user's cat was ill.", 3)), List.of(), null), AnswerVoice.THIRD);

        assertThat(answer).isEqualTo("On Monday, the user's cat was ill.");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "The user talked about boats. | You talked about boats.",
                "The user's sister visited. | Your sister visited.",
                "The user was tired and the user is better now. | You were tired and you are better now.",
                "Samantha told the user about tides. | Samantha told you about tides.",
                "The user has a new job. | You have a new job."
            })
    void turnsTheUserIntoYou(String summary, String addressed) {
        assertThat(ExtractiveAnswer.voice(summary, AnswerVoice.USER)).isEqualTo(addressed);
    }

    @Test
    void namesTheMainTopicsWhenThereAreManyConversationsAndStaysWithin120Words() {
        List<SummaryView> many = new ArrayList<>();
        for (int day = 1; day <= 20; day++) {
            many.add(summary(day, "The user talked at length about " + "very ".repeat(30) + "many things.", day));
        }
        String answer = ExtractiveAnswer.write(
                new RecapInputs(
                        "elena",
                        "u",
                        AS_OF,
                        AS_OF,
                        many,
                        List.of(),
                        List.of("boats", "taxes", "tea"),
                        "mixed",
                        RecapStatus.COMPLETE,
                        UTC,
                        AS_OF),
                AnswerVoice.USER);

        assertThat(answer).startsWith("Across 20 conversations the main topics were boats, taxes and tea.");
        assertThat(answer.split("\\s+").length).isLessThanOrEqualTo(ExtractiveAnswer.MAX_WORDS + 1);
    }

    @Test
    void neverSaysAWordThatIsNotInTheSummariesOrFacts() {
        // summaries made of known, unusual words: any other word in the answer was made up
        List<String> vocabulary = List.of(
                "zephyr",
                "quokka",
                "bramble",
                "lantern",
                "fjord",
                "marzipan",
                "obelisk",
                "saffron",
                "tundra",
                "velvet",
                "walrus",
                "yodel");
        List<SummaryView> summaries = IntStream.range(0, 6)
                .mapToObj(i -> summary(
                        15 + i,
                        "The user " + String.join(" ", vocabulary.subList(i, i + 5)) + ". Then " + vocabulary.get(i)
                                + ".",
                        10 + i))
                .toList();
        List<LearnedFact> facts = List.of(fact("likes", "quokka"), fact("owns", "lantern"));
        RecapInputs inputs = new RecapInputs(
                "elena",
                "u",
                AS_OF,
                AS_OF,
                summaries,
                facts,
                List.of("fjord", "saffron"),
                "positive",
                RecapStatus.COMPLETE,
                UTC,
                AS_OF);
        Set<String> sources = words(summaries.stream().map(SummaryView::summary).collect(Collectors.joining(" "))
                + " fjord saffron positive likes quokka owns lantern user 6");

        for (AnswerVoice voice : AnswerVoice.values()) {
            Set<String> said = words(ExtractiveAnswer.write(inputs, voice));
            said.removeAll(sources);
            said.removeAll(FRAMING);
            assertThat(said).as(voice.name()).isEmpty();
        }
    }

    @Test
    void saysHonestlyWhenThereIsNothingToRecap() {
        assertThat(ExtractiveAnswer.write(inputs(List.of(), List.of(), null, RecapStatus.EMPTY), AnswerVoice.USER))
                .isEqualTo("We did not talk then.");
        assertThat(ExtractiveAnswer.write(inputs(List.of(), List.of(), null, RecapStatus.PENDING), AnswerVoice.USER))
                .contains("not gone through");
        assertThat(ExtractiveAnswer.write(inputs(List.of(), List.of(), null, RecapStatus.PENDING), AnswerVoice.THIRD))
                .isEqualTo("The conversations from then have not been processed yet.");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2025-10-22T01:00:00Z | UTC | Today",
                "2025-10-21T23:30:00Z | UTC | Yesterday",
                // already Wednesday in Tokyo
                "2025-10-21T23:30:00Z | Asia/Tokyo | Today",
                "2025-10-16T10:00:00Z | UTC | On Thursday",
                "2025-10-15T10:00:00Z | UTC | On 15 October"
            })
    void labelsDaysInTheCallersZone(String start, String zone, String label) {
        assertThat(ExtractiveAnswer.dayLabel(Instant.parse(start), ZoneId.of(zone), AS_OF))
                .isEqualTo(label);
    }

    private static RecapInputs inputs(List<SummaryView> summaries, List<LearnedFact> facts, String tone) {
        return inputs(summaries, facts, tone, RecapStatus.COMPLETE);
    }

    private static RecapInputs inputs(
            List<SummaryView> summaries, List<LearnedFact> facts, String tone, RecapStatus status) {
        return new RecapInputs("elena", "u", AS_OF, AS_OF, summaries, facts, List.of(), tone, status, UTC, AS_OF);
    }

    private static SummaryView summary(int dayOfOctober, String text, int messages) {
        Instant start = Instant.parse(String.format("2025-10-%02dT00:00:00Z", dayOfOctober));
        return new SummaryView(
                dayOfOctober,
                "elena",
                "u",
                text,
                "time_window",
                start,
                start.plusSeconds(86_400),
                messages,
                List.of(),
                "positive",
                0.1,
                0.9,
                "1",
                start,
                start);
    }

    private static LearnedFact fact(String relationship, String entity) {
        return new LearnedFact(UUID.randomUUID(), entity, "other", relationship, 0.9, "created", AS_OF, AS_OF);
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
                .map(word -> word.endsWith("'s") ? word.substring(0, word.length() - 2) : word)
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }
}
