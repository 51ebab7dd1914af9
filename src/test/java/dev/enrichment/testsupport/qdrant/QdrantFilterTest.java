package dev.enrichment.testsupport.qdrant;

import static dev.enrichment.testsupport.qdrant.ClientCalls.await;
import static io.qdrant.client.ConditionFactory.datetimeRange;
import static io.qdrant.client.ConditionFactory.filter;
import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.isEmpty;
import static io.qdrant.client.ConditionFactory.isNull;
import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.ConditionFactory.matchExceptKeywords;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.ConditionFactory.matchText;
import static io.qdrant.client.ConditionFactory.nested;
import static io.qdrant.client.ConditionFactory.range;
import static io.qdrant.client.ConditionFactory.valuesCount;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.nullValue;
import static io.qdrant.client.ValueFactory.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.MinShould;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Common.ValuesCount;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.ScrollPoints;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Filter semantics, checked through the real Qdrant client against {@link QdrantTestTarget#create()}. */
class QdrantFilterTest {

    private static final String COLLECTION = "filter_semantics";
    private static QdrantTestTarget target;

    @BeforeAll
    static void seed() {
        target = QdrantTestTarget.create();
        target.deleteCollection(COLLECTION);
        target.createCollectionWithoutIndexes(COLLECTION);
        target.upsert(
                COLLECTION,
                List.of(
                        point(
                                1,
                                Map.of(
                                        "city",
                                        value("London"),
                                        "color",
                                        value("red"),
                                        "count",
                                        value(5),
                                        "tags",
                                        list(List.of(value("a"), value("b"))),
                                        "nested",
                                        value(Map.of("level", value(1))),
                                        "when",
                                        value("2025-10-18T10:00:00"))),
                        point(
                                2,
                                Map.of(
                                        "city",
                                        value("Paris"),
                                        "color",
                                        value("blue"),
                                        "count",
                                        value(10),
                                        "tags",
                                        list(List.of(value("c"))),
                                        "when",
                                        value("2025-10-18T12:00:00+02:00"))),
                        point(
                                3,
                                Map.of(
                                        "city",
                                        value("Berlin"),
                                        "color",
                                        value("red"),
                                        "count",
                                        value(15.5),
                                        "tags",
                                        list(List.of()),
                                        "when",
                                        value("2025-10-19T00:00:00Z"))),
                        point(4, Map.of("city", value("London"), "color", nullValue(), "count", value(20))),
                        point(5, Map.of("city", value("Rome"))),
                        point(
                                6,
                                Map.of(
                                        "city",
                                        value("Paris"),
                                        "color",
                                        value("green"),
                                        "count",
                                        value(7),
                                        "reviews",
                                        list(List.of(
                                                value(Map.of("score", value(3))),
                                                value(Map.of("score", value(9)))))))));
    }

    @AfterAll
    static void close() {
        target.deleteCollection(COLLECTION);
        target.close();
    }

    @Test
    void mustRequiresEveryCondition() {
        assertThat(idsMatching(Filter.newBuilder()
                        .addMust(matchKeyword("city", "London"))
                        .addMust(matchKeyword("color", "red"))
                        .build()))
                .containsExactly(1L);
    }

    @Test
    void shouldRequiresAtLeastOneCondition() {
        assertThat(idsMatching(Filter.newBuilder()
                        .addShould(matchKeyword("city", "Rome"))
                        .addShould(matchKeyword("color", "blue"))
                        .build()))
                .containsExactly(2L, 5L);
    }

    @Test
    void mustNotKeepsPointsWhereTheFieldIsNullOrMissing() {
        assertThat(idsMatching(Filter.newBuilder()
                        .addMustNot(matchKeyword("color", "red"))
                        .build()))
                .containsExactly(2L, 4L, 5L, 6L);
    }

    @Test
    void matchAnyAcceptsEveryListedKeyword() {
        assertThat(idsMatching(Filter.newBuilder()
                        .addMust(matchKeywords("city", List.of("Paris", "Rome")))
                        .build()))
                .containsExactly(2L, 5L, 6L);
    }

    @Test
    void matchExceptSkipsListedValuesNullsAndMissingFields() {
        assertThat(idsMatching(Filter.newBuilder()
                        .addMust(matchExceptKeywords("color", List.of("red")))
                        .build()))
                .containsExactly(2L, 6L);
    }

    @Test
    void arrayMatchesWhenAnyElementMatches() {
        assertThat(idsMatching(
                        Filter.newBuilder().addMust(matchKeyword("tags", "b")).build()))
                .containsExactly(1L);
    }

    @Test
    void integerMatchNeverEqualsAFloat() {
        assertThat(idsMatching(Filter.newBuilder().addMust(match("count", 10L)).build()))
                .containsExactly(2L);
        assertThat(idsMatching(Filter.newBuilder().addMust(match("count", 15L)).build()))
                .isEmpty();
    }

    @Test
    void rangeHonoursStrictAndInclusiveBoundsOnIntegersAndFloats() {
        Range range = Range.newBuilder().setGt(5).setLte(15.5).build();
        assertThat(idsMatching(
                        Filter.newBuilder().addMust(range("count", range)).build()))
                .containsExactly(2L, 3L, 6L);
    }

    @Test
    void isEmptyMatchesMissingNullAndEmptyArray() {
        assertThat(idsMatching(Filter.newBuilder().addMust(isEmpty("color")).build()))
                .containsExactly(4L, 5L);
        assertThat(idsMatching(Filter.newBuilder().addMust(isEmpty("tags")).build()))
                .containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void isNullMatchesOnlyAnExplicitNull() {
        assertThat(idsMatching(Filter.newBuilder().addMust(isNull("color")).build()))
                .containsExactly(4L);
    }

    @Test
    void hasIdSelectsListedPointsAndIgnoresUnknownIds() {
        assertThat(idsMatching(Filter.newBuilder()
                        .addMust(hasId(List.of(id(2), id(5), id(99))))
                        .build()))
                .containsExactly(2L, 5L);
    }

    @Test
    void nestedFilterConditionGroupsAlternatives() {
        Filter greenOrFew = Filter.newBuilder()
                .addShould(matchKeyword("color", "green"))
                .addShould(range("count", Range.newBuilder().setLt(8).build()))
                .build();
        assertThat(idsMatching(Filter.newBuilder()
                        .addMust(matchKeyword("city", "Paris"))
                        .addMust(filter(greenOrFew))
                        .build()))
                .containsExactly(6L);
    }

    @Test
    void minShouldRequiresTheGivenNumberOfConditions() {
        Filter twoOfThree = Filter.newBuilder()
                .setMinShould(MinShould.newBuilder()
                        .addConditions(matchKeyword("city", "London"))
                        .addConditions(matchKeyword("color", "red"))
                        .addConditions(
                                range("count", Range.newBuilder().setGte(5).build()))
                        .setMinCount(2))
                .build();
        assertThat(idsMatching(twoOfThree)).containsExactly(1L, 3L, 4L);
    }

    @Test
    void textMatchFindsASubstringWithoutAFullTextIndex() {
        assertThat(idsMatching(
                        Filter.newBuilder().addMust(matchText("city", "ari")).build()))
                .containsExactly(2L, 6L);
    }

    @Test
    void dottedKeysAndNestedConditionsReachIntoObjects() {
        assertThat(idsMatching(Filter.newBuilder()
                        .addMust(range(
                                "nested.level", Range.newBuilder().setGte(1).build()))
                        .build()))
                .containsExactly(1L);
        assertThat(idsMatching(Filter.newBuilder()
                        .addMust(nested(
                                "reviews",
                                range("score", Range.newBuilder().setGt(8).build())))
                        .build()))
                .containsExactly(6L);
    }

    @Test
    void datetimeRangeReadsNaiveTimesAsUtcAndHonoursOffsets() {
        DatetimeRange before23 = DatetimeRange.newBuilder()
                .setGte(timestamp(Instant.parse("2025-10-18T10:00:00Z")))
                .setLt(timestamp(Instant.parse("2025-10-18T23:00:00Z")))
                .build();
        assertThat(idsMatching(Filter.newBuilder()
                        .addMust(datetimeRange("when", before23))
                        .build()))
                .containsExactly(1L, 2L);
    }

    @Test
    void valuesCountCountsArrayElements() {
        assertThat(idsMatching(Filter.newBuilder()
                        .addMust(valuesCount(
                                "tags", ValuesCount.newBuilder().setGte(2).build()))
                        .build()))
                .containsExactly(1L);
    }

    private static List<Long> idsMatching(Filter filter) {
        return await(target.client()
                        .scrollAsync(ScrollPoints.newBuilder()
                                .setCollectionName(COLLECTION)
                                .setFilter(filter)
                                .setLimit(100)
                                .build()))
                .getResultList()
                .stream()
                .map(point -> point.getId().getNum())
                .toList();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    private static PointStruct point(long id, Map<String, Value> payload) {
        return PointStruct.newBuilder().setId(id(id)).putAllPayload(payload).build();
    }
}
