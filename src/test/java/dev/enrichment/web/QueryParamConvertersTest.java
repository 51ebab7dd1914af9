package dev.enrichment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enrichment.problem.FieldError;
import dev.enrichment.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueryParamConvertersTest {

    private final QueryParamConverters converters = new QueryParamConverters();

    @SuppressWarnings("unused")
    void parameters(
            @QueryParam("from") TimeParam from,
            @QueryParam("as_of") InstantParam asOf,
            @QueryParam("tz") ZoneId tz,
            @QueryParam("limit") @Min(1) @Max(500) Integer limit,
            @QueryParam("min_confidence") @Min(0) @Max(1) BigDecimal minConfidence,
            @QueryParam("unit") TimeUnit unit,
            @QueryParam("bot") String bot,
            @PathParam("id") String id) {}

    @Test
    void readsAnInstantWithAnOffsetEvenWhenItsPlusArrivedAsASpace() {
        assertThat(read(1, InstantParam.class, "2025-10-18T02:00:00 02:00"))
                .isEqualTo(new InstantParam(Instant.parse("2025-10-18T00:00:00Z")));
        assertThat(read(0, TimeParam.class, "2025-10-18T02:00:00+02:00"))
                .isEqualTo(new TimeParam(Instant.parse("2025-10-18T00:00:00Z"), null));
    }

    @Test
    void readsADateAsADayInTheZoneGivenLater() {
        TimeParam day = read(0, TimeParam.class, "2025-10-18");

        assertThat(day).isEqualTo(new TimeParam(null, LocalDate.of(2025, 10, 18)));
        assertThat(day.startIn(ZoneId.of("Europe/Berlin"))).isEqualTo(Instant.parse("2025-10-17T22:00:00Z"));
        assertThat(day.endIn(ZoneId.of("Europe/Berlin"))).isEqualTo(Instant.parse("2025-10-18T22:00:00Z"));
    }

    @Test
    void stripsTextAndTakesABlankValueAsAbsent() {
        assertThat(read(6, String.class, "  elena ")).isEqualTo("elena");
        assertThat(read(6, String.class, " ")).isNull();
        assertThat(read(3, Integer.class, "")).isNull();
    }

    @Test
    void readsAnEnumInAnyCase() {
        assertThat(read(5, TimeUnit.class, "Seconds")).isEqualTo(TimeUnit.SECONDS);
    }

    @Test
    void refusesAValueNamingTheParameterAsSent() {
        assertRefused(
                0,
                TimeParam.class,
                "yesterday",
                "from",
                "'yesterday' is not a time: use an ISO-8601 instant "
                        + "such as 2025-10-18T00:00:00Z or a date such as 2025-10-18");
        assertRefused(
                1,
                InstantParam.class,
                "2025-10-18",
                "as_of",
                "'2025-10-18' is not an ISO-8601 instant such as 2025-10-18T00:00:00Z");
        assertRefused(
                2,
                ZoneId.class,
                "Mars/Olympus_Mons",
                "tz",
                "'Mars/Olympus_Mons' is not an IANA time zone such as Europe/Berlin");
        assertRefused(
                5,
                TimeUnit.class,
                "fortnights",
                "unit",
                "must be one of nanoseconds, microseconds, milliseconds, seconds, minutes, hours, days");
    }

    @Test
    void tellsARefusedNumberTheBoundsOfItsConstraints() {
        assertRefused(3, Integer.class, "ten", "limit", "must be an integer from 1 to 500");
        assertRefused(4, BigDecimal.class, "high", "min_confidence", "must be a number from 0 to 1");
    }

    @Test
    void leavesOtherParametersToQuarkus() {
        assertThat(converters.getConverter(Object.class, Object.class, annotations(6)))
                .isNull();
    }

    @Test
    void readsTextPathParametersRefusingControlCharacters() {
        assertThat(read(7, String.class, " 672814231002939413 ")).isEqualTo("672814231002939413");
        assertRefused(7, String.class, "a\u0000b", "id", "must not contain control characters");
    }

    private <T> T read(int parameter, Class<T> type, String value) {
        return converter(parameter, type).fromString(value);
    }

    private void assertRefused(int parameter, Class<?> type, String value, String field, String message) {
        assertThatThrownBy(() -> read(parameter, type, value))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.problemKind()).isEqualTo(ProblemException.Kind.INVALID_REQUEST);
                    assertThat(problem.fields()).containsExactly(new FieldError(field, message));
                });
    }

    private <T> ParamConverter<T> converter(int parameter, Class<T> type) {
        return converters.getConverter(type, type, annotations(parameter));
    }

    private static Annotation[] annotations(int parameter) {
        for (Method method : QueryParamConvertersTest.class.getDeclaredMethods()) {
            if (method.getName().equals("parameters")) {
                return method.getParameterAnnotations()[parameter];
            }
        }
        throw new AssertionError("no parameters method");
    }
}
