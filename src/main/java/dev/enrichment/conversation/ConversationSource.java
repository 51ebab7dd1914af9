package dev.enrichment.conversation;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.ConditionFactory.range;

import com.google.common.util.concurrent.ListenableFuture;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Reads the bots' conversations from Qdrant: which collections belong to bots, and their messages, page by page
 * until Qdrant has no more (a read is never capped at one page).
 */
@ApplicationScoped
public class ConversationSource {

    private static final Comparator<Message> OLDEST_FIRST =
            Comparator.comparing(Message::timestamp).thenComparing(Message::pointId);

    private final QdrantClient client;
    private final QdrantConfig config;
    private final BotNames botNames;
    private final PointParser parser;
    private final AtomicLong requests = new AtomicLong();

    ConversationSource(QdrantClient client, QdrantConfig config) {
        this.client = client;
        this.config = config;
        this.botNames = new BotNames(config.collectionPrefixes(), Set.of(config.searchCollection()));
        this.parser = new PointParser(config.maxContentChars());
    }

    /** The bots' collections, in Qdrant's order; one request. */
    public List<BotCollection> botCollections() {
        List<String> names = await(client.listCollectionsAsync(config.requestTimeout()), "list collections");
        List<BotCollection> collections = new ArrayList<>();
        for (String name : names) {
            botNames.botNameOf(name).ifPresent(bot -> collections.add(new BotCollection(name, bot)));
        }
        return collections;
    }

    /** The bot a collection belongs to, or empty when its name has none of the configured prefixes. */
    public Optional<String> botNameOf(String collectionName) {
        return botNames.botNameOf(collectionName);
    }

    /**
     * Hands every page of messages matching the query to {@code consumer}, in Qdrant's point id order, until the
     * last page; returns the totals.
     */
    public ReadStats forEachPage(MessageQuery query, Consumer<MessagePage> consumer) {
        return scroll(query, filterFor(query), consumer);
    }

    /**
     * As {@link #forEachPage}, for several users at once: one paged scan of the messages of any of {@code users}
     * (the query's own user, if any, is ignored), each message telling whose it is. Fewer requests than one scan per
     * user when each user has few messages.
     */
    public ReadStats forEachPageOfUsers(MessageQuery query, Collection<String> users, Consumer<MessagePage> consumer) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("no users to read");
        }
        Filter filter = filterFor(query.forUser(null)).toBuilder()
                .addMust(matchKeywords("user_id", List.copyOf(users)))
                .build();
        return scroll(query, filter, consumer);
    }

    private ReadStats scroll(MessageQuery query, Filter filter, Consumer<MessagePage> consumer) {
        ScrollPoints.Builder request = ScrollPoints.newBuilder()
                .setCollectionName(query.collectionName())
                .setFilter(filter)
                .setLimit(config.pageSize())
                .setWithPayload(WithPayloadSelectorFactory.include(PointParser.PAYLOAD_FIELDS))
                .setWithVectors(
                        WithVectorsSelector.newBuilder().setEnable(false).build());
        ReadStats total = ReadStats.EMPTY;
        PointId offset = null;
        do {
            if (offset != null) {
                request.setOffset(offset);
            }
            ScrollResponse response = await(
                    client.scrollAsync(request.build(), config.requestTimeout()), "scroll " + query.collectionName());
            MessagePage page = parsePage(query.botName(), response.getResultList());
            total = total.plus(page.stats());
            consumer.accept(page);
            PointId next = response.hasNextPageOffset() ? response.getNextPageOffset() : null;
            if (next != null && next.equals(offset)) {
                throw new ConversationSourceException(
                        "Qdrant returned the same page offset twice for " + query.collectionName(), null);
            }
            offset = next;
        } while (offset != null);
        return total;
    }

    /** The points with these ids (UUIDs or unsigned integers, as text), read again; ids that no longer exist are missing. */
    public MessagePage retrieve(BotCollection collection, List<String> pointIds) {
        List<PointId> ids = pointIds.stream().map(ConversationSource::pointId).toList();
        List<RetrievedPoint> points = await(
                client.retrieveAsync(
                        collection.collectionName(),
                        ids,
                        WithPayloadSelectorFactory.include(PointParser.PAYLOAD_FIELDS),
                        WithVectorsSelector.newBuilder().setEnable(false).build(),
                        null,
                        config.requestTimeout()),
                "retrieve from " + collection.collectionName());
        return parsePage(collection.botName(), points);
    }

    /**
     * The user's conversation messages whose text vector ({@code QDRANT_MESSAGE_VECTOR}) is nearest to
     * {@code vector}, best first, within [from, to) when given: one search request. Pair points and emoji reactions
     * are asked for too (they carry the same filter fields) and dropped here, so up to three times {@code limit}
     * points are read to return {@code limit} messages.
     */
    public List<ScoredMessage> nearestMessages(
            BotCollection collection, float[] vector, String userId, Instant from, Instant to, int limit) {
        List<Float> query = new ArrayList<>(vector.length);
        for (float f : vector) {
            query.add(f);
        }
        // memory_type keeps out what the bots store beside conversation (facts, reflections); the oldest data
        // marks its messages with user_message / bot_response instead
        Filter filter = filterFor(
                        MessageQuery.all(collection).forUser(userId).from(from).until(to))
                .toBuilder()
                .addMust(matchKeywords("memory_type", List.of("conversation", "user_message", "bot_response")))
                .build();
        SearchPoints request = SearchPoints.newBuilder()
                .setCollectionName(collection.collectionName())
                .setVectorName(config.messageVector())
                .addAllVector(query)
                .setFilter(filter)
                .setLimit(3L * limit)
                .setWithPayload(WithPayloadSelectorFactory.include(PointParser.PAYLOAD_FIELDS))
                .build();
        List<ScoredPoint> points =
                await(client.searchAsync(request, config.requestTimeout()), "search " + collection.collectionName());
        List<ScoredMessage> found = new ArrayList<>();
        for (ScoredPoint point : points) {
            ParsedPoint parsed = parser.parse(
                    collection.botName(),
                    RetrievedPoint.newBuilder()
                            .setId(point.getId())
                            .putAllPayload(point.getPayloadMap())
                            .build());
            if (parsed.kind() == ParsedPoint.Kind.MESSAGE && found.size() < limit) {
                found.add(new ScoredMessage(parsed.message(), point.getScore()));
            }
        }
        return found;
    }

    /** How many points of the collection are dated before {@code before} ({@code timestamp_unix}); one exact count. */
    public long countBefore(String collectionName, Instant before) {
        Filter filter = Filter.newBuilder()
                .addMust(range(
                        "timestamp_unix",
                        Range.newBuilder().setLt(epochSeconds(before)).build()))
                .build();
        return await(
                client.countAsync(collectionName, filter, true, config.requestTimeout()), "count " + collectionName);
    }

    private static PointId pointId(String id) {
        return id.indexOf('-') >= 0
                ? PointIdFactory.id(UUID.fromString(id))
                : PointIdFactory.id(Long.parseUnsignedLong(id));
    }

    /** Every message matching the query, oldest first. */
    public MessageBatch readAll(MessageQuery query) {
        List<Message> messages = new ArrayList<>();
        ReadStats stats = forEachPage(query, page -> messages.addAll(page.messages()));
        messages.sort(OLDEST_FIRST);
        return new MessageBatch(List.copyOf(messages), stats);
    }

    private MessagePage parsePage(String bot, List<RetrievedPoint> points) {
        List<Message> messages = new ArrayList<>(points.size());
        List<RejectedPoint> rejected = new ArrayList<>();
        long notMessages = 0;
        long truncated = 0;
        long dropped = 0;
        for (RetrievedPoint point : points) {
            ParsedPoint parsed = parser.parse(bot, point);
            switch (parsed.kind()) {
                case MESSAGE:
                    messages.add(parsed.message());
                    if (parsed.message().truncated()) {
                        truncated++;
                    }
                    dropped += parsed.droppedCharacters();
                    break;
                case NOT_A_MESSAGE:
                    notMessages++;
                    break;
                case MALFORMED:
                    rejected.add(new RejectedPoint(
                            PointParser.idOf(point.getId()),
                            PointParser.printableUserId(point.getPayloadMap().get("user_id")),
                            parsed.rejectionCode(),
                            parsed.reason()));
                    break;
                default:
                    throw new IllegalStateException(parsed.kind().name());
            }
        }
        return new MessagePage(
                messages,
                rejected,
                new ReadStats(points.size(), messages.size(), notMessages, rejected.size(), truncated, 1, dropped));
    }

    private static Filter filterFor(MessageQuery query) {
        Filter.Builder filter = Filter.newBuilder();
        query.user().ifPresent(user -> filter.addMust(matchKeyword("user_id", user)));
        if (query.from() != null || query.to() != null) {
            Range.Builder bounds = Range.newBuilder();
            if (query.from() != null) {
                bounds.setGte(epochSeconds(query.from()));
            }
            if (query.to() != null) {
                bounds.setLt(epochSeconds(query.to()));
            }
            filter.addMust(range("timestamp_unix", bounds.build()));
        }
        return filter.build();
    }

    static double epochSeconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1_000_000_000d;
    }

    /** Qdrant requests this process has made, for per-cycle accounting. */
    public long requestCount() {
        return requests.get();
    }

    private <T> T await(ListenableFuture<T> future, String what) {
        requests.incrementAndGet();
        try {
            // The request carries its own deadline; this bound only guards against a future that never completes.
            return future.get(config.requestTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConversationSourceException("Qdrant request failed (" + what + "): " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ConversationSourceException("Qdrant request timed out (" + what + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new ConversationSourceException("Interrupted while waiting for Qdrant (" + what + ")", e);
        }
    }
}
