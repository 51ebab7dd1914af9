package dev.enrichment.summary;

import dev.enrichment.pipeline.SummaryRegenerator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Regenerates a summary at an admin's request and returns its new content. Runs outside any transaction of its
 * own: the regenerator commits the new content (and keeps the old) in its own, after a slow LLM call.
 */
@ApplicationScoped
public class SummaryRegeneration {

    private final SummaryRegenerator regenerator;
    private final SummaryReader reader;

    SummaryRegeneration(SummaryRegenerator regenerator, SummaryReader reader) {
        this.regenerator = regenerator;
        this.reader = reader;
    }

    /**
     * Empty when there is no such summary. Throws {@code WindowBusyException} while a worker analyses the window
     * and {@code AnalysisFailedException} when no analysis could be had (the old content stays).
     */
    public Optional<SummaryView> regenerate(int summaryId) {
        return regenerator.regenerate(summaryId).flatMap(reader::find);
    }
}
