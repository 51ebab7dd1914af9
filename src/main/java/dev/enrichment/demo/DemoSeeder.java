package dev.enrichment.demo;

import com.google.common.util.concurrent.ListenableFuture;
import dev.enrichment.conversation.QdrantConfig;
import dev.enrichment.demo.DemoDataSet.DemoCollection;
import dev.enrichment.pipeline.PipelineConfig;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    /** Points per upsert: three 384-float vectors each keep one request well below gRPC's 4 MB message limit. */
    static final int UPSERT_BATCH = 128;

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
        List<String> created = new ArrayList<>();
        try {
            Set<String> existing = new HashSet<>(await(client.listCollectionsAsync(timeout())));
            List<String> present = names.stream().filter(existing::contains).toList();
            if (!present.isEmpty()) {
                if (present.size() == names.size()) {
                    Log.infof("Demo seeding (ENRICHMENT_DEMO_SEED=true) skipped: Qdrant %s already has the demo "
                            + "collections %s", target, present);
                } else {
                    Log.warnf("Demo seeding (ENRICHMENT_DEMO_SEED=true) skipped: Qdrant %s has only some of the demo "
                            + "collections (%s of %s); delete them to seed the demo data again", target, present, names);
                }
                return DemoSeedOutcome.alreadyPresent(present);
            }
            Instant now = clock.instant();
            DemoDataSet data = DemoDataSet.build(LocalDate.ofInstant(now, ZoneOffset.UTC), now);
            for (DemoCollection collection : data.collections()) {
                create(collection.name());
                created.add(collection.name());
                upsert(collection);
            }
            Log.infof("Demo data seeded (demo only, ENRICHMENT_DEMO_SEED=true) into Qdrant %s: %d messages in %d "
                    + "points from %d users, %s to %s UTC: %s%s", target, data.messageCount(), data.pointCount(),
                    data.users().size(), data.firstDay(), data.lastDay(), perCollection(data), lookbackHint());
            return new DemoSeedOutcome(DemoSeedOutcome.Status.SEEDED, names, data.messageCount(), data.pointCount());
        } catch (SeedingFailedException e) {
            Log.errorf(e.getCause(), "Demo seeding (ENRICHMENT_DEMO_SEED=true) failed against Qdrant %s: %s. The "
                    + "service goes on without demo data", target, e.getMessage());
            removeAgain(created, target);
            return DemoSeedOutcome.failed(created);
        }
    }

    private void create(String name) {
        await(client.createCollectionAsync(DemoCollectionLayout.definition(name), timeout()));
        for (Map.Entry<String, PayloadSchemaType> index : DemoCollectionLayout.PAYLOAD_INDEXES.entrySet()) {
            await(client.createPayloadIndexAsync(name, index.getKey(), index.getValue(), null, true, null,
                    timeout()));
        }
    }

    private void upsert(DemoCollection collection) {
        List<PointStruct> points = collection.points();
        for (int from = 0; from < points.size(); from += UPSERT_BATCH) {
            UpsertPoints.Builder batch = UpsertPoints.newBuilder()
                    .setCollectionName(collection.name())
                    .setWait(true);
            // Vectors are added batch by batch rather than kept for the whole data set: they are most of its size.
            points.subList(from, Math.min(points.size(), from + UPSERT_BATCH))
                    .forEach(point -> batch.addPoints(DemoCollectionLayout.withVectors(point)));
            await(client.upsertAsync(batch.build(), timeout()));
        }
    }

    /** Best effort: half-filled demo collections would block every later attempt, so they go. */
    private void removeAgain(List<String> created, String target) {
        for (String name : created) {
            try {
                await(client.deleteCollectionAsync(name, timeout()));
            } catch (SeedingFailedException e) {
                Log.warnf("Could not remove the partly seeded demo collection %s from Qdrant %s (%s); delete it by "
                        + "hand before seeding again", name, target, e.getMessage());
            }
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
        return lookback >= DemoDataSet.DAYS ? ""
                : ". LOOKBACK_DAYS=" + lookback + ": the first cycle reads only the last " + lookback
                        + " days; set LOOKBACK_DAYS=" + DemoDataSet.DAYS + " to enrich all of them";
    }

    private Duration timeout() {
        return qdrant.requestTimeout();
    }

    private <T> T await(ListenableFuture<T> future) {
        try {
            // Each request carries its own deadline; this bound only guards against a future that never completes.
            return future.get(timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new SeedingFailedException(String.valueOf(cause.getMessage()), cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new SeedingFailedException("no answer within " + timeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new SeedingFailedException("interrupted", e);
        }
    }

    /** A Qdrant request of the seeding failed; only ever caught inside this class. */
    private static final class SeedingFailedException extends RuntimeException {

        SeedingFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
