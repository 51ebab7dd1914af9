package dev.enrichment.recap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.DayOfWeek;

/** How recaps read time expressions and answer. */
@ConfigMapping(prefix = "recap")
public interface RecapConfig {

    /** {@code RECAP_WEEK_STARTS_ON}: the first day of a week for "last week", "this week" and the like. */
    @WithDefault("MONDAY")
    DayOfWeek weekStartsOn();

    /** {@code RECAP_DATE_ORDER}: how an ambiguous numeric date such as "3/4" is read. */
    @WithDefault("MDY")
    DateOrder dateOrder();

    /** {@code RECAP_LATEST_COUNT}: summaries a question without a time expression is answered from. */
    @WithDefault("3")
    @Min(value = 1, message = "RECAP_LATEST_COUNT must be between 1 and 50")
    @Max(value = 50, message = "RECAP_LATEST_COUNT must be between 1 and 50")
    int latestCount();

    /** {@code RECAP_LLM_FALLBACK}: ask the LLM for a range the rules cannot read (only when an LLM key is set). */
    @WithDefault("true")
    boolean llmFallback();

    /** {@code RECAP_ANSWER_LLM}: write the answer paragraph with the LLM (only when a key is set), cached. */
    @WithDefault("true")
    boolean answerLlm();

    /** {@code RECAP_ANSWER_VOICE}: {@code user} speaks to the user ("you talked about"), {@code third} about them. */
    @WithDefault("user")
    AnswerVoice answerVoice();
}
