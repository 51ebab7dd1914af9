package dev.enrichment.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads query parameters that arrive as text and validates them explicitly, so every refusal is a 400 that names
 * its parameter. Shared by the read APIs of summaries, facts and recaps.
 */
public final class QueryParams {

    private static final String TIME_FORMS = "use an ISO-8601 instant such as 2025-10-18T00:00:00Z or a date such as "
            + "2025-10-18";

    private QueryParams() {
    }

    /** Which end of a day a date-only value stands for. */
    public enum DayEnd {
        /** The day's first instant. */
        START,
        /** The next day's first instant, so a range ending on a date includes that whole day. */
        END
    }

    /** Null for a missing or blank value. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The value, or a 400 when it is missing. */
    public static String required(String field, String value) {
        String text = text(value);
        if (text == null) {
            throw ApiProblem.badRequest(field, "is required");
        }
        return text;
    }

    /**
     * An instant written with an offset ({@code 2025-10-18T00:00:00Z}, {@code ...+02:00}) or a date, which stands
     * for a day in {@code zone}; null when the value is missing.
     */
    public static Instant instant(String field, String value, ZoneId zone, DayEnd dayEnd) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return offsetDateTime(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(text);
                return (dayEnd == DayEnd.END ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notADate) {
                throw ApiProblem.badRequest(field, "'" + text + "' is not a time: " + TIME_FORMS);
            }
        }
    }

    /** An instant with an offset only (no dates); null when missing. */
    public static Instant exactInstant(String field, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return offsetDateTime(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(field,
                    "'" + text + "' is not an ISO-8601 instant such as 2025-10-18T00:00:00Z");
        }
    }

    // an unencoded '+' in a query string (curl ...?from=2025-10-18T00:00:00+02:00) arrives as a space
    private static Instant offsetDateTime(String text) {
        return OffsetDateTime.parse(text.replace(' ', '+')).toInstant();
    }

    /** Refuses a range whose start is after its end. */
    public static void requireOrdered(String fromField, Instant from, String toField, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.badRequest(fromField, "must not be after " + toField);
        }
    }

    /** An integer in 1..max, or {@code defaultValue} when missing. */
    public static int limit(String field, String value, int defaultValue, int max) {
        String text = text(value);
        if (text == null) {
            return defaultValue;
        }
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(field, "must be an integer from 1 to " + max);
        }
        if (limit < 1 || limit > max) {
            throw ApiProblem.badRequest(field, "must be from 1 to " + max + ", was " + limit);
        }
        return limit;
    }

    /** A confidence in 0..1; null when missing. */
    public static Double confidence(String field, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        double confidence;
        try {
            confidence = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(field, "must be a number from 0 to 1");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw ApiProblem.badRequest(field, "must be from 0 to 1, was " + text);
        }
        return confidence;
    }
}
