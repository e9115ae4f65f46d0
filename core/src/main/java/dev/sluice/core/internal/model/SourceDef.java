package dev.sluice.core.internal.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A source table declared in a YAML property file ({@code sources:}): where it lives in the
 * warehouse, its documentation, and how fresh it must be.
 *
 * @param freshness its resolved thresholds (from every level that states them); null when
 *     switched off with {@code freshness: null}
 * @param loadedAtField the column or expression whose maximum says when rows last arrived, or null
 * @param loadedAtQuery a query returning that time instead (dbt 1.10), or null
 */
public record SourceDef(String uniqueId, String packageName, String sourceName, String name, String path,
        String originalFilePath, List<String> fqn, String database, String schema, String identifier, String loader,
        String description, String sourceDescription, Map<String, ColumnDef> columns, Map<String, Object> meta,
        Map<String, Object> sourceMeta, List<String> tags, NodeConfig config, String relationName, int line,
        double createdAt, FreshnessThreshold freshness, String loadedAtField, String loadedAtQuery) {
    public SourceDef {
        requireNonNull(uniqueId, "uniqueId is null");
        requireNonNull(sourceName, "sourceName is null");
        requireNonNull(name, "name is null");
        fqn = List.copyOf(fqn);
        description = description == null ? "" : description;
        sourceDescription = sourceDescription == null ? "" : sourceDescription;
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        sourceMeta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sourceMeta));
        tags = List.copyOf(tags);
    }

    /** Whether {@code source freshness} checks this table: a threshold that can trip. */
    public boolean hasFreshness() {
        return freshness != null && freshness.active();
    }
}
