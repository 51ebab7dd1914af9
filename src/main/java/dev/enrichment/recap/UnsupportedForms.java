package dev.enrichment.recap;

import java.util.List;

/**
 * Phrases the parser recognises only to refuse them, so that the supported phrase inside them ("new year" in
 * "chinese new year", "friday" in "black friday", the day in "at 3pm") is never read alone.
 */
final class UnsupportedForms {

    private static final String FUTURE = "is in the future; only the past can be recapped";

    private UnsupportedForms() {}

    static List<Form> forms() {
        return List.of(
                Form.unsupported(
                        "tomorrow(?: (?:morning|afternoon|evening|night))?|(?:the )?day after tomorrow", FUTURE),
                Form.unsupported(
                        "next (?:week|weekend|fortnight|month|year|summer|winter|spring|autumn|fall|"
                                + DateWords.WEEKDAY + "|" + DateWords.MONTH + "|christmas|easter)",
                        FUTURE),
                Form.unsupported(
                        "(?:lunar|chinese|jewish|islamic|persian|orthodox) new years?|orthodox"
                                + " (?:easter|christmas)|mothers? day|mothering sunday|hanukk?ah|chanukk?ah|diwali|ramadan"
                                + "|eid(?: al fitr| al adha)?|passover|rosh hashanah|yom kippur|kwanzaa|lent|advent"
                                + "|black friday|cyber monday|super bowl(?: sunday)?|presidents? day|martin luther king day"
                                + "|mlk day|columbus day|australia day|anzac day|bank holiday",
                        "is a holiday the parser does not know (or whose date differs between countries)"),
                Form.unsupported(
                        "(?:(?:at|around|by|about|before|after) )?(?:\\d{1,2}(?::\\d{2})? ?(?:am|pm|a m|p m"
                                + "|oclock)|\\d{1,2}:\\d{2}|noon|midday|midnight)|at \\d{1,2}",
                        "is a time of day; the parser reads parts of a day (morning, afternoon, evening, night) and"
                                + " the last N hours, not clock times"),
                Form.unsupported(
                        "(?<count>" + DateWords.NUMBER + ") (?:hour|minute)s? (?:ago|back)|an hour ago",
                        "is a moment, not a range; ask for \"the last N hours\" instead"));
    }
}
