package dev.enrichment.pipeline;

import dev.enrichment.summary.RollupPeriod;
import dev.enrichment.summary.SummaryView;
import java.util.List;

/** What a rollup is made from: the day summaries of one user with one bot in one week or month, oldest first. */
public record RollupInput(String botName, String userId, RollupPeriod period, List<SummaryView> days) {

    public RollupInput {
        days = List.copyOf(days);
    }

    /** The messages under the rollup: the day summaries' counts, summed. */
    public int messageCount() {
        return days.stream().mapToInt(SummaryView::messageCount).sum();
    }
}
