package dev.sluice.core.internal.postgres;

import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.Relation;

/**
 * PostgreSQL's spelling: relations render as {@code "db"."schema"."identifier"} as dbt-postgres
 * does; schemas are created without the database (PostgreSQL does not accept it there); renames
 * and drops name the relation's own kind.
 */
public final class PostgresDialect extends Dialect {
    @Override
    public String createSchema(String database, String schema) {
        return "create schema if not exists " + quote(schema);
    }

    @Override
    public String rename(Relation from, String toIdentifier) {
        return "alter " + kind(from) + " " + render(from) + " rename to " + quote(toIdentifier);
    }

    @Override
    public String drop(Relation r) {
        return "drop " + kind(r) + " if exists " + render(r) + " cascade";
    }

    private static String kind(Relation r) {
        return switch (r.type()) {
            case VIEW -> "view";
            case MATERIALIZED_VIEW -> "materialized view";
            case EXTERNAL -> "foreign table";
            default -> "table";
        };
    }
}
