package dev.sluice.core.spi;

import static java.util.Objects.requireNonNull;

/**
 * A relation in the warehouse: database (may be null), schema, identifier, and its type when known.
 *
 * <pre>{@code
 * Relation r = Relation.of("analytics", "mrt", "drug_mentions", RelationType.TABLE);
 * String sql = dialect.render(r);   // "analytics"."mrt"."drug_mentions"
 * }</pre>
 */
public record Relation(String database, String schema, String identifier, RelationType type) {
    public Relation {
        requireNonNull(schema, "schema is null");
        requireNonNull(identifier, "identifier is null");
        requireNonNull(type, "type is null");
    }

    public static Relation of(String database, String schema, String identifier, RelationType type) {
        return new Relation(database, schema, identifier, type);
    }

    /** The same relation with another identifier (e.g. a temporary or backup name). */
    public Relation withIdentifier(String newIdentifier) {
        return new Relation(database, schema, newIdentifier, type);
    }

    public Relation withType(RelationType newType) {
        return new Relation(database, schema, identifier, newType);
    }

    /** {@code schema.identifier} without quoting, for messages. */
    @Override
    public String toString() {
        return schema + "." + identifier;
    }
}
