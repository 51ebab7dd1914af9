package dev.enrichment.bench.baseline;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.range;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * BASELINE ONLY, benchmark code: a re-enactment of the OLD Python worker's Qdrant and LLM access pattern (see
 * docs/whisperengine-notes.md, "The old worker and why it was replaced"), run against the same Qdrant double and data
 * as the service so that the suite can put the two side by side. It is not used by the service and it does not
 * analyse anything; it makes the requests the old worker made and counts the LLM calls it would have made.
 *
 * <p>Per cycle and collection: five unfiltered scans of the whole collection in pages of 100 (the old summary, fact,
 * preference and two side steps each found the bot's users that way). Then, for every user ever seen:
 * <ul>
 *   <li>summaries: one scroll for points newer than the user's summary watermark, capped at one page of 1,000 in id
 *       (random) order; the span from the oldest to the newest point of that page is cut into 24 h pieces ending at
 *       the newest, and each piece with at least 5 points gets one scroll of its points (again one page of 1,000)
 *       and 2 LLM calls (summary, topics); the watermark moves to the newest timestamp of the first page, so points
 *       outside that page's span, and pieces under 5 points, are never summarised;</li>
 *   <li>facts: one scroll past the fact watermark (one page of 1,000); one LLM call per 20 user lines;</li>
 *   <li>preferences: one scroll past its watermark (one page of 1,000); one LLM call when there are 3 points or
 *       more;</li>
 *   <li>self-reflection: one scroll.</li>
 * </ul>
 */
public final class OldWorkerBaseline {

    private static final int SCAN_PAGE = 100;
    private static final int FETCH_CAP = 1_000;
    private static final int SCANS_PER_COLLECTION = 5;
    private static final double DAY_SECONDS = 24 * 3600;
    private static final int MIN_POINTS_PER_PIECE = 5;
    private static final int FACT_POINTS_PER_CALL = 20;
    private static final int MIN_POINTS_FOR_PREFERENCES = 3;

    private final QdrantClient client;
    /** Per collection, every user seen so far, and the user's three watermarks (epoch seconds). */
    private final Map<String, Map<String, Watermarks>> users = new HashMap<>();

    private final double lookbackStart;

    /** @param lookbackStart epoch seconds where a user's first fetch starts (the old {@code LOOKBACK_DAYS}) */
    public OldWorkerBaseline(QdrantClient client, double lookbackStart) {
        this.client = client;
        this.lookbackStart = lookbackStart;
    }

    /** What one cycle of the old pattern did. */
    public record CycleFigures(
            long qdrantRequests,
            long pointsTransferred,
            long llmCalls,
            long summaryPieces,
            long messagesSummarised,
            long wallNanos) {}

    private static final class Watermarks {
        double summaries;
        double facts;
        double preferences;

        Watermarks(double start) {
            summaries = start;
            facts = start;
            preferences = start;
        }
    }

    private long requests;
    private long transferred;
    private long llmCalls;
    private long pieces;
    private long summarised;

    /** Marks every user of these collections as processed up to {@code upTo}, as after the old worker's last run. */
    public void assumeProcessedUpTo(List<String> collections, double upTo) {
        for (String collection : collections) {
            for (String user : scanUsers(collection)) {
                users.computeIfAbsent(collection, c -> new HashMap<>()).put(user, new Watermarks(upTo));
            }
        }
    }

    /** One cycle over the collections, one after another as the old worker ran them. */
    public CycleFigures cycle(List<String> collections) {
        requests = 0;
        transferred = 0;
        llmCalls = 0;
        pieces = 0;
        summarised = 0;
        long start = System.nanoTime();
        for (String collection : collections) {
            Map<String, Watermarks> known = users.computeIfAbsent(collection, c -> new HashMap<>());
            Set<String> found = new LinkedHashSet<>();
            for (int scan = 0; scan < SCANS_PER_COLLECTION; scan++) {
                found.addAll(scanUsers(collection));
            }
            found.forEach(user -> known.computeIfAbsent(user, u -> new Watermarks(lookbackStart)));
            for (Map.Entry<String, Watermarks> user : known.entrySet()) {
                summaries(collection, user.getKey(), user.getValue());
                facts(collection, user.getKey(), user.getValue());
                preferences(collection, user.getKey(), user.getValue());
                fetch(
                        collection,
                        Filter.newBuilder()
                                .addMust(matchKeyword("user_id", user.getKey()))
                                .addMust(matchKeyword("memory_type", "self_reflection"))
                                .build());
            }
        }
        return new CycleFigures(requests, transferred, llmCalls, pieces, summarised, System.nanoTime() - start);
    }

    private void summaries(String collection, String user, Watermarks marks) {
        List<RetrievedPoint> page = fetch(collection, newerThan(user, marks.summaries));
        if (page.isEmpty()) {
            return;
        }
        double oldest = Double.MAX_VALUE;
        double newest = -Double.MAX_VALUE;
        for (RetrievedPoint point : page) {
            double at = unix(point);
            oldest = Math.min(oldest, at);
            newest = Math.max(newest, at);
        }
        // 24 h pieces ending at the newest point of the page
        for (double end = newest; end > oldest - 1e-6; end -= DAY_SECONDS) {
            double pieceStart = end - DAY_SECONDS;
            long inPiece = 0;
            for (RetrievedPoint point : page) {
                double at = unix(point);
                if (at > pieceStart && at <= end) {
                    inPiece++;
                }
            }
            if (inPiece < MIN_POINTS_PER_PIECE) {
                continue;
            }
            List<RetrievedPoint> window = fetch(
                    collection,
                    Filter.newBuilder()
                            .addMust(matchKeyword("user_id", user))
                            .addMust(range(
                                    "timestamp_unix",
                                    Range.newBuilder()
                                            .setGt(pieceStart)
                                            .setLte(end)
                                            .build()))
                            .build());
            pieces++;
            summarised += window.stream().filter(OldWorkerBaseline::isMessage).count();
            llmCalls += 2;
        }
        marks.summaries = newest;
    }

    private void facts(String collection, String user, Watermarks marks) {
        List<RetrievedPoint> page = fetch(collection, newerThan(user, marks.facts));
        long userLines =
                page.stream().filter(p -> "user".equals(text(p, "role"))).count();
        llmCalls += (userLines + FACT_POINTS_PER_CALL - 1) / FACT_POINTS_PER_CALL;
        page.stream().mapToDouble(OldWorkerBaseline::unix).max().ifPresent(at -> marks.facts = at);
    }

    private void preferences(String collection, String user, Watermarks marks) {
        List<RetrievedPoint> page = fetch(collection, newerThan(user, marks.preferences));
        if (page.size() >= MIN_POINTS_FOR_PREFERENCES) {
            llmCalls++;
        }
        page.stream().mapToDouble(OldWorkerBaseline::unix).max().ifPresent(at -> marks.preferences = at);
    }

    /** One unfiltered scan of the whole collection in pages of 100, whole payloads: the users it holds. */
    private Set<String> scanUsers(String collection) {
        Set<String> found = new LinkedHashSet<>();
        PointId offset = null;
        do {
            ScrollPoints.Builder request = ScrollPoints.newBuilder()
                    .setCollectionName(collection)
                    .setLimit(SCAN_PAGE)
                    .setWithPayload(WithPayloadSelectorFactory.enable(true))
                    .setWithVectors(WithVectorsSelector.newBuilder().setEnable(false));
            if (offset != null) {
                request.setOffset(offset);
            }
            ScrollResponse response = scroll(request.build());
            for (RetrievedPoint point : response.getResultList()) {
                String user = text(point, "user_id");
                if (user != null) {
                    found.add(user);
                }
            }
            offset = response.hasNextPageOffset() ? response.getNextPageOffset() : null;
        } while (offset != null);
        return found;
    }

    /** One page of up to 1,000 points, in id order, whole payloads: the old worker never read a second page. */
    private List<RetrievedPoint> fetch(String collection, Filter filter) {
        return scroll(ScrollPoints.newBuilder()
                        .setCollectionName(collection)
                        .setFilter(filter)
                        .setLimit(FETCH_CAP)
                        .setWithPayload(WithPayloadSelectorFactory.enable(true))
                        .setWithVectors(WithVectorsSelector.newBuilder().setEnable(false))
                        .build())
                .getResultList();
    }

    private ScrollResponse scroll(ScrollPoints request) {
        requests++;
        try {
            ScrollResponse response = client.scrollAsync(request).get();
            transferred += response.getResultCount();
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("baseline scroll failed", e.getCause());
        }
    }

    private static Filter newerThan(String user, double watermark) {
        return Filter.newBuilder()
                .addMust(matchKeyword("user_id", user))
                .addMust(range(
                        "timestamp_unix", Range.newBuilder().setGt(watermark).build()))
                .build();
    }

    private static boolean isMessage(RetrievedPoint point) {
        String role = text(point, "role");
        return "user".equals(role) || "assistant".equals(role) || "bot".equals(role);
    }

    private static double unix(RetrievedPoint point) {
        Value value = point.getPayloadMap().get("timestamp_unix");
        return value == null ? 0 : value.hasDoubleValue() ? value.getDoubleValue() : value.getIntegerValue();
    }

    private static String text(RetrievedPoint point, String field) {
        Value value = point.getPayloadMap().get(field);
        return value != null && value.hasStringValue() ? value.getStringValue() : null;
    }

    /** Users currently known, for tests. */
    public List<String> knownUsers(String collection) {
        return new ArrayList<>(users.getOrDefault(collection, Map.of()).keySet());
    }
}
