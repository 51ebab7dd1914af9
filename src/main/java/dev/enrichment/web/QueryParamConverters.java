package dev.enrichment.web;

import dev.enrichment.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads query parameters (and text path parameters): text is stripped, an empty value counts as absent, and control
 * characters are refused; integers, decimals, enums (in any
 * case), time zones and times ({@link TimeParam}, {@link InstantParam}) are parsed. A value that cannot be read is
 * refused with a problem naming the parameter as its {@code @QueryParam} does (and, for a number, the bounds of its
 * {@code @Min}/{@code @Max}), so the caller gets the same 400 as for a value that breaks a constraint.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    private static final String INSTANT = "an ISO-8601 instant such as 2025-10-18T00:00:00Z";

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        QueryParam query = annotation(annotations, QueryParam.class);
        if (query != null) {
            return (ParamConverter<T>) reader(rawType, query.value(), annotations);
        }
        PathParam path = annotation(annotations, PathParam.class);
        return path != null && rawType == String.class
                ? (ParamConverter<T>) new Reader(path.value(), text -> text, null)
                : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Reader reader(Class<?> type, String name, Annotation[] annotations) {
        if (type == String.class) {
            return new Reader(name, text -> text, null);
        } else if (type == Integer.class) {
            return new Reader(name, Integer::valueOf, text -> "must be an integer" + bounds(annotations));
        } else if (type == Boolean.class) {
            // strict: the usual reading turns any other word (a typo such as "ture") into false
            return new Reader(name, QueryParamConverters::bool, text -> "must be true or false");
        } else if (type == BigDecimal.class) {
            return new Reader(name, BigDecimal::new, text -> "must be a number" + bounds(annotations));
        } else if (type == ZoneId.class) {
            return new Reader(
                    name, ZoneId::of, text -> "'" + text + "' is not an IANA time zone such as Europe/Berlin");
        } else if (type == InstantParam.class) {
            return new Reader(
                    name, text -> new InstantParam(instant(text)), text -> "'" + text + "' is not " + INSTANT);
        } else if (type == TimeParam.class) {
            return new Reader(
                    name,
                    QueryParamConverters::time,
                    text -> "'" + text + "' is not a time: use " + INSTANT + " or a date such as 2025-10-18");
        } else if (type.isEnum()) {
            String names = String.join(
                    ", ",
                    Arrays.stream(type.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                            .toList());
            return new Reader(
                    name,
                    text -> Enum.valueOf((Class) type, text.toUpperCase(Locale.ROOT)),
                    text -> "must be one of " + names);
        }
        return null;
    }

    /** " from 1 to 500" for a parameter constrained to that range, else nothing. */
    private static String bounds(Annotation[] annotations) {
        Min min = annotation(annotations, Min.class);
        Max max = annotation(annotations, Max.class);
        return min == null || max == null ? "" : " from " + min.value() + " to " + max.value();
    }

    private static Boolean bool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        } else if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(text);
    }

    private static TimeParam time(String text) {
        try {
            return new TimeParam(instant(text), null);
        } catch (DateTimeParseException notAnInstant) {
            LocalDate date = LocalDate.parse(text);
            fourDigitYear(date.getYear());
            return new TimeParam(null, date);
        }
    }

    // an unencoded '+' in a query string (curl ...?from=2025-10-18T00:00:00+02:00) arrives as a space
    private static Instant instant(String text) {
        OffsetDateTime time = OffsetDateTime.parse(text.replace(' ', '+'));
        fourDigitYear(time.getYear());
        return time.toInstant();
    }

    /**
     * ISO-8601 allows expanded years ({@code +999999999-12-31}), which java.time reads but PostgreSQL's timestamps
     * cannot hold (a query with one failed as a 500); no conversation is dated outside years 1 to 9999.
     */
    private static void fourDigitYear(int year) {
        if (year < 1 || year > 9999) {
            throw new DateTimeException("year " + year + " is out of range");
        }
    }

    private static <A extends Annotation> A annotation(Annotation[] annotations, Class<A> type) {
        return Arrays.stream(annotations)
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElse(null);
    }

    /** Reads one parameter; {@code refusal} says what is wrong with text that {@code read} cannot take. */
    private record Reader(String name, Function<String, Object> read, Function<String, String> refusal)
            implements ParamConverter<Object> {

        @Override
        public Object fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String text = value.strip();
            if (text.chars().anyMatch(Character::isISOControl)) {
                // NUL cannot reach PostgreSQL text at all, and no id or filter of ours contains control characters
                throw ProblemException.invalid(name, "must not contain control characters");
            }
            try {
                return read.apply(text);
            } catch (RuntimeException e) {
                throw ProblemException.invalid(name, refusal.apply(text));
            }
        }

        @Override
        public String toString(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
