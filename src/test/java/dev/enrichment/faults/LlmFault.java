package dev.enrichment.faults;

/** What the scripted LLM does with one call instead of answering well. */
enum LlmFault {
    /** The right answer. */
    NONE,
    /** 429 with {@code Retry-After: 1}. */
    RATE_LIMITED,
    /** 500. */
    SERVER_ERROR,
    /** The right answer, later than the service's read timeout. */
    TIMEOUT,
    /** 200 with an HTML body. */
    GARBAGE,
    /** The right answer cut in the middle of its JSON. */
    TRUNCATED,
    /** A completion whose content is empty. */
    EMPTY,
    /** The right answer inside a Markdown code fence: acceptable, so it must be stored like the plain one. */
    FENCED,
    /** Schema-valid but an empty summary. */
    EMPTY_SUMMARY,
    /** Schema-valid but confidence 7. */
    CONFIDENCE_SEVEN,
    /** Schema-valid but an emotional tone outside the enum. */
    UNKNOWN_ENUM,
    /** A runaway answer of about 200 KB: the summary goes on and on. */
    HUGE
}
