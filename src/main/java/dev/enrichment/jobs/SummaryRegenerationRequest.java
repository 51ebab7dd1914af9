package dev.enrichment.jobs;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/admin/jobs/summary-regeneration}; every field is optional. */
@Schema(name = "SummaryRegenerationRequest")
public record SummaryRegenerationRequest(
        @Schema(description = "Report counts and an estimate only (default true)")
        Boolean dryRun,

        @Schema(description = "Only this bot's summaries")
        @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
        String bot,

        @Schema(description = "Only this user's summaries")
        @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
        String userId,

        @Schema(description = "Only summaries of windows ending after this instant")
        Instant from,

        @Schema(description = "Only summaries of windows starting before this instant")
        Instant to,

        @Schema(description = "Only this summary_type")
        @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
        String summaryType,

        @Schema(description = "Only summaries with confidence_score at most this")
        Double maxConfidence,

        @Schema(description = "Only summaries whose enrichment_version sorts before this (text order)")
        @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
        String enrichmentVersionBelow,

        @Schema(
                description = "Only the old worker's placeholders: its fallback text or key_topics "
                        + "{general conversation}")
        Boolean onlyPlaceholders,

        @Schema(description = "At most this many summaries, newest first")
        Integer limit) {}
