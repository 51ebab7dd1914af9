package dev.enrichment.demo;

import dev.enrichment.conversation.QdrantConfig;
import dev.enrichment.pipeline.PipelineConfig;
import io.qdrant.client.QdrantClient;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Demo only: with {@code ENRICHMENT_DEMO_SEED=true}, fills a Qdrant that has none of the demo collections with two
 * weeks of WhisperEngine-style conversations ({@link DemoDataSet}) ending now, so that a fresh install has something
 * to enrich. It never writes into a Qdrant that already holds any demo collection, and it is off by default: the
 * service itself only ever reads conversations.
 *
 * <p>Seeding runs synchronously in the start-up observer, so it is finished before the worker's first cycle
 * ({@code enrichment-cycle.first-delay} after start). A Qdrant failure is logged and does not stop the service.
 */
@ApplicationScoped
public class DemoSeeder {

    private final QdrantClient client;
    private final QdrantConfig qdrant;
    private final DemoConfig config;
    private final PipelineConfig pipeline;
    private final Clock clock;

    DemoSeeder(QdrantClient client, QdrantConfig qdrant, DemoConfig config, PipelineConfig pipeline, Clock clock) {
        this.client = client;
        this.qdrant = qdrant;
        this.config = config;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.seed()) {
            seedIfAbsent();
        }
    }

    /**
     * Creates and fills the demo collections when none of them exists; otherwise leaves Qdrant untouched. Never
     * throws for a Qdrant failure: it is logged, and the collections this call created are removed again so the next
     * start can try afresh.
     */
    public DemoSeedOutcome seedIfAbsent() {
        String target = qdrant.host() + ":" + qdrant.grpcPort();
        List<String> names = DemoDataSet.collectionNames();
        DemoLoader loader = new DemoLoader(client, qdrant.requestTimeout());
        try {
            List<String> present = loader.presentCollections();
            if (!present.isEmpty()) {
                if (present.size() == names.size()) {
                    Log.infof(
                            "Demo seeding (ENRICHMENT_DEMO_SEED=true) skipped: Qdrant %s already has the demo "
                                    + "collections %s",
                            target, present);
                } else {
                    Log.warnf(
                            "Demo seeding (ENRICHMENT_DEMO_SEED=true) skipped: Qdrant %s has only some of the demo "
                                    + "collections (%s of %s); delete them to seed the demo data again",
                            target, present, names);
                }
                return DemoSeedOutcome.alreadyPresent(present);
            }
            Instant now = clock.instant();
            DemoDataSet data = DemoDataSet.build(LocalDate.ofInstant(now, ZoneOffset.UTC), now);
            loader.load(data);
            Log.infof(
                    "Demo data seeded (demo only, ENRICHMENT_DEMO_SEED=true) into Qdrant %s: %d messages in %d "
                            + "points from %d users, %s to %s UTC: %s%s",
                    target,
                    data.messageCount(),
                    data.pointCount(),
                    data.users().size(),
                    data.firstDay(),
                    data.lastDay(),
                    perCollection(data),
                    lookbackHint());
            return new DemoSeedOutcome(DemoSeedOutcome.Status.SEEDED, names, data.messageCount(), data.pointCount());
        } catch (DemoLoader.DemoLoadException e) {
            Log.errorf(
                    e.getCause(),
                    "Demo seeding (ENRICHMENT_DEMO_SEED=true) failed against Qdrant %s: %s. The "
                            + "service goes on without demo data",
                    target,
                    e.getMessage());
            return DemoSeedOutcome.failed(names);
        }
    }

    private static String perCollection(DemoDataSet data) {
        return data.collections().stream()
                .map(c -> c.name() + " (" + c.messages() + " messages)")
                .collect(Collectors.joining(", "));
    }

    private String lookbackHint() {
        int lookback = pipeline.lookbackDays();
        // The look-back counts back from now, so reaching the start of the first of 14 days takes 14 days.
        return lookback >= DemoDataSet.DAYS
                ? ""
                : ". LOOKBACK_DAYS=" + lookback + ": the first cycle reads only the last " + lookback
                        + " days; set LOOKBACK_DAYS=" + DemoDataSet.DAYS + " to enrich all of them";
    }
}
