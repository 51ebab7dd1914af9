package dev.enrichment.pipeline.analysis;

/** How confident a summary of this many messages may claim to be: few messages support little. */
final class ConfidenceCap {

    private ConfidenceCap() {}

    /** 0.9 from 20 messages, 0.8 from 10, 0.6 from 5, else 0.4 (WhisperEngine's scores, used as ceilings). */
    static double forMessageCount(int messages) {
        if (messages >= 20) {
            return 0.9;
        }
        if (messages >= 10) {
            return 0.8;
        }
        if (messages >= 5) {
            return 0.6;
        }
        return 0.4;
    }

    static double capped(double confidence, int messages) {
        return Math.min(confidence, forMessageCount(messages));
    }
}
