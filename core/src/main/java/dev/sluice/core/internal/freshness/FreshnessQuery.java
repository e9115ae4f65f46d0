package dev.sluice.core.internal.freshness;

import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.model.SourceDef;
import dev.sluice.core.spi.Adapter;
import dev.sluice.core.spi.QueryResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The query that finds when a source table last received rows, as dbt's collect_freshness macro
 * asks it: the maximum of the table's loaded_at_field and the database's current time, over the
 * rows the freshness filter keeps. {@code current_timestamp} is standard SQL (PostgreSQL's now()).
 */
final class FreshnessQuery {
    /** The newest load time and the database's time when asked. */
    record Found(Instant maxLoadedAt, Instant snapshottedAt) {
    }

    private FreshnessQuery() {
    }

    static String sql(SourceDef source) {
        String filter = source.freshness() == null ? null : source.freshness().filter();
        return "select max(" + source.loadedAtField() + ") as max_loaded_at, current_timestamp as snapshotted_at from "
                + source.relationName() + (filter == null || filter.isBlank() ? "" : " where " + filter);
    }

    /** Runs {@link #sql}; a database error or a result that is not a time is an error at the table's declaration. */
    static Found run(Adapter adapter, SourceDef source, String sql) {
        QueryResult r;
        try {
            r = adapter.withConnection(c -> c.query(sql));
        } catch (DatabaseException e) {
            throw e.relocate(where(source), "Database error in freshness of source " + name(source) + " (SQLSTATE "
                    + e.sqlState() + "): " + e.reason() + "; the query was: " + sql);
        }
        if (r.rows().size() != 1 || r.columns().size() != 2) {
            throw SluiceException.internal("The freshness query of source " + name(source) + " returned "
                    + r.rows().size() + " rows of " + r.columns().size() + " columns, not one row of two: " + sql, null);
        }
        Object max = r.rows().get(0).get(0);
        Object now = r.rows().get(0).get(1);
        return new Found(instant(max, source), instant(now, source));
    }

    /**
     * A database time as an instant: with a zone as it says, without one taken as UTC (as dbt
     * does: the docs ask to convert local times to UTC in loaded_at_field).
     */
    static Instant instant(Object value, SourceDef source) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        String field = source.loadedAtField();
        if (value == null) {
            throw SluiceException.user("freshness.null", where(source), "Cannot check the freshness of source "
                    + name(source) + ": max(" + field + ") is null, so no row has a load time"
                    + (source.freshness() != null && source.freshness().filter() != null ? " (after the filter)" : "")
                    + "; is the table empty?");
        }
        String hint = value instanceof LocalDate ? " a date; cast it to a timestamp, e.g. loaded_at_field: \""
                + field + "::timestamp\"" : " " + value.getClass().getSimpleName() + " '" + value + "'";
        throw SluiceException.user("freshness.type", where(source), "Cannot check the freshness of source "
                + name(source) + ": loaded_at_field " + field + " must give a timestamp, but it gives" + hint);
    }

    static Location where(SourceDef source) {
        return Location.of(source.originalFilePath(), source.line());
    }

    /** {@code app.customers}, as dbt names a source table in its output. */
    static String name(SourceDef source) {
        return source.sourceName() + "." + source.name();
    }
}
