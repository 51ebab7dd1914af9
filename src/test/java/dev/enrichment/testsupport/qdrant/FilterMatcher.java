package dev.enrichment.testsupport.qdrant;

import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a Qdrant {@link Filter} against one point, following the filtering docs
 * (qdrant.tech/documentation/concepts/filtering): every {@code must} condition holds, at least one {@code should}
 * condition holds when there are any, no {@code must_not} condition holds, and at least {@code min_count} of the
 * {@code min_should} conditions hold. An empty filter matches every point; a {@code Filter} condition nests.
 * {@code is_empty} matches a missing field, null or {@code []}; {@code is_null} matches an explicit null only.
 * A {@code nested} condition matches when any object of the array under its key satisfies its filter.
 */
final class FilterMatcher {

    private FilterMatcher() {}

    static boolean matches(Filter filter, PointKey id, Map<String, Value> payload) {
        for (Condition condition : filter.getMustList()) {
            if (!matches(condition, id, payload)) {
                return false;
            }
        }
        for (Condition condition : filter.getMustNotList()) {
            if (matches(condition, id, payload)) {
                return false;
            }
        }
        if (filter.getShouldCount() > 0 && filter.getShouldList().stream().noneMatch(c -> matches(c, id, payload))) {
            return false;
        }
        if (filter.hasMinShould()) {
            long satisfied = filter.getMinShould().getConditionsList().stream()
                    .filter(c -> matches(c, id, payload))
                    .count();
            return satisfied >= filter.getMinShould().getMinCount();
        }
        return true;
    }

    private static boolean matches(Condition condition, PointKey id, Map<String, Value> payload) {
        return switch (condition.getConditionOneOfCase()) {
            case FIELD -> FieldConditionMatcher.matches(condition.getField(), payload);
            case IS_EMPTY ->
                isEmpty(PayloadPath.resolve(payload, condition.getIsEmpty().getKey()));
            case IS_NULL ->
                PayloadPath.resolve(payload, condition.getIsNull().getKey()).stream()
                        .anyMatch(FieldConditionMatcher::containsNull);
            case HAS_ID -> hasId(condition.getHasId().getHasIdList(), id);
            case FILTER -> matches(condition.getFilter(), id, payload);
            case NESTED ->
                PayloadPath.resolve(payload, condition.getNested().getKey() + "[]").stream()
                        .filter(Value::hasStructValue)
                        .anyMatch(object -> matches(
                                condition.getNested().getFilter(),
                                id,
                                object.getStructValue().getFieldsMap()));
            case HAS_VECTOR -> throw QdrantErrors.unsupported("has_vector conditions (vectors are not stored)");
            case CONDITIONONEOF_NOT_SET -> throw QdrantErrors.wrongInput("condition is empty");
        };
    }

    private static boolean isEmpty(List<Value> found) {
        return found.stream().allMatch(FieldConditionMatcher::isEmptyValue);
    }

    private static boolean hasId(List<PointId> ids, PointKey id) {
        return ids.stream().map(PointKey::of).anyMatch(id::equals);
    }
}
