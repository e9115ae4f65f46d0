package dev.sluice.core.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A relation as the warehouse's catalog describes it, for {@code catalog.json} and the docs:
 * its kind as the database names it (PostgreSQL: {@code BASE TABLE}, {@code VIEW}, ...), comment,
 * owner and columns.
 */
public record CatalogTable(Relation relation, String kind, String comment, String owner, List<CatalogColumn> columns) {
    public CatalogTable {
        requireNonNull(relation, "relation is null");
        requireNonNull(kind, "kind is null");
        columns = List.copyOf(columns);
    }

    /** A column: name, type as the database formats it, 1-based position, comment (may be null). */
    public record CatalogColumn(String name, String type, int index, String comment) {
        public CatalogColumn {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }
}
