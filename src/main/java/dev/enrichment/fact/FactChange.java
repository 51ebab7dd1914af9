package dev.enrichment.fact;

/** What happened to a fact, as recorded in its history. */
public enum FactChange {
    CREATED("created"),
    CONFIRMED("confirmed"),
    STRENGTHENED("strengthened"),
    SUPERSEDED("superseded"),
    BACKFILLED("backfilled");

    private final String dbValue;

    FactChange(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value stored in {@code enrichment_fact_history.change}. */
    public String dbValue() {
        return dbValue;
    }

    static FactChange fromDbValue(String value) {
        for (FactChange change : values()) {
            if (change.dbValue.equals(value)) {
                return change;
            }
        }
        throw new IllegalArgumentException("Unknown fact change: " + value);
    }
}
