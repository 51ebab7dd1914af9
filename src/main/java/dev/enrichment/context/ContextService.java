package dev.enrichment.context;

import dev.enrichment.ReadTransaction;
import dev.enrichment.fact.FactReader;
import dev.enrichment.preference.PreferenceReader;
import dev.enrichment.preference.PreferenceView;
import dev.enrichment.preference.UserPreferences;
import dev.enrichment.summary.SummaryReader;
import dev.enrichment.summary.SummaryView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Builds the prompt context for one user and one bot: preferences, the facts most relevant now, the latest
 * conversation and, given the current message, the past conversations most like it (found first, see
 * {@link SimilarSummaries}). The rest is read in one transaction on one connection; no chat LLM is called, so the
 * same data always gives the same block.
 */
@ApplicationScoped
public class ContextService {

    /** Facts read before ranking: every fact of a user, in practice (a heavy user has a few hundred). */
    private static final int FACT_CANDIDATES = 1000;

    private final PreferenceReader preferences;
    private final FactReader facts;
    private final SummaryReader summaries;
    private final SimilarSummaries similar;
    private final ContextConfig config;
    private final FactRanking ranking;
    private final ContextComposer composer;
    private final ReadTransaction reads;
    private final Clock clock;

    ContextService(
            PreferenceReader preferences,
            FactReader facts,
            SummaryReader summaries,
            SimilarSummaries similar,
            ContextConfig config,
            ReadTransaction reads,
            Clock clock) {
        this.preferences = preferences;
        this.facts = facts;
        this.summaries = summaries;
        this.similar = similar;
        this.config = config;
        this.ranking = new FactRanking(config.factHalfLife(), config.staleAfter(), config.staleKinds());
        this.composer = new ContextComposer(config.minPreferenceConfidence());
        this.reads = reads;
        this.clock = clock;
    }

    /** The context; a user nobody knows yet gets an empty block, not an error (bots ask before every reply). */
    ContextView context(ContextRequest request) {
        Instant now = clock.instant();
        // before the read transaction: a semantic match waits on the network and must not hold its connection
        List<SimilarSummary> candidates = request.q() == null || config.similarCount() == 0
                ? List.of()
                : similar.similarTo(request.bot(), request.userId(), request.q(), config.similarCount() + 1);
        ContextInputs inputs = reads.call(() -> read(request, candidates, now));
        return composer.compose(request.userId(), request.bot(), request.maxTokens(), inputs);
    }

    private ContextInputs read(ContextRequest request, List<SimilarSummary> candidates, Instant now) {
        String user = request.userId();
        String bot = request.bot();
        UserPreferences stored = preferences.preferences(user);
        List<ContextFact> ranked = ranking.rank(facts.scopedTo(user, bot, FACT_CANDIDATES), now).stream()
                .limit(config.maxFacts())
                .toList();
        List<SummaryView> newest = summaries.latest(bot, user, now, 1);
        SummaryView latest = newest.isEmpty() ? null : newest.get(0);
        List<SimilarSummary> like = candidates.stream()
                .filter(found -> latest == null || found.summary().id() != latest.id())
                .limit(config.similarCount())
                .toList();
        return new ContextInputs(stored.preferences(), ranked, latest, like, zone(stored), now);
    }

    private static ZoneId zone(UserPreferences stored) {
        PreferenceView timezone = stored.preferences().get("timezone");
        if (timezone == null || timezone.value() == null || timezone.value().isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timezone.value().strip());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
