package dev.enrichment;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of a native query, read by column name rather than position, so adding or reordering a column cannot
 * silently shift the others. Used where PostgreSQL-specific SQL is needed; plain reads go through the entities.
 */
public final class SqlRow {

    private final Tuple tuple;

    private SqlRow(Tuple tuple) {
        this.tuple = tuple;
    }

    /** A native query whose rows come back as tuples, for {@link #all} and {@link #first}. */
    public static Query query(EntityManager em, String sql) {
        return em.createNativeQuery(sql, Tuple.class);
    }

    public static List<SqlRow> all(Query query) {
        List<?> rows = query.getResultList();
        return rows.stream().map(row -> new SqlRow((Tuple) row)).toList();
    }

    public static Optional<SqlRow> first(Query query) {
        return all(query).stream().findFirst();
    }

    public String text(String column) {
        return (String) tuple.get(column);
    }

    public long longValue(String column) {
        return ((Number) tuple.get(column)).longValue();
    }

    public int intValue(String column) {
        return ((Number) tuple.get(column)).intValue();
    }

    /** A nullable integer column as a long, or null. */
    public Long longOrNull(String column) {
        Object value = tuple.get(column);
        return value == null ? null : ((Number) value).longValue();
    }

    /** A nullable number column as a double, or null. */
    public Double decimal(String column) {
        Object value = tuple.get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    public Boolean bool(String column) {
        return (Boolean) tuple.get(column);
    }

    public UUID uuid(String column) {
        Object value = tuple.get(column);
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    /** A {@code timestamptz} column (naive UTC ones selected {@code AT TIME ZONE 'UTC'}); null stays null. */
    public Instant instant(String column) {
        return UtcTimestamps.fromColumn(tuple.get(column), column);
    }
}
