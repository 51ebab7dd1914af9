package dev.enrichment.recap;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the English time expressions in a sentence ("hey, what did we talk about between monday and wednesday?")
 * and resolves them, in a time zone and relative to a reference instant {@code asOf}, to one half-open instant
 * range; or says that the sentence has none, or that it talks about time in a way the parser cannot wholly read.
 *
 * <p>The parser never answers with less than was asked. It reads every expression in the sentence (longest first,
 * so "last weekend" is not "weekend"), joins them with the range words around them ({@link RangeJoiner}), and
 * refuses the whole sentence when anything time-like is left over ({@link TimeLikeDetector}): "between monday and
 * the blorp" is unreadable, never Monday. Expressions that are not joined by a range word are merged when their
 * ranges touch or overlap ("monday and tuesday", "earlier this week"); otherwise the sentence names separate times
 * and is refused too.
 *
 * <p>Ranges are cut off at {@code asOf}, so ranges that contain "now" end at {@code asOf}. Days start at their first
 * instant in the zone (DST days are 23 or 25 hours); the forms and their rules are in {@link RelativeForms},
 * {@link DayPartForms}, {@link VagueForms}, {@link CalendarDateForms} and {@link OccasionForms}. A range that
 * starts at or after {@code asOf} or ends before it starts is refused; one covering more than {@value #MAX_DAYS}
 * whole days (the unfinished current day does not count, so "last 12 months" always passes) is too long.
 */
public final class TimeExpressionParser {

    /** Most whole calendar days a range may cover. */
    public static final int MAX_DAYS = 366;

    private static final List<String> SUPPORTED_FORMS = List.of(
            "today, earlier today",
            "earlier (today so far), yesterday, the day before yesterday",
            "this morning|afternoon|evening, tonight, last night, yesterday|<weekday> morning|afternoon|evening|night",
            "just now (the last 15 minutes), last|past N hours|minutes, the last hour",
            "this week|month|year, last|previous week|month|year, the week|month|year before last, past week|month",
            "last|past N days|weeks|months (N in digits or one to twelve), last|past fortnight",
            "N days|weeks|months ago, N days back, a fortnight ago",
            "a couple of|a few|several days|weeks|months ago, the other day, the past few days|weeks",
            "this weekend, last weekend, the weekend before last",
            "on|last <weekday>",
            "<month>, in <month>, last <month>, <month> <year>, in <year>",
            "<date>: on the 10th, march 3, 3 march, 3rd of march, 2025-10-18, 3/4, 03/04/2025 (RECAP_DATE_ORDER)",
            "spring, summer, autumn|fall, winter (last <season>: the most recent one that is over)",
            "holidays: christmas [eve], boxing day, new year's eve|day, halloween, valentine's day, st patrick's day,"
                    + " easter, good friday, thanksgiving, independence day, labor day, memorial day, ...",
            "between <X> and <Y>, from <X> to <Y>, <X> through|until|to <Y>, since <X>, <X> to now",
            "<date>..<date> (ISO dates, end date included)",
            "recently (the last 7 days)");

    private static final Pattern POSSESSIVE = Pattern.compile("['\u2019]s\\b");
    private static final Pattern APOSTROPHE = Pattern.compile("['\u2019]");
    /** Greetings name no time to recap ("good morning, what did we talk about yesterday?"). */
    private static final Pattern GREETING = Pattern.compile("\\b(?:good (?:morning|afternoon|evening|night|day)"
            + "|happy (?:new years?|holidays|easter|halloween|thanksgiving|valentines?(?: day)?|christmas|birthday"
            + "|friday|weekend)|merry (?:christmas|xmas)|have a (?:good|nice|great) (?:day|evening|night|weekend))\\b");

    private static final Pattern NOT_PART_OF_AN_EXPRESSION = Pattern.compile("[^a-z0-9./:\\-]+");
    /**
     * Dots, colons and slashes matter only in numbers ("3/4", "15:30", "2025-10-01..2025-10-07"), hyphens only
     * between digits or alone ("monday - friday"): "monday." and "mid-october" lose theirs.
     */
    private static final Pattern STRAY_PUNCTUATION =
            Pattern.compile("(?<![0-9.])\\.(?!\\.)|\\.(?![0-9.])|(?<![0-9])[:/]|[:/](?![0-9])|(?<=[a-z])-|-(?=[a-z])");

    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private final List<Form> forms;

    /** Reads ambiguous numeric dates month first ({@link DateOrder#MDY}). */
    public TimeExpressionParser(DayOfWeek firstDayOfWeek) {
        this(firstDayOfWeek, DateOrder.MDY);
    }

    public TimeExpressionParser(DayOfWeek firstDayOfWeek, DateOrder dateOrder) {
        Objects.requireNonNull(firstDayOfWeek, "firstDayOfWeek");
        Objects.requireNonNull(dateOrder, "dateOrder");
        RelativeForms relative = new RelativeForms(firstDayOfWeek);
        // supported forms come first: on a tie (same start and length) the earlier form wins
        this.forms = Stream.of(
                        relative.forms(),
                        new DayPartForms().forms(),
                        new VagueForms(relative).forms(),
                        new CalendarDateForms(dateOrder).forms(),
                        new OccasionForms().forms(),
                        UnsupportedForms.forms())
                .flatMap(List::stream)
                .toList();
    }

    /** Human-readable list of the supported forms, for error messages. */
    public static List<String> supportedForms() {
        return SUPPORTED_FORMS;
    }

    /**
     * Reads the time expressions in {@code text} (alone or inside a sentence), in {@code zone}, relative to
     * {@code asOf}: a {@link TimeReading.Range} when all of them were read, {@link TimeReading.NoTimeExpression}
     * when nothing in the text is time-like, {@link TimeReading.Unreadable} otherwise (including a range that is
     * in the future, names a date that does not exist or covers more than {@value #MAX_DAYS} days).
     */
    public TimeReading read(String text, ZoneId zone, Instant asOf) {
        try {
            return new TimeReading.Range(resolve(text, zone, asOf));
        } catch (UnresolvableExpressionException e) {
            return e.foundNothing()
                    ? new TimeReading.NoTimeExpression()
                    : new TimeReading.Unreadable(e.reason(), SUPPORTED_FORMS);
        } catch (RangeTooLongException e) {
            return new TimeReading.TooLong(e.getMessage());
        }
    }

    /**
     * Finds and resolves the time expressions in {@code text} (alone or inside a sentence), in {@code zone},
     * relative to {@code asOf}.
     *
     * @throws UnresolvableExpressionException if there is none, part of it cannot be read, or it does not resolve
     *         to a range in the past
     * @throws RangeTooLongException if it covers more than {@value #MAX_DAYS} whole days
     */
    public ResolvedRange resolve(String text, ZoneId zone, Instant asOf) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(asOf, "asOf");
        String normalised = normalise(text);
        List<Found> found = find(normalised);
        if (found.isEmpty()) {
            throw TimeLikeDetector.find(normalised)
                    .map(TimeExpressionParser::unreadable)
                    .orElseGet(
                            () -> new UnresolvableExpressionException(UnresolvableExpressionException.NOTHING_FOUND));
        }
        for (Found expression : found) {
            if (!expression.form().isSupported()) {
                throw new UnresolvableExpressionException(
                        "\"" + expression.text() + "\" " + expression.form().refusal());
            }
        }
        List<String> texts = found.stream().map(Found::text).toList();
        RangeJoiner.Joined joined = RangeJoiner.join(mask(normalised, found), texts);
        List<String> groupTexts =
                joined.groups().stream().map(RangeJoiner.Group::expression).toList();
        Optional<String> leftOver = TimeLikeDetector.find(joined.masked());
        if (leftOver.isPresent()) {
            throw unreadable(RangeJoiner.unmask(leftOver.get(), groupTexts));
        }
        Reference ref = Reference.standalone(zone, asOf);
        List<Span> spans = new ArrayList<>();
        for (RangeJoiner.Group group : joined.groups()) {
            spans.add(checked(span(group, found, normalised, ref), group.expression(), asOf));
        }
        String expression = RangeJoiner.unmask(
                joined.masked()
                        .substring(joined.masked().indexOf('#'), joined.masked().lastIndexOf('#') + 1),
                groupTexts);
        return toRange(merge(spans, groupTexts, expression), expression, ref);
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        lower = APOSTROPHE.matcher(POSSESSIVE.matcher(lower).replaceAll("")).replaceAll("");
        lower = NOT_PART_OF_AN_EXPRESSION.matcher(lower).replaceAll(" ");
        lower = GREETING.matcher(lower).replaceAll(" ");
        lower = STRAY_PUNCTUATION.matcher(lower).replaceAll(" ");
        return SPACES.matcher(lower).replaceAll(" ").trim();
    }

    /** Every expression in the text, longest first, then earliest, then in the order of {@link #forms}. */
    private List<Found> find(String text) {
        List<Found> candidates = new ArrayList<>();
        for (int index = 0; index < forms.size(); index++) {
            Matcher matcher = forms.get(index).pattern().matcher(text);
            while (matcher.find()) {
                candidates.add(new Found(forms.get(index), index, matcher.start(), matcher.end(), matcher.group()));
            }
        }
        candidates.sort(Comparator.comparingInt((Found f) -> f.start() - f.end())
                .thenComparingInt(Found::start)
                .thenComparingInt(Found::formIndex));
        List<Found> chosen = new ArrayList<>();
        for (Found candidate : candidates) {
            if (chosen.stream().noneMatch(candidate::overlaps)) {
                chosen.add(candidate);
            }
        }
        chosen.sort(Comparator.comparingInt(Found::start));
        return chosen;
    }

    private static String mask(String text, List<Found> found) {
        StringBuilder masked = new StringBuilder();
        int position = 0;
        for (int index = 0; index < found.size(); index++) {
            masked.append(text, position, found.get(index).start())
                    .append('#')
                    .append(index)
                    .append('#');
            position = found.get(index).end();
        }
        return masked.append(text.substring(position)).toString();
    }

    private static Span span(RangeJoiner.Group group, List<Found> found, String text, Reference ref) {
        Found first = found.get(group.first());
        return switch (group.kind()) {
            case SINGLE -> resolve(first, text, ref);
            case TO_NOW -> {
                Span start = resolve(first, text, ref);
                // a start in the future keeps its own end, to be refused as starting after as_of
                yield new Span(start.from(), start.to().isAfter(ref.asOf()) ? start.to() : ref.asOf());
            }
            case FIRST_TO_LAST -> {
                Span end = resolve(found.get(group.last()), text, ref.boundedBy(ref.today()));
                Span start = resolve(first, text, ref.boundedBy(end.firstDay(ref.zone())));
                yield new Span(start.from(), end.to());
            }
        };
    }

    private static Span resolve(Found found, String text, Reference ref) {
        try {
            return found.form().resolver().resolve(found.rematch(text), ref);
        } catch (DateTimeException e) {
            throw new UnresolvableExpressionException("\"" + found.text() + "\" names a date that does not exist");
        }
    }

    private static Span checked(Span span, String expression, Instant asOf) {
        if (!span.from().isBefore(span.to())) {
            throw new UnresolvableExpressionException("\"" + expression + "\" ends before it starts");
        }
        if (!span.from().isBefore(asOf)) {
            throw new UnresolvableExpressionException(
                    "\"" + expression + "\" starts at or after as_of " + asOf + "; only the past can be recapped");
        }
        return span;
    }

    /** One range when the spans touch or overlap; separate times are refused, as picking one would drop others. */
    private static Span merge(List<Span> spans, List<String> texts, String expression) {
        List<Span> sorted =
                spans.stream().sorted(Comparator.comparing(Span::from)).toList();
        Span merged = sorted.get(0);
        for (Span next : sorted.subList(1, sorted.size())) {
            if (next.from().isAfter(merged.to())) {
                throw new UnresolvableExpressionException("\"" + expression + "\" names separate times (\""
                        + String.join("\", \"", texts) + "\"); ask for one range");
            }
            merged = new Span(merged.from(), next.to().isAfter(merged.to()) ? next.to() : merged.to());
        }
        return merged;
    }

    private static ResolvedRange toRange(Span span, String expression, Reference ref) {
        LocalDate firstDay = span.firstDay(ref.zone());
        LocalDate endDay = LocalDate.ofInstant(span.to(), ref.zone());
        if (!endDay.atStartOfDay(ref.zone()).toInstant().equals(span.to())) {
            endDay = endDay.plusDays(1);
        }
        // Whole days only: the part of today before asOf must not push "last 12 months" over the limit.
        long wholeDays = ChronoUnit.DAYS.between(firstDay, endDay.isAfter(ref.today()) ? ref.today() : endDay);
        if (wholeDays > MAX_DAYS) {
            throw new RangeTooLongException(expression, wholeDays);
        }
        Instant to = span.to().isAfter(ref.asOf()) ? ref.asOf() : span.to();
        return new ResolvedRange(span.from(), to, ref.zone(), expression);
    }

    private static UnresolvableExpressionException unreadable(String fragment) {
        return new UnresolvableExpressionException("could not read \"" + fragment + "\" as a time; the parser reads"
                + " a sentence's time expressions wholly or not at all");
    }

    /** A form's match in the normalised text. */
    private record Found(Form form, int formIndex, int start, int end, String text) {

        /** The match again, for its named groups (Java 17's {@code MatchResult} has none). */
        Matcher rematch(String text) {
            Matcher matcher = form.pattern().matcher(text);
            matcher.find(start);
            return matcher;
        }

        boolean overlaps(Found other) {
            return start < other.end && other.start < end;
        }
    }
}
