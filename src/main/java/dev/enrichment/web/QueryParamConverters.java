package dev.enrichment.web;

import dev.enrichment.problem.ProblemException;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads query parameters: text is stripped and an empty value counts as absent; integers, decimals, enums (in any
 * case), time zones and times ({@link TimeParam}, {@link InstantParam}) are parsed. A value that cannot be read is
 * refused with a problem naming the parameter as its {@code @QueryParam} does, so the caller gets the same 400 as for
 * a value that breaks a constraint. A refused number is told the bounds of its {@code @Min}/{@code @Max} (or
 * decimal) constraints, which Bean Validation then checks.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    private static final String INSTANT = "an ISO-8601 instant such as 2025-10-18T00:00:00Z";

    @Override
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        QueryParam query = annotation(annotations, QueryParam.class);
        Reading reading = query == null ? null : reading(rawType, bounds(annotations));
        return reading == null ? null : new Reader<>(rawType, query.value(), reading);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Reading reading(Class<?> type, String bounds) {
        if (type == String.class) {
            return new Reading(text -> text, text -> "cannot be read");
        } else if (type == Integer.class) {
            return new Reading(Integer::valueOf, text -> "must be an integer" + bounds);
        } else if (type == BigDecimal.class) {
            return new Reading(BigDecimal::new, text -> "must be a number" + bounds);
        } else if (type == ZoneId.class) {
            return new Reading(ZoneId::of, text -> "'" + text + "' is not an IANA time zone such as Europe/Berlin");
        } else if (type == InstantParam.class) {
            return new Reading(text -> new InstantParam(instant(text)), text -> "'" + text + "' is not " + INSTANT);
        } else if (type == TimeParam.class) {
            return new Reading(QueryParamConverters::time,
                    text -> "'" + text + "' is not a time: use " + INSTANT + " or a date such as 2025-10-18");
        } else if (type.isEnum()) {
            String names = Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            return new Reading(text -> Enum.valueOf((Class) type, text.toUpperCase(Locale.ROOT)),
                    text -> "must be one of " + names);
        }
        return null;
    }

    /** " from 1 to 500" for a parameter constrained to that range, else nothing. */
    private static String bounds(Annotation[] annotations) {
        Min min = annotation(annotations, Min.class);
        Max max = annotation(annotations, Max.class);
        DecimalMin decimalMin = annotation(annotations, DecimalMin.class);
        DecimalMax decimalMax = annotation(annotations, DecimalMax.class);
        if (min != null && max != null) {
            return " from " + min.value() + " to " + max.value();
        }
        return decimalMin != null && decimalMax != null ? " from " + decimalMin.value() + " to " + decimalMax.value()
                : "";
    }

    private static TimeParam time(String text) {
        try {
            return new TimeParam(instant(text), null);
        } catch (DateTimeParseException notAnInstant) {
            return new TimeParam(null, LocalDate.parse(text));
        }
    }

    // an unencoded '+' in a query string (curl ...?from=2025-10-18T00:00:00+02:00) arrives as a space
    private static Instant instant(String text) {
        return OffsetDateTime.parse(text.replace(' ', '+')).toInstant();
    }

    private static <A extends Annotation> A annotation(Annotation[] annotations, Class<A> type) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (type.isInstance(annotation)) {
                return type.cast(annotation);
            }
        }
        return null;
    }

    private record Reading(Function<String, ?> read, Function<String, String> refusal) {
    }

    private record Reader<T>(Class<T> type, String name, Reading reading) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String text = value.strip();
            try {
                return type.cast(reading.read().apply(text));
            } catch (RuntimeException e) {
                throw ProblemException.invalid(name, reading.refusal().apply(text));
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
