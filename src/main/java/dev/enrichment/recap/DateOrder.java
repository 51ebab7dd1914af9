package dev.enrichment.recap;

/** How a numeric date such as {@code 3/4} is read when both of its first two numbers could be the month. */
public enum DateOrder {
    /** Month first, as in the US: {@code 3/4} is 4 March. */
    MDY,
    /** Day first, as in most of the rest of the English-speaking world: {@code 3/4} is 3 April. */
    DMY
}
