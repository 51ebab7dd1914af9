package dev.enrichment.summary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** A day summary with the revision number of its current content (1 = never replaced). */
public record RevisedSummary(SummaryView summary, int revision) {

    public SummarySource source() {
        return new SummarySource(summary.id(), revision);
    }

    /**
     * A hash of what a rollup is built from: each day summary's id, revision and last update, in id order. The
     * revision catches every rewrite by this service (each one keeps a revision); {@code updated_at} also catches a
     * row changed in place by someone else.
     */
    public static String fingerprint(List<RevisedSummary> days) {
        StringBuilder text = new StringBuilder("rollup-sources-v1");
        days.stream()
                .sorted(Comparator.comparingInt(day -> day.summary().id()))
                .forEach(day -> text.append('|')
                        .append(day.summary().id())
                        .append(':')
                        .append(day.revision())
                        .append(':')
                        .append(day.summary().updatedAt()));
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
