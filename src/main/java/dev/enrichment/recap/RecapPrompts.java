package dev.enrichment.recap;

import dev.enrichment.fact.LearnedFact;
import dev.enrichment.summary.SummaryView;

/** The prompt for the LLM's answer paragraph: the range's summaries by day and its facts, nothing else. */
final class RecapPrompts {

    private RecapPrompts() {}

    static String system(AnswerVoice voice) {
        String addressed = voice == AnswerVoice.USER
                ? "Address the user as \"you\", as the bot would when answering them, and refer to the bot as \"I\"."
                : "Write about \"the user\" in the third person, for someone preparing the bot's reply.";
        return """
                You recap what a user and a chat bot talked about. Write one paragraph of at most %d words that says
                what was talked about, naming the days when it helps, then any facts learned and the overall tone.
                %s Use only what the summaries and facts below say: add no detail, name, number or feeling they do
                not contain. Plain text, no lists, no headings.""".formatted(ExtractiveAnswer.MAX_WORDS, addressed);
    }

    static String sources(RecapInputs inputs) {
        StringBuilder prompt = new StringBuilder("Summaries, oldest first:\n");
        for (SummaryView summary : inputs.summaries()) {
            prompt.append("- ")
                    .append(ExtractiveAnswer.dayLabel(summary.start(), inputs.zone(), inputs.asOf()))
                    .append(" (")
                    .append(summary.messageCount())
                    .append(" messages");
            if (summary.emotionalTone() != null) {
                prompt.append(", tone ").append(summary.emotionalTone());
            }
            prompt.append("): ")
                    .append(summary.summary() == null ? "" : summary.summary().strip())
                    .append('\n');
        }
        if (!inputs.facts().isEmpty()) {
            prompt.append("Facts learned:\n");
            for (LearnedFact fact : inputs.facts()) {
                prompt.append("- ")
                        .append(fact.relationship().replace('_', ' '))
                        .append(' ')
                        .append(fact.entity())
                        .append('\n');
            }
        }
        return prompt.toString();
    }
}
