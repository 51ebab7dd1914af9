package dev.enrichment.jobs;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/admin/jobs/fact-timestamp-backfill}; every field is optional. */
@Schema(name = "FactBackfillRequest")
public record FactBackfillRequest(
        @Schema(description = "Plan only, write nothing (default true: a live run must be asked for)")
        Boolean dryRun,

        @Schema(
                description = "Only facts of these bots (fact names such as elena_7d match elena too)",
                example = "[\"elena\", \"marcus\"]")
        List<@Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String> bots) {}
