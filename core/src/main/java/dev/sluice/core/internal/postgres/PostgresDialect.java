package dev.sluice.core.internal.postgres;

import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.Relation;
import java.util.Locale;

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

    /**
     * dbt-postgres compares contract types by the kind its driver (psycopg2) reads them as: the
     * integers up to int4 are one kind and int8 another, the floats one, the character types one,
     * time with and without time zone one; arrays by their elements; any other type is its own.
     */
    @Override
    public String typeFamily(String databaseType) {
        String t = databaseType.toLowerCase(Locale.ROOT);
        if (t.startsWith("_")) {
            return typeFamily(t.substring(1)) + "[]";
        }
        return switch (t) {
            case "int2", "int4" -> "integer";
            case "int8" -> "bigint";
            case "float4", "float8" -> "float";
            case "text", "varchar", "bpchar", "char", "name" -> "text";
            case "time", "timetz" -> "time";
            default -> t;
        };
    }

    @Override
    public String typeDisplayName(String databaseType) {
        if (databaseType.startsWith("_")) {
            return typeDisplayName(databaseType.substring(1)) + "[]";
        }
        return switch (databaseType) {
            case "int2" -> "smallint";
            case "int4" -> "integer";
            case "int8" -> "bigint";
            case "float4" -> "real";
            case "float8" -> "double precision";
            case "bool" -> "boolean";
            case "bpchar" -> "character";
            case "varchar" -> "character varying";
            case "timestamptz" -> "timestamp with time zone";
            case "timetz" -> "time with time zone";
            default -> databaseType;
        };
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
