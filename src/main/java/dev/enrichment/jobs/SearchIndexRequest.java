package dev.enrichment.jobs;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/admin/jobs/search-index}; every field is optional. */
@Schema(name = "SearchIndexRequest")
public record SearchIndexRequest(
        @Schema(description = "Count only, enqueue nothing (default true: a live run must be asked for)")
        Boolean dryRun,

        @Schema(description = "Only summaries of these bots", example = "[\"elena\"]")
        List<@Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String> bots) {}
