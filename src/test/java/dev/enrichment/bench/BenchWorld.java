package dev.enrichment.bench;

import dev.enrichment.testsupport.Sql;
import dev.enrichment.testsupport.qdrant.QdrantTestDouble;
import dev.enrichment.testsupport.qdrant.QdrantTestResource;
import dev.enrichment.testsupport.qdrant.QdrantTestTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/** Clean state for a benchmark inside the application's JVM: empty tables, no collections, counters at zero. */
final class BenchWorld {

    static final String PREFIX = "whisperengine_memory_";

    final Sql sql;
    final QdrantTestTarget qdrant;
    final QdrantTestDouble qdrantDouble;

    private BenchWorld(DataSource dataSource) {
        this.sql = new Sql(dataSource);
        this.qdrant = QdrantTestResource.target();
        this.qdrantDouble = qdrant.testDouble().orElseThrow();
    }

    static BenchWorld reset(DataSource dataSource) {
        BenchWorld world = new BenchWorld(dataSource);
        world.qdrant.deleteAllCollections();
        world.qdrantDouble.reset();
        world.sql.update("""
                TRUNCATE enrichment_windows, enrichment_discovery_cursors, enrichment_summary_revisions,
                    enrichment_fact_history, conversation_summaries, user_fact_relationships, entity_relationships,
                    fact_entities, universal_users, enrichment_quarantine CASCADE""");
        return world;
    }

    /** Creates {@code count} bot collections named {@code whisperengine_memory_<bot><i>}; returns their names. */
    List<String> collections(String bot, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = PREFIX + bot + i;
            qdrant.createWhisperEngineCollection(name);
            names.add(name);
        }
        return names;
    }

    static String botOf(String collection) {
        return collection.substring(PREFIX.length());
    }

    /** The value at this quantile of ascending nanoseconds, in milliseconds. */
    static double millis(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    static long[] sorted(List<Long> nanos) {
        long[] values = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(values);
        return values;
    }
}
