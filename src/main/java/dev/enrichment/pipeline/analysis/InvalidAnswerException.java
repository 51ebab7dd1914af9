package dev.enrichment.pipeline.analysis;

/** The model's answer does not parse or does not match the schema. The message names the problem, never the text. */
final class InvalidAnswerException extends Exception {

    InvalidAnswerException(String problem) {
        super(problem);
    }
}
