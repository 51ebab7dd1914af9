package dev.enrichment.testsupport.qdrant;

import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.Direction;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.OrderValue;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;

/**
 * Scroll as Qdrant documents it (qdrant.tech/documentation/concepts/points, "Scroll points"; the collection's
 * {@code scroll_by}):
 * <ul>
 *   <li>without {@code order_by}: points in id order (see {@link PointKey}); {@code offset} is the first id to
 *       include; {@code limit} defaults to 10; {@code next_page_offset} is the id of the first point of the next page
 *       and is absent on the last page;</li>
 *   <li>with {@code order_by}: rejected unless the key has an index that supports Range conditions ("Qdrant
 *       therefore requires a payload index which supports Range filtering conditions on the field used for
 *       order_by"), then rejected if an {@code offset} is given; points are sorted by the key's value (ties by id),
 *       points without a value for the key are left out, {@code start_from} is inclusive (lowest value for asc,
 *       highest for desc), and no {@code next_page_offset} is returned ("When you use the order_by parameter,
 *       pagination is disabled"). A point with several values is listed once, at its smallest value ascending and
 *       its largest descending;</li>
 *   <li>{@code limit} 0 is a bad request; vectors are never returned.</li>
 * </ul>
 */
final class Scroller {

    static final int DEFAULT_LIMIT = 10;

    private Scroller() {}

    static ScrollResponse scroll(StoredCollection collection, ScrollPoints request) {
        long limit = request.hasLimit() ? Integer.toUnsignedLong(request.getLimit()) : DEFAULT_LIMIT;
        PayloadIndex orderIndex = request.hasOrderBy() ? validateOrderBy(collection, request) : null;
        if (limit == 0) {
            throw QdrantErrors.badRequest("Limit cannot be 0");
        }
        Filter filter = request.getFilter();
        return orderIndex == null
                ? collection.read(points -> collection
                        .candidates(filter)
                        .map(candidates -> byIdAmong(candidates, points, request, filter, limit))
                        .orElseGet(() -> byId(points, request, filter, limit)))
                : collection.read(points -> byIndexedTime(collection, points, request, filter, limit, orderIndex)
                        .orElseGet(() -> byField(points, request, filter, limit, orderIndex)));
    }

    /**
     * As {@link #byField}, walking the time index instead of sorting every point: ordering by the float
     * {@code timestamp_unix} is how discovery reads, page after page, and a full sort per page would make the double,
     * not the request pattern, what a benchmark measures. Empty when the index cannot answer exactly.
     */
    private static Optional<ScrollResponse> byIndexedTime(
            StoredCollection collection,
            NavigableMap<PointKey, Map<String, Value>> points,
            ScrollPoints request,
            Filter filter,
            long limit,
            PayloadIndex index) {
        OrderBy orderBy = request.getOrderBy();
        boolean numericStart = !orderBy.hasStartFrom()
                || orderBy.getStartFrom().hasFloat()
                || orderBy.getStartFrom().hasInteger();
        if (!orderBy.getKey().equals(CandidateIndex.TIMESTAMP_UNIX)
                || index.type() != PayloadSchemaType.Float
                || !numericStart) {
            return Optional.empty();
        }
        Double start = orderBy.hasStartFrom() ? startValue(orderBy).doubleValue() : null;
        return collection
                .inTimeOrder(start, orderBy.getDirection() == Direction.Desc)
                .map(timed -> {
                    ScrollResponse.Builder response = ScrollResponse.newBuilder();
                    for (CandidateIndex.Timed point : timed) {
                        if (response.getResultCount() == limit) {
                            break;
                        }
                        Map<String, Value> payload = points.get(point.key());
                        if (payload == null || !FilterMatcher.matches(filter, point.key(), payload)) {
                            continue;
                        }
                        response.addResult(retrieved(point.key(), payload, request).toBuilder()
                                .setOrderValue(OrderValue.newBuilder().setFloat(point.time())));
                    }
                    return response.build();
                });
    }

    private static PayloadIndex validateOrderBy(StoredCollection collection, ScrollPoints request) {
        String key = request.getOrderBy().getKey();
        PayloadIndex index = collection
                .index(key)
                .filter(PayloadIndex::supportsRange)
                .orElseThrow(() -> QdrantErrors.badRequest("No range index for `order_by` key: `" + key
                        + "`. Please create one to use `order_by`. Check "
                        + "https://qdrant.tech/documentation/concepts/indexing/#payload-index "
                        + "to see which payload schemas support Range conditions"));
        if (request.hasOffset()) {
            throw QdrantErrors.wrongInput("Cannot use an `offset` when using `order_by`. The alternative for paging is "
                    + "to use `order_by.start_from` and a filter to exclude the IDs that you've already seen for the "
                    + "`order_by.start_from` value");
        }
        return index;
    }

    private static ScrollResponse byId(
            NavigableMap<PointKey, Map<String, Value>> points, ScrollPoints request, Filter filter, long limit) {
        NavigableMap<PointKey, Map<String, Value>> from =
                request.hasOffset() ? points.tailMap(PointKey.of(request.getOffset()), true) : points;
        ScrollResponse.Builder response = ScrollResponse.newBuilder();
        for (Map.Entry<PointKey, Map<String, Value>> point : from.entrySet()) {
            if (!FilterMatcher.matches(filter, point.getKey(), point.getValue())) {
                continue;
            }
            if (response.getResultCount() == limit) {
                response.setNextPageOffset(point.getKey().toPointId());
                break;
            }
            response.addResult(retrieved(point.getKey(), point.getValue(), request));
        }
        return response.build();
    }

    /** As {@link #byId}, reading only the points an index named as candidates. */
    private static ScrollResponse byIdAmong(
            NavigableSet<PointKey> candidates,
            NavigableMap<PointKey, Map<String, Value>> points,
            ScrollPoints request,
            Filter filter,
            long limit) {
        NavigableSet<PointKey> from =
                request.hasOffset() ? candidates.tailSet(PointKey.of(request.getOffset()), true) : candidates;
        ScrollResponse.Builder response = ScrollResponse.newBuilder();
        for (PointKey key : from) {
            Map<String, Value> payload = points.get(key);
            if (payload == null || !FilterMatcher.matches(filter, key, payload)) {
                continue;
            }
            if (response.getResultCount() == limit) {
                response.setNextPageOffset(key.toPointId());
                break;
            }
            response.addResult(retrieved(key, payload, request));
        }
        return response.build();
    }

    private static ScrollResponse byField(
            NavigableMap<PointKey, Map<String, Value>> points,
            ScrollPoints request,
            Filter filter,
            long limit,
            PayloadIndex index) {
        OrderBy orderBy = request.getOrderBy();
        boolean descending = orderBy.getDirection() == Direction.Desc;
        Optional<BigDecimal> start = orderBy.hasStartFrom() ? Optional.of(startValue(orderBy)) : Optional.empty();
        record Candidate(PointKey id, Map<String, Value> payload, BigDecimal value) {}
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<PointKey, Map<String, Value>> point : points.entrySet()) {
            if (!FilterMatcher.matches(filter, point.getKey(), point.getValue())) {
                continue;
            }
            OrderValues.of(index.type(), point.getValue(), orderBy.getKey(), descending)
                    .filter(value -> start.isEmpty()
                            || (descending ? value.compareTo(start.get()) <= 0 : value.compareTo(start.get()) >= 0))
                    .ifPresent(value -> candidates.add(new Candidate(point.getKey(), point.getValue(), value)));
        }
        Comparator<Candidate> byValue = Comparator.comparing(Candidate::value);
        candidates.sort((descending ? byValue.reversed() : byValue).thenComparing(Candidate::id));
        ScrollResponse.Builder response = ScrollResponse.newBuilder();
        candidates.stream()
                .limit(limit)
                .forEach(candidate ->
                        response.addResult(retrieved(candidate.id(), candidate.payload(), request).toBuilder()
                                .setOrderValue(OrderValues.toOrderValue(index.type(), candidate.value()))
                                .build()));
        return response.build();
    }

    private static BigDecimal startValue(OrderBy orderBy) {
        return switch (orderBy.getStartFrom().getValueCase()) {
            case FLOAT -> BigDecimal.valueOf(orderBy.getStartFrom().getFloat());
            case INTEGER -> BigDecimal.valueOf(orderBy.getStartFrom().getInteger());
            case TIMESTAMP ->
                BigDecimal.valueOf(
                        PayloadDatetimes.micros(orderBy.getStartFrom().getTimestamp()));
            case DATETIME ->
                BigDecimal.valueOf(
                        PayloadDatetimes.parseMicros(orderBy.getStartFrom().getDatetime())
                                .orElseThrow(() -> QdrantErrors.wrongInput("Unable to parse datetime: "
                                        + orderBy.getStartFrom().getDatetime())));
            case VALUE_NOT_SET -> throw QdrantErrors.wrongInput("order_by.start_from is empty");
        };
    }

    private static RetrievedPoint retrieved(PointKey id, Map<String, Value> payload, ScrollPoints request) {
        return RetrievedPoint.newBuilder()
                .setId(id.toPointId())
                .putAllPayload(PayloadSelection.apply(request.getWithPayload(), true, payload))
                .build();
    }

    /** The value a point is ordered by, in the units of the index type. */
    private static final class OrderValues {

        private OrderValues() {}

        static Optional<BigDecimal> of(
                PayloadSchemaType type, Map<String, Value> payload, String key, boolean descending) {
            List<BigDecimal> values = new ArrayList<>();
            for (Value found : PayloadPath.resolve(payload, key)) {
                List<Value> elements =
                        found.hasListValue() ? found.getListValue().getValuesList() : List.of(found);
                elements.forEach(element -> indexed(type, element).ifPresent(values::add));
            }
            return descending
                    ? values.stream().max(Comparator.naturalOrder())
                    : values.stream().min(Comparator.naturalOrder());
        }

        static OrderValue toOrderValue(PayloadSchemaType type, BigDecimal value) {
            return type == PayloadSchemaType.Float
                    ? OrderValue.newBuilder().setFloat(value.doubleValue()).build()
                    : OrderValue.newBuilder().setInt(value.longValue()).build();
        }

        /** What the index would hold for one value: integers only, numbers, or datetimes as epoch microseconds. */
        private static Optional<BigDecimal> indexed(PayloadSchemaType type, Value element) {
            return switch (type) {
                case Integer ->
                    element.hasIntegerValue()
                            ? Optional.of(BigDecimal.valueOf(element.getIntegerValue()))
                            : Optional.empty();
                case Float -> {
                    if (element.hasIntegerValue()) {
                        yield Optional.of(BigDecimal.valueOf(element.getIntegerValue()));
                    }
                    yield element.hasDoubleValue() && Double.isFinite(element.getDoubleValue())
                            ? Optional.of(BigDecimal.valueOf(element.getDoubleValue()))
                            : Optional.empty();
                }
                case Datetime ->
                    element.hasStringValue()
                            ? PayloadDatetimes.parseMicros(element.getStringValue()).stream()
                                    .mapToObj(BigDecimal::valueOf)
                                    .findFirst()
                            : Optional.empty();
                default -> Optional.empty();
            };
        }
    }
}
