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

    /**
     * A query with {@code sql}'s columns and no rows, which a database can describe without
     * reading data: how model contracts learn what a model's SQL returns.
     */
    public String emptyQuery(String sql) {
        return "select * from (\n" + sql + "\n) as __dbt_sbq where false limit 0";
    }

    /**
     * The type a contract's {@code data_type} stands for when its {@code alias_types} is on, as
     * dbt's type aliases say ({@code string} is {@code text}); anything else as written.
     */
    public String contractType(String dataType) {
        String t = dataType.strip();
        return switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "string" -> "text";
            case "integer" -> "int";
            default -> t;
        };
    }

    /**
     * The kind of a type as the database names it in query results (e.g. {@code int4}): a
     * contract's declared type matches its SQL's type when both are of one kind. By default a
     * type is its own kind.
     */
    public String typeFamily(String databaseType) {
        return databaseType.toLowerCase(java.util.Locale.ROOT);
    }

    /** A type as the database names it in query results, spelled for people (e.g. {@code integer}). */
    public String typeDisplayName(String databaseType) {
        return databaseType;
    }

    /** How a database treats a kind of constraint a contract declares, as dbt's adapters say. */
    public enum ConstraintSupport { ENFORCED, NOT_ENFORCED, NOT_SUPPORTED }

    /**
     * How this database treats constraints of {@code type} ({@code not_null}, {@code unique},
     * {@code primary_key}, {@code foreign_key}, {@code check}): by default, as PostgreSQL, it
     * enforces them all.
     */
    public ConstraintSupport constraintSupport(String type) {
        return ConstraintSupport.ENFORCED;
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
