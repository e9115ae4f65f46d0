package dev.sluice.core.internal.datatest;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/** What a generic test is attached to: a model, seed or snapshot by name, or a source table. */
record Target(String kind, String name, String table) {
    private static final Set<String> KINDS = Set.of("model", "seed", "snapshot", "source");

    Target {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("target kind must be model, seed, snapshot or source, not " + kind);
        }
        if (kind.equals("source") != (table != null)) {
            throw new IllegalArgumentException("a source target needs a table, and only a source target has one");
        }
    }

    static Target of(String kind, String name, String table) {
        return new Target(kind, name, table);
    }

    boolean isSource() {
        return table != null;
    }

    /** The name dbt puts in synthesized test names: the node's, or {@code <source>_<table>}. */
    String nameInTests() {
        return isSource() ? name + "_" + table : name;
    }

    /** The {@code model} kwarg, written as dbt writes it (names are not escaped). */
    String modelArgument() {
        String relation = isSource() ? "source('" + name + "', '" + table + "')" : "ref('" + name + "')";
        return "{{ get_where_subquery(" + relation + ") }}";
    }

    /** For messages: {@code column 'status' of model 'orders'}, {@code source table 'raw.orders'}. */
    String describe(String column) {
        String owner = isSource() ? "source table '" + name + "." + table + "'" : kind + " '" + name + "'";
        return column == null ? owner : "column '" + column + "' of " + owner;
    }
}
