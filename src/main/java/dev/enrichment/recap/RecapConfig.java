package dev.enrichment.recap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.DayOfWeek;

/** How recaps read time expressions. */
@ConfigMapping(prefix = "recap")
public interface RecapConfig {

    /** {@code RECAP_WEEK_STARTS_ON}: the first day of a week for "last week", "this week" and the like. */
    @WithDefault("MONDAY")
    DayOfWeek weekStartsOn();

    /** {@code RECAP_DATE_ORDER}: how an ambiguous numeric date such as "3/4" is read. */
    @WithDefault("MDY")
    DateOrder dateOrder();
}
