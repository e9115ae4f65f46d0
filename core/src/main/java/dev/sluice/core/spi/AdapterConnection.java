package dev.sluice.core.spi;

import java.io.Reader;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One borrowed connection. Methods fail with {@link dev.sluice.core.api.DatabaseException}
 * carrying the SQLState and error position. Optional capabilities throw a clear
 * "not supported by &lt;adapter&gt;" {@link dev.sluice.core.api.SluiceException} by default.
 */
public interface AdapterConnection {
    /** Runs one statement; returns its update count, or -1. */
    long execute(String sql);

    /** Runs a query and returns all its rows. */
    QueryResult query(String sql);

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Adapter.ConnectionWork<T> work);

    /** The relations in a schema (empty when the schema does not exist). */
    List<Relation> listRelations(String database, String schema);

    default Optional<Relation> getRelation(String database, String schema, String identifier) {
        return listRelations(database, schema).stream().filter(r -> r.identifier().equals(identifier)).findFirst();
    }

    /**
     * Those of {@code identifiers} that exist in {@code schema}, by identifier (one catalog query
     * where the adapter can: a build asks for its temporary, backup and target names at once).
     */
    default java.util.Map<String, Relation> getRelations(String database, String schema, List<String> identifiers) {
        java.util.Map<String, Relation> out = new java.util.LinkedHashMap<>();
        for (String id : identifiers) {
            getRelation(database, schema, id).ifPresent(r -> out.put(id, r));
        }
        return out;
    }

    /** A relation's columns in order. */
    List<Column> columns(Relation relation);

    /**
     * Streams the catalog of every relation in {@code schemas} of {@code database} (null: the
     * connected one) to {@code sink}, a relation at a time with all its columns, ordered by schema
     * and name. Rows are fetched in batches, so memory stays bounded however many relations there are.
     */
    default void catalog(String database, Collection<String> schemas, Consumer<CatalogTable> sink) {
        throw dev.sluice.core.api.SluiceException.user("adapter.unsupported", null,
                "Cannot read the catalog: not supported by this adapter");
    }

    /** Bulk load: runs a {@code COPY ... FROM STDIN} statement fed by {@code data}; returns rows loaded. */
    default long copyIn(String copySql, Reader data) {
        throw dev.sluice.core.api.SluiceException.user("adapter.unsupported", null,
                "Cannot bulk-load: COPY is not supported by this adapter");
    }

    /** The underlying JDBC connection, for adapters' own helpers. */
    java.sql.Connection jdbc();
}
