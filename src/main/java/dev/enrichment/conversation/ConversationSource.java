package dev.enrichment.conversation;

import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.ConditionFactory.range;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Points.Direction;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.OrderValue;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.StartFrom;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the bots' conversations from Qdrant: which collections belong to bots, and their messages, page by page
 * until Qdrant has no more (a read is never capped at one page).
 */
@ApplicationScoped
public class ConversationSource {

    private static final String TIMESTAMP_UNIX = "timestamp_unix";

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
        return scrollById(query, filterFor(query), PointParser.PAYLOAD_FIELDS, pageHandler(query, consumer));
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
        return scrollById(query, filter, PointParser.PAYLOAD_FIELDS, pageHandler(query, consumer));
    }

    private Function<List<RetrievedPoint>, ReadStats> pageHandler(MessageQuery query, Consumer<MessagePage> consumer) {
        return points -> {
            MessagePage page = parsePage(query.botName(), points);
            consumer.accept(page);
            return page.stats();
        };
    }

    /** In which order a read goes through a collection. */
    public enum ReadOrder {
        /** Qdrant's point id order: any collection. */
        POINT_ID,
        /**
         * By {@code timestamp_unix}, oldest first: Qdrant's {@code order_by}, which needs a range index on the field
         * (the bots create a float one). Lets a long read commit its progress part way.
         */
        OLDEST_FIRST
    }

    /**
     * Hands every page of message marks (point, user, time; never the text) matching the query to
     * {@code consumer}, in the given order; returns the totals. Reading without the text keeps a scan of a whole
     * collection small: the text is most of a point. Points without a numeric {@code timestamp_unix} are not listed
     * by an {@link ReadOrder#OLDEST_FIRST} read, as by any time-bounded query.
     *
     * @throws TimeOrderUnavailableException when Qdrant cannot list the collection oldest first; nothing was read
     */
    public ReadStats forEachMarkPage(MessageQuery query, ReadOrder order, Consumer<MarkPage> consumer) {
        Function<List<RetrievedPoint>, ReadStats> handler = points -> {
            MarkPage page = parseMarks(points);
            consumer.accept(page);
            return page.stats();
        };
        return order == ReadOrder.POINT_ID
                ? scrollById(query, filterFor(query), PointParser.MARK_FIELDS, handler)
                : scrollOldestFirst(query, PointParser.MARK_FIELDS, handler);
    }

    /**
     * Scrolls in point id order, page after page until the last, handing each page to {@code handler}. The next
     * page is asked for before this one is handled, so Qdrant and this process work at the same time.
     */
    private ReadStats scrollById(
            MessageQuery query, Filter filter, List<String> fields, Function<List<RetrievedPoint>, ReadStats> handler) {
        ScrollPoints.Builder request = ScrollPoints.newBuilder()
                .setCollectionName(query.collectionName())
                .setFilter(filter)
                .setLimit(config.pageSize())
                .setWithPayload(WithPayloadSelectorFactory.include(fields))
                .setWithVectors(
                        WithVectorsSelector.newBuilder().setEnable(false).build());
        String what = "scroll " + query.collectionName();
        ReadStats total = ReadStats.EMPTY;
        PointId offset = null;
        ListenableFuture<ScrollResponse> pending = client.scrollAsync(request.build(), config.requestTimeout());
        while (true) {
            ScrollResponse response = await(pending, what);
            PointId next = response.hasNextPageOffset() ? response.getNextPageOffset() : null;
            if (next != null && next.equals(offset)) {
                throw new ConversationSourceException(
                        "Qdrant returned the same page offset twice for " + query.collectionName(), null);
            }
            pending = next == null
                    ? null
                    : client.scrollAsync(request.setOffset(next).build(), config.requestTimeout());
            total = total.plus(handled(handler, response.getResultList(), pending));
            if (pending == null) {
                return total;
            }
            offset = next;
        }
    }

    /**
     * Scrolls by {@code timestamp_unix}, oldest first, until a page comes back short. Qdrant gives no page offset
     * with {@code order_by}, so each page starts from the last timestamp read and leaves out the points already
     * read at exactly that timestamp. As in {@link #scrollById}, the next page is asked for before this one is
     * handled.
     */
    private ReadStats scrollOldestFirst(
            MessageQuery query, List<String> fields, Function<List<RetrievedPoint>, ReadStats> handler) {
        Filter filter = filterFor(query);
        String what = "scroll " + query.collectionName();
        Double start = query.from() == null ? null : epochSeconds(query.from());
        Set<PointId> readAtStart = new LinkedHashSet<>();
        ReadStats total = ReadStats.EMPTY;
        ListenableFuture<ScrollResponse> pending =
                client.scrollAsync(oldestFirstPage(query, fields, filter, start, readAtStart), config.requestTimeout());
        while (true) {
            List<RetrievedPoint> points;
            try {
                points = await(pending, what).getResultList();
            } catch (ConversationSourceException e) {
                throw refusedOrdering(e) ? new TimeOrderUnavailableException(query.collectionName(), e) : e;
            }
            pending = null;
            if (points.size() >= config.pageSize()) {
                double last = orderValue(points.get(points.size() - 1));
                if (Double.isNaN(last)) {
                    throw new ConversationSourceException(
                            "Qdrant returned a point without its order value in " + query.collectionName(), null);
                }
                if (start == null || last != start) {
                    readAtStart.clear();
                    start = last;
                }
                int before = readAtStart.size();
                points.stream()
                        .filter(point -> orderValue(point) == last)
                        .forEach(point -> readAtStart.add(point.getId()));
                if (readAtStart.size() == before) {
                    throw new ConversationSourceException(
                            "Qdrant returned a page in time order that did not move past " + last + " in "
                                    + query.collectionName(),
                            null);
                }
                pending = client.scrollAsync(
                        oldestFirstPage(query, fields, filter, start, readAtStart), config.requestTimeout());
            }
            total = total.plus(handled(handler, points, pending));
            if (pending == null) {
                return total;
            }
        }
    }

    private ScrollPoints oldestFirstPage(
            MessageQuery query, List<String> fields, Filter filter, Double start, Set<PointId> readAtStart) {
        OrderBy.Builder order = OrderBy.newBuilder().setKey(TIMESTAMP_UNIX).setDirection(Direction.Asc);
        if (start != null) {
            order.setStartFrom(StartFrom.newBuilder().setFloat(start));
        }
        Filter pageFilter = readAtStart.isEmpty()
                ? filter
                : filter.toBuilder().addMustNot(hasId(List.copyOf(readAtStart))).build();
        return ScrollPoints.newBuilder()
                .setCollectionName(query.collectionName())
                .setFilter(pageFilter)
                .setLimit(config.pageSize())
                .setOrderBy(order)
                .setWithPayload(WithPayloadSelectorFactory.include(fields))
                .setWithVectors(
                        WithVectorsSelector.newBuilder().setEnable(false).build())
                .build();
    }

    /** Hands a page over; when that fails, the page already asked for is not wanted any more. */
    private static ReadStats handled(
            Function<List<RetrievedPoint>, ReadStats> handler,
            List<RetrievedPoint> points,
            ListenableFuture<ScrollResponse> prefetched) {
        try {
            return handler.apply(points);
        } catch (RuntimeException e) {
            if (prefetched != null) {
                prefetched.cancel(true);
            }
            throw e;
        }
    }

    /** Qdrant's answer to {@code order_by} on a field without a range index: a bad request naming order_by. */
    private static boolean refusedOrdering(ConversationSourceException e) {
        return e.getCause() instanceof StatusRuntimeException grpc
                && grpc.getStatus().getCode() == Status.Code.INVALID_ARGUMENT
                && grpc.getStatus().getDescription() != null
                && grpc.getStatus().getDescription().contains("order_by");
    }

    /** The value a point was ordered by: Qdrant's {@code order_value}, else its {@code timestamp_unix}. */
    private static double orderValue(RetrievedPoint point) {
        if (point.hasOrderValue()) {
            OrderValue value = point.getOrderValue();
            return value.hasFloat() ? value.getFloat() : value.getInt();
        }
        Instant at = PointParser.timestampOf(point.getPayloadMap());
        return at == null ? Double.NaN : epochSeconds(at);
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
                        TIMESTAMP_UNIX,
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
        List<RejectedPoint> rejected = new ArrayList<>();
        ReadStats stats = forEachPage(query, page -> {
            messages.addAll(page.messages());
            rejected.addAll(page.rejected());
        });
        messages.sort(OLDEST_FIRST);
        return new MessageBatch(List.copyOf(messages), List.copyOf(rejected), stats);
    }

    private MarkPage parseMarks(List<RetrievedPoint> points) {
        List<MessageMark> marks = new ArrayList<>(points.size());
        List<RejectedPoint> rejected = new ArrayList<>();
        long notMessages = 0;
        for (RetrievedPoint point : points) {
            ParsedPoint parsed = parser.parseMark(point);
            switch (parsed.kind()) {
                case MESSAGE -> marks.add(parsed.mark());
                case NOT_A_MESSAGE -> notMessages++;
                case MALFORMED -> rejected.add(rejectedPoint(point, parsed));
            }
        }
        return new MarkPage(
                marks, rejected, new ReadStats(points.size(), marks.size(), notMessages, rejected.size(), 0, 1, 0));
    }

    private static RejectedPoint rejectedPoint(RetrievedPoint point, ParsedPoint parsed) {
        return new RejectedPoint(
                PointParser.idOf(point.getId()),
                PointParser.printableUserId(point.getPayloadMap().get("user_id")),
                parsed.rejectionCode(),
                parsed.reason());
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
                    rejected.add(rejectedPoint(point, parsed));
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
            filter.addMust(range(TIMESTAMP_UNIX, bounds.build()));
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
