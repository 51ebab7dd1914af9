package dev.enrichment.search;

import dev.enrichment.summary.SummaryDraft;
import dev.enrichment.summary.SummaryWriter;
import dev.enrichment.testsupport.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Day summaries written through the real writer, so each gets its search outbox entry as in production. */
final class SearchFixture {

    static final Instant FIRST_DAY = Instant.parse("2025-09-01T00:00:00Z");

    private final SummaryWriter writer;

    SearchFixture(SummaryWriter writer) {
        this.writer = writer;
    }

    /** Writes (or rewrites) the summary of day {@code day} (0 = FIRST_DAY); returns its id. */
    int day(String bot, String user, int day, String text, List<String> topics) {
        Instant start = FIRST_DAY.plus(day, ChronoUnit.DAYS);
        SummaryDraft draft = new SummaryDraft(
                user,
                bot,
                start,
                start.plus(1, ChronoUnit.DAYS),
                text,
                "time_window",
                12,
                topics,
                "neutral",
                0.1,
                0.8,
                "test");
        return QuarkusTransaction.requiringNew().call(() -> writer.upsert(draft, null));
    }

    static void clearOutbox(Sql sql) {
        sql.update("DELETE FROM enrichment_search_outbox");
    }
}
