package dev.enrichment.recap;

/** Who the recap's answer paragraph addresses. */
public enum AnswerVoice {
    /** Addressed to the user, as the bot would say it: "you talked about ...". */
    USER,
    /** About the user: "the user talked about ...", for a prompt or an operator. */
    THIRD
}
