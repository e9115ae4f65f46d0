package dev.sluice.core.internal.lineage;

import static java.util.Objects.requireNonNull;

/**
 * A table or view as the SQL names it, each part folded; {@code database} and {@code schema} are
 * null when the SQL leaves them out.
 */
public record RelationName(String database, String schema, String name) {
    public RelationName {
        requireNonNull(name, "name is null");
        if (database != null && schema == null) {
            throw new IllegalArgumentException("database " + database + " is given without a schema");
        }
    }

    public static RelationName of(String name) {
        return new RelationName(null, null, name);
    }

    public static RelationName of(String schema, String name) {
        return new RelationName(null, schema, name);
    }

    public static RelationName of(String database, String schema, String name) {
        return new RelationName(database, schema, name);
    }

    /** {@code sluice.rsv.rsv_drugs}, quoting only the parts that need it. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (database != null) {
            sb.append(Identifiers.display(database)).append('.');
        }
        if (schema != null) {
            sb.append(Identifiers.display(schema)).append('.');
        }
        return sb.append(Identifiers.display(name)).toString();
    }
}
