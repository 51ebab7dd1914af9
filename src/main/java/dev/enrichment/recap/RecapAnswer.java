package dev.enrichment.recap;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The paragraph a bot can say, and where it came from. */
public record RecapAnswer(String text, Source source) {

    public enum Source {
        /** Written by the LLM from the range's summaries and facts (possibly earlier, and reused). */
        LLM,
        /** The summaries' own sentences, framed by day. */
        EXTRACTIVE;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
