package dev.enrichment.testsupport.qdrant;

import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Common.ValuesCount;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Evaluates one {@link FieldCondition} against a payload with the semantics of Qdrant's payload checker
 * ({@code segment/src/payload_storage/condition_checker.rs}):
 * <ul>
 *   <li>a missing field never matches, except the field-level {@code is_empty}/{@code is_null} and a
 *       {@code values_count} that admits zero values;</li>
 *   <li>an array matches when any of its elements matches;</li>
 *   <li>several sub-conditions in one field condition are alternatives (any one matching is enough);</li>
 *   <li>{@code match} compares by type: keyword only against strings, integer only against integers (a float never
 *       equals an integer), boolean only against booleans; {@code text}/{@code phrase} are substring tests (no
 *       full-text index), {@code text_any} is a substring test per whitespace-separated word;</li>
 *   <li>{@code except} matches any value that is not listed, including values of another type, but never null;</li>
 *   <li>{@code range} only matches numbers; {@code datetime_range} only matches parseable datetime strings.</li>
 * </ul>
 */
final class FieldConditionMatcher {

    private FieldConditionMatcher() {}

    static boolean matches(FieldCondition condition, Map<String, Value> payload) {
        if (condition.hasGeoBoundingBox() || condition.hasGeoRadius() || condition.hasGeoPolygon()) {
            throw QdrantErrors.unsupported("geo conditions");
        }
        List<Value> found = PayloadPath.resolve(payload, condition.getKey());
        if (found.isEmpty()) {
            return matchesMissingField(condition);
        }
        return found.stream().anyMatch(value -> matchesValue(condition, value));
    }

    private static boolean matchesMissingField(FieldCondition condition) {
        if (condition.hasIsEmpty()) {
            return condition.getIsEmpty();
        }
        if (condition.hasIsNull()) {
            return !condition.getIsNull();
        }
        return condition.hasValuesCount() && countWithin(condition.getValuesCount(), 0);
    }

    private static boolean matchesValue(FieldCondition condition, Value value) {
        if (condition.hasValuesCount()) {
            return countWithin(
                    condition.getValuesCount(),
                    value.hasListValue() ? value.getListValue().getValuesCount() : 1);
        }
        if (condition.hasIsEmpty()) {
            return isEmptyValue(value) == condition.getIsEmpty();
        }
        if (condition.hasIsNull()) {
            return containsNull(value) == condition.getIsNull();
        }
        List<Value> elements = value.hasListValue() ? value.getListValue().getValuesList() : List.of(value);
        return elements.stream().anyMatch(element -> matchesElement(condition, element));
    }

    private static boolean matchesElement(FieldCondition condition, Value element) {
        return (condition.hasMatch() && matches(condition.getMatch(), element))
                || (condition.hasRange() && within(condition.getRange(), element))
                || (condition.hasDatetimeRange() && within(condition.getDatetimeRange(), element));
    }

    static boolean isEmptyValue(Value value) {
        return value.hasNullValue()
                || (value.hasListValue() && value.getListValue().getValuesCount() == 0);
    }

    static boolean containsNull(Value value) {
        return value.hasNullValue()
                || (value.hasListValue()
                        && value.getListValue().getValuesList().stream().anyMatch(Value::hasNullValue));
    }

    private static boolean matches(Match match, Value element) {
        return switch (match.getMatchValueCase()) {
            case KEYWORD -> element.hasStringValue() && element.getStringValue().equals(match.getKeyword());
            case INTEGER -> element.hasIntegerValue() && element.getIntegerValue() == match.getInteger();
            case BOOLEAN -> element.hasBoolValue() && element.getBoolValue() == match.getBoolean();
            case TEXT -> element.hasStringValue() && element.getStringValue().contains(match.getText());
            case PHRASE -> element.hasStringValue() && element.getStringValue().contains(match.getPhrase());
            case TEXT_ANY -> element.hasStringValue() && containsAnyWord(element.getStringValue(), match.getTextAny());
            case KEYWORDS ->
                element.hasStringValue() && match.getKeywords().getStringsList().contains(element.getStringValue());
            case INTEGERS ->
                element.hasIntegerValue()
                        && match.getIntegers().getIntegersList().contains(element.getIntegerValue());
            case EXCEPT_KEYWORDS ->
                !element.hasNullValue()
                        && !(element.hasStringValue()
                                && match.getExceptKeywords().getStringsList().contains(element.getStringValue()));
            case EXCEPT_INTEGERS ->
                !element.hasNullValue()
                        && !(element.hasIntegerValue()
                                && match.getExceptIntegers().getIntegersList().contains(element.getIntegerValue()));
            case MATCHVALUE_NOT_SET -> false;
        };
    }

    private static boolean containsAnyWord(String stored, String words) {
        for (String word : words.trim().split("\\s+")) {
            if (!word.isEmpty() && stored.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(Range range, Value element) {
        double number;
        if (element.hasIntegerValue()) {
            number = element.getIntegerValue();
        } else if (element.hasDoubleValue()) {
            number = element.getDoubleValue();
        } else {
            return false;
        }
        return (!range.hasGt() || number > range.getGt())
                && (!range.hasGte() || number >= range.getGte())
                && (!range.hasLt() || number < range.getLt())
                && (!range.hasLte() || number <= range.getLte());
    }

    private static boolean within(DatetimeRange range, Value element) {
        if (!element.hasStringValue()) {
            return false;
        }
        OptionalLong parsed = PayloadDatetimes.parseMicros(element.getStringValue());
        if (parsed.isEmpty()) {
            return false;
        }
        long micros = parsed.getAsLong();
        return (!range.hasGt() || micros > PayloadDatetimes.micros(range.getGt()))
                && (!range.hasGte() || micros >= PayloadDatetimes.micros(range.getGte()))
                && (!range.hasLt() || micros < PayloadDatetimes.micros(range.getLt()))
                && (!range.hasLte() || micros <= PayloadDatetimes.micros(range.getLte()));
    }

    private static boolean countWithin(ValuesCount count, long size) {
        return (!count.hasGt() || size > count.getGt())
                && (!count.hasGte() || size >= count.getGte())
                && (!count.hasLt() || size < count.getLt())
                && (!count.hasLte() || size <= count.getLte());
    }
}
