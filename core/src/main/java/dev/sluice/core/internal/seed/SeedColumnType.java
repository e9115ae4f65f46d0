package dev.sluice.core.internal.seed;

import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.Dialect.SeedType;

/** The column types seed inference chooses between. */
public enum SeedColumnType {
    INTEGER, BIGINT, NUMERIC, BOOLEAN, DATE, TIMESTAMP, TIMESTAMPTZ, JSON, TEXT;

    /**
     * The narrowest type holding values of both types without loss: integers widen to bigint and
     * numeric, dates to timestamps, anything to JSON when a column holds objects or arrays; any
     * other mix is text. {@code null} (only NULLs so far) joins anything.
     */
    static SeedColumnType merge(SeedColumnType a, SeedColumnType b) {
        if (a == null || a == b) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a == JSON || b == JSON) {
            return JSON;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.ordinal() > b.ordinal() ? a : b;
        }
        if ((a == DATE && b == TIMESTAMP) || (a == TIMESTAMP && b == DATE)) {
            return TIMESTAMP;
        }
        return TEXT;
    }

    boolean isNumber() {
        return this == INTEGER || this == BIGINT || this == NUMERIC;
    }

    /** The column type in {@code dialect}. */
    public String sqlType(Dialect dialect) {
        return switch (this) {
            case INTEGER -> dialect.columnType(SeedType.INTEGER);
            case BIGINT -> dialect.columnType(SeedType.BIGINT);
            case NUMERIC -> dialect.columnType(SeedType.NUMERIC);
            case BOOLEAN -> dialect.columnType(SeedType.BOOLEAN);
            case DATE -> dialect.columnType(SeedType.DATE);
            case TIMESTAMP -> dialect.columnType(SeedType.TIMESTAMP);
            // SeedType has no zoned timestamp yet: standard SQL spells it this way
            case TIMESTAMPTZ -> dialect.columnType(SeedType.TIMESTAMPTZ);
            case JSON -> dialect.columnType(SeedType.JSON);
            case TEXT -> dialect.columnType(SeedType.TEXT);
        };
    }
}
