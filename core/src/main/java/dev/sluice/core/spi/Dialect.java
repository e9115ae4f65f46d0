package dev.sluice.core.spi;

/**
 * How a database spells things: identifier quoting, relation names, the DDL materializations
 * need, and column types for seeds. A value with small overrides per database; the defaults are
 * standard SQL that PostgreSQL accepts.
 *
 * <pre>{@code
 * Dialect d = adapter.dialect();
 * String ddl = d.createTableAs(relation, "select 1 as id");
 * }</pre>
 */
public class Dialect {
    /** Quotes an identifier: {@code "my ""odd"" name"}. */
    public String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A string literal: {@code 'it''s'}. */
    public String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The fully qualified, quoted name of a relation. */
    public String render(Relation r) {
        StringBuilder sb = new StringBuilder();
        if (r.database() != null && !r.database().isEmpty()) {
            sb.append(quote(r.database())).append('.');
        }
        return sb.append(quote(r.schema())).append('.').append(quote(r.identifier())).toString();
    }

    public String createSchema(String database, String schema) {
        return "create schema if not exists " + (database == null ? "" : quote(database) + ".") + quote(schema);
    }

    public String createViewAs(Relation view, String sql) {
        return "create view " + render(view) + " as (\n" + sql + "\n)";
    }

    public String createTableAs(Relation table, String sql) {
        return "create table " + render(table) + " as (\n" + sql + "\n)";
    }

    /** Renames a relation within its schema. */
    public String rename(Relation from, String toIdentifier) {
        String kind = from.type() == RelationType.VIEW ? "view" : "table";
        return "alter " + kind + " " + render(from) + " rename to " + quote(toIdentifier);
    }

    /** Drops a relation and what depends on it, if it exists. */
    public String drop(Relation r) {
        String kind = switch (r.type()) {
            case VIEW -> "view";
            case MATERIALIZED_VIEW -> "materialized view";
            default -> "table";
        };
        return "drop " + kind + " if exists " + render(r) + " cascade";
    }

    /** True when DDL takes part in transactions, so a swap can be one atomic transaction. */
    public boolean transactionalDdl() {
        return true;
    }

    /** Column types for seeds, by the kind of values inferred. */
    public String columnType(SeedType type) {
        return switch (type) {
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case NUMERIC -> "numeric";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMPTZ -> "timestamp with time zone";
            case JSON -> "jsonb";
            case TEXT -> "text";
        };
    }

    /** The kinds of values seed type inference distinguishes. */
    public enum SeedType { INTEGER, BIGINT, NUMERIC, BOOLEAN, DATE, TIMESTAMP, TIMESTAMPTZ, JSON, TEXT }
}
