package dev.enrichment.jobs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/admin/jobs/history-enrichment}; every field is optional. */
@Schema(name = "HistoryEnrichmentRequest")
public record HistoryEnrichmentRequest(
        @Schema(description = "Report windows, messages, tokens and cost per phase only (default true)")
        Boolean dryRun,

        @Schema(
                description = "Start of the period (default ENRICHMENT_TIMESTAMP_FLOOR)",
                example = "2025-01-01T00:00:00Z")
        Instant from,

        @Schema(description = "End of the period (default now); moved back to a window start")
        Instant to,

        @Schema(description = "Only these bots", example = "[\"elena\"]")
        List<@Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String> bots,

        @Schema(description = "Only these users")
        List<@Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String> users,

        @Schema(
                description =
                        "Phase bounds in days before the end, newest phase first (default JOBS_HISTORY_PHASE_DAYS)",
                example = "[30, 90]")
        List<@Min(value = 1, message = "must be at least 1") Integer> phaseDays,

        @Schema(description = "Prompt plus completion tokens a live run may spend (default JOBS_HISTORY_TOKEN_BUDGET)")
        @Min(value = 1, message = "must be at least 1")
        Long tokenBudget,

        @Schema(description = "LLM calls a live run may start per minute (default JOBS_HISTORY_CALLS_PER_MINUTE)")
        @Min(value = 1, message = "must be from 1 to 10000")
        @Max(value = 10_000, message = "must be from 1 to 10000")
        Integer callsPerMinute,

        @Schema(description = "Windows of one user analysed in one call (default JOBS_HISTORY_BATCH_MAX_WINDOWS)")
        @Min(value = 1, message = "must be from 1 to 32")
        @Max(value = 32, message = "must be from 1 to 32")
        Integer batchMaxWindows) {}
