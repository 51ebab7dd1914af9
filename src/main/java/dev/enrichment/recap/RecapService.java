package dev.enrichment.recap;

import dev.enrichment.fact.FactReader;
import dev.enrichment.pipeline.Coverage;
import dev.enrichment.pipeline.PipelineAdmin;
import dev.enrichment.preference.PreferenceReader;
import dev.enrichment.problem.ProblemException;
import dev.enrichment.summary.SummaryReader;
import dev.enrichment.summary.SummaryView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Answers "what did we talk about last week": resolves the range, then gathers its summaries, topics and facts. */
@ApplicationScoped
public class RecapService {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final SummaryReader summaries;
    private final FactReader facts;
    private final PreferenceReader preferences;
    private final PipelineAdmin pipeline;
    private final TimeExpressionParser parser;
    private final Clock clock;

    RecapService(SummaryReader summaries, FactReader facts, PreferenceReader preferences, PipelineAdmin pipeline,
            RecapConfig config, Clock clock) {
        this.summaries = summaries;
        this.facts = facts;
        this.preferences = preferences;
        this.pipeline = pipeline;
        this.parser = new TimeExpressionParser(config.weekStartsOn(), config.dateOrder());
        this.clock = clock;
    }

    @Transactional
    RecapView recap(RecapRequest request) {
        request.requireWhenOrRange();
        ZoneId zone = request.tz() != null ? request.tz() : preferences.timezone(request.userId()).orElse(UTC);
        Instant asOf = request.asOf() != null ? request.asOf().instant() : clock.instant();
        ResolvedRange range = request.when() != null ? resolve(request.when(), zone, asOf) : explicit(request, zone);
        List<SummaryView> found = summaries.overlapping(request.bot(), request.userId(), range.from(), range.to());
        Coverage coverage = pipeline.coverage(request.bot(), request.userId(), range.from(), range.to());
        Instant settledAt = range.to().isBefore(asOf) ? range.to() : asOf;
        return new RecapView(request.bot(), request.userId(),
                new RecapView.Range(range.from(), range.to(), zone.getId(), range.expression()),
                RecapStatus.of(!found.isEmpty(), coverage, settledAt),
                new RecapView.Progress(coverage.coveredUntil(), coverage.pendingWindows()), found,
                RecapAggregates.topics(found), RecapAggregates.tone(found), RecapAggregates.messageCount(found),
                facts.learnedIn(request.userId(), request.bot(), range.from(), range.to()));
    }

    private ResolvedRange resolve(String when, ZoneId zone, Instant asOf) {
        try {
            return parser.resolve(when, zone, asOf);
        } catch (UnresolvableExpressionException | RangeTooLongException | IllegalArgumentException e) {
            // each message says what is wrong; an unresolvable expression's lists the supported forms
            throw ProblemException.invalid("when", e.getMessage());
        }
    }

    private static ResolvedRange explicit(RecapRequest request, ZoneId zone) {
        Instant from = request.from().startIn(zone);
        Instant to = request.to().endIn(zone);
        if (!from.isBefore(to)) {
            throw ProblemException.invalid("from", "must be before to");
        }
        requireSpan("to", from, to, zone);
        return new ResolvedRange(from, to, zone, null);
    }

    // measured on the zone's clock, so a DST change inside the range neither adds nor takes an hour
    private static void requireSpan(String field, Instant from, Instant to, ZoneId zone) {
        LocalDateTime start = LocalDateTime.ofInstant(from, zone);
        LocalDateTime end = LocalDateTime.ofInstant(to, zone);
        if (start.plusDays(TimeExpressionParser.MAX_DAYS).isBefore(end)) {
            throw ProblemException.invalid(field, "the range spans more than " + TimeExpressionParser.MAX_DAYS
                    + " days; ask for a shorter one");
        }
    }
}
