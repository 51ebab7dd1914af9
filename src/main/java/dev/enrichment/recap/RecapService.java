package dev.enrichment.recap;

import dev.enrichment.ReadTransaction;
import dev.enrichment.fact.FactReader;
import dev.enrichment.fact.LearnedFact;
import dev.enrichment.pipeline.Coverage;
import dev.enrichment.pipeline.PipelineAdmin;
import dev.enrichment.preference.PreferenceReader;
import dev.enrichment.problem.ProblemException;
import dev.enrichment.summary.Granularity;
import dev.enrichment.summary.RollupReader;
import dev.enrichment.summary.SummaryReader;
import dev.enrichment.summary.SummaryView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers "what did we talk about last week": decides the range (the rules, the caller's from/to, the LLM, or the
 * latest conversations), reads its summaries, topics and facts in one read transaction, then adds the answer
 * paragraph. Nothing here waits for the LLM while holding a database connection.
 */
@ApplicationScoped
public class RecapService {

    private static final ZoneId UTC = ZoneId.of("UTC");
    /** What "the latest conversations" covers when there are none: the status then says why. */
    private static final Duration LATEST_WITHOUT_SUMMARIES = Duration.ofDays(7);
    /** Ranges longer than these are told from weekly, then monthly rollups. */
    private static final Duration WEEKLY_FROM = Duration.ofDays(21);

    private static final Duration MONTHLY_FROM = Duration.ofDays(92);

    private final SummaryReader summaries;
    private final RollupReader rollups;
    private final FactReader facts;
    private final PreferenceReader preferences;
    private final PipelineAdmin pipeline;
    private final TimeExpressionParser parser;
    private final LlmTimeFallback llmTime;
    private final RecapAnswers answers;
    private final ReadTransaction reads;
    private final RecapConfig config;
    private final Clock clock;

    RecapService(
            SummaryReader summaries,
            RollupReader rollups,
            FactReader facts,
            PreferenceReader preferences,
            PipelineAdmin pipeline,
            LlmTimeFallback llmTime,
            RecapAnswers answers,
            ReadTransaction reads,
            RecapConfig config,
            Clock clock) {
        this.summaries = summaries;
        this.rollups = rollups;
        this.facts = facts;
        this.preferences = preferences;
        this.pipeline = pipeline;
        this.parser = new TimeExpressionParser(config.weekStartsOn(), config.dateOrder());
        this.llmTime = llmTime;
        this.answers = answers;
        this.reads = reads;
        this.config = config;
        this.clock = clock;
    }

    RecapView recap(RecapRequest request) {
        request.refuseContradictions();
        Instant asOf = request.asOf() != null ? request.asOf().instant() : clock.instant();
        // Usually one read transaction: the zone, the range by the rules, then the range's rows. Only a phrase left
        // to the LLM ends it before the rows, since the LLM is never waited for while a connection is held.
        Recapped recapped = reads.call(() -> {
            ZoneId zone = zoneOf(request);
            Decision decision = decideByRules(request, zone, asOf);
            return new Recapped(zone, decision, decision.asksLlm() ? null : read(request, decision, zone, asOf));
        });
        if (recapped.read() == null) {
            ZoneId zone = recapped.zone();
            Decision decision =
                    decideByLlm(request, zone, asOf, recapped.decision().notice());
            recapped = new Recapped(zone, decision, reads.call(() -> read(request, decision, zone, asOf)));
        }
        ZoneId zone = recapped.zone();
        Decision decision = recapped.decision();
        Read read = recapped.read();
        RecapAnswer answer = read.cached().orElseGet(() -> answers.write(read.inputs()));
        RecapInputs in = read.inputs();
        return new RecapView(
                request.bot(),
                request.userId(),
                new RecapView.Range(
                        in.from(),
                        in.to(),
                        zone.getId(),
                        decision.range().map(ResolvedRange::expression).orElse(null)),
                decision.by(),
                decision.notice(),
                in.status(),
                answer.text(),
                answer.source(),
                new RecapView.Progress(
                        read.coverage().coveredUntil(), read.coverage().pendingWindows()),
                in.summaries(),
                RecapAggregates.topics(in.summaries()),
                in.tone(),
                RecapAggregates.messageCount(in.summaries()),
                in.facts());
    }

    private ZoneId zoneOf(RecapRequest request) {
        return request.tz() != null
                ? request.tz()
                : preferences.timezone(request.userId()).orElse(UTC);
    }

    /**
     * The range to recap and how it was decided, by the rules alone; an empty range means "the latest
     * conversations". A phrase the rules cannot read is left to the LLM when it is on ({@link Decision#asksLlm}).
     */
    private Decision decideByRules(RecapRequest request, ZoneId zone, Instant asOf) {
        if (request.when() == null) {
            return request.from() == null
                    ? Decision.latest(null)
                    : new Decision(Optional.of(explicit(request, zone)), ResolvedBy.EXPLICIT, null);
        }
        TimeReading reading = parser.read(request.when(), zone, asOf);
        if (reading instanceof TimeReading.Range range) {
            return new Decision(Optional.of(range.range()), ResolvedBy.RULE, null);
        }
        if (reading instanceof TimeReading.TooLong tooLong) {
            throw ProblemException.invalid("when", tooLong.reason());
        }
        if (reading instanceof TimeReading.Unreadable unreadable) {
            return llmTime.isEnabled() ? Decision.askLlm(unreadable.reason()) : latestInstead(unreadable.reason());
        }
        return Decision.latest(null);
    }

    /** The range the LLM reads in a phrase the rules could not; the latest conversations when it reads none. */
    private Decision decideByLlm(RecapRequest request, ZoneId zone, Instant asOf, String unreadable) {
        Optional<ResolvedRange> range = llmTime.resolve(request.when(), zone, asOf);
        return range.isPresent() ? new Decision(range, ResolvedBy.LLM, null) : latestInstead(unreadable);
    }

    private static Decision latestInstead(String unreadable) {
        return Decision.latest(unreadable + "; answering with the latest conversations instead");
    }

    private Read read(RecapRequest request, Decision decision, ZoneId zone, Instant asOf) {
        String bot = request.bot();
        String user = request.userId();
        List<SummaryView> found;
        Instant from;
        Instant to;
        if (decision.range().isPresent()) {
            from = decision.range().get().from();
            to = decision.range().get().to();
            found = summariesOf(bot, user, from, to);
        } else {
            found = summaries.latest(bot, user, asOf, config.latestCount());
            from = found.isEmpty()
                    ? asOf.minus(LATEST_WITHOUT_SUMMARIES)
                    : found.get(0).start();
            to = found.isEmpty() ? asOf : min(found.get(found.size() - 1).end(), asOf);
        }
        Coverage coverage = pipeline.coverage(bot, user, from, to);
        Instant settledAt = to.isBefore(asOf) ? to : asOf;
        List<LearnedFact> learned = facts.learnedIn(user, bot, from, to);
        RecapInputs inputs = new RecapInputs(
                bot,
                user,
                from,
                to,
                found,
                learned,
                RecapAggregates.topics(found).stream()
                        .map(RecapView.TopicCount::topic)
                        .toList(),
                RecapAggregates.tone(found),
                RecapStatus.of(!found.isEmpty(), coverage, settledAt),
                zone,
                asOf);
        return new Read(inputs, coverage, answers.cached(inputs));
    }

    /**
     * The range's summaries, oldest first. A long range is told from the week or month rollups that lie wholly
     * inside it (one summary per period instead of dozens of days), with day summaries for the days no rollup
     * covers: the edges, and periods not rolled up yet.
     */
    private List<SummaryView> summariesOf(String bot, String user, Instant from, Instant to) {
        List<SummaryView> days = summaries.overlapping(bot, user, from, to);
        Duration span = Duration.between(from, to);
        Granularity granularity = span.compareTo(MONTHLY_FROM) > 0
                ? Granularity.MONTH
                : span.compareTo(WEEKLY_FROM) > 0 ? Granularity.WEEK : Granularity.DAY;
        if (granularity == Granularity.DAY) {
            return days;
        }
        List<SummaryView> periods = rollups.overlapping(bot, user, from, to, granularity).stream()
                .filter(p -> !p.start().isBefore(from) && !p.end().isAfter(to))
                .toList();
        if (periods.isEmpty()) {
            return days;
        }
        List<SummaryView> told = new ArrayList<>(periods);
        for (SummaryView day : days) {
            boolean covered = periods.stream()
                    .anyMatch(
                            p -> !day.start().isBefore(p.start()) && !day.end().isAfter(p.end()));
            if (!covered) {
                told.add(day);
            }
        }
        told.sort(Comparator.comparing(SummaryView::start).thenComparing(SummaryView::end));
        return told;
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
            throw ProblemException.invalid(
                    field,
                    "the range spans more than " + TimeExpressionParser.MAX_DAYS + " days; ask for a shorter one");
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** How the range was decided; before the LLM has tried, {@code by} is null and the notice says what was unread. */
    private record Decision(Optional<ResolvedRange> range, ResolvedBy by, String notice) {

        static Decision latest(String notice) {
            return new Decision(Optional.empty(), ResolvedBy.LATEST, notice);
        }

        static Decision askLlm(String unreadable) {
            return new Decision(Optional.empty(), null, unreadable);
        }

        boolean asksLlm() {
            return by == null;
        }
    }

    /** The zone, the decision and, unless the LLM is still to read the phrase, the range's rows. */
    private record Recapped(ZoneId zone, Decision decision, Read read) {}

    private record Read(RecapInputs inputs, Coverage coverage, Optional<RecapAnswer> cached) {}
}
