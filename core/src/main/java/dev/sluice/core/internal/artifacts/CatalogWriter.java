package dev.sluice.core.internal.artifacts;

import dev.sluice.core.internal.io.OutputFiles;
import static java.util.Objects.requireNonNull;

import dev.sluice.core.spi.CatalogTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code target/catalog.json} in dbt's catalog v1 shape: per node and source, the table's
 * metadata, its columns keyed by name (type, 1-based index, comment) and dbt-postgres's stats.
 */
public final class CatalogWriter {
    public static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/catalog/v1.json";
    public static final String FILE_NAME = "catalog.json";

    private final ArtifactMetadata metadata;

    public CatalogWriter(ArtifactMetadata metadata) {
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    /** Writes {@code catalog.json} into {@code targetDir} atomically and returns its path. */
    public Path write(Catalog catalog, Path targetDir) {
        return OutputFiles.atomic(targetDir.resolve(FILE_NAME), toJson(catalog));
    }

    public String toJson(Catalog catalog) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metadata", metadata.common(SCHEMA_VERSION, metadata.invocationStartedAt()));
        m.put("nodes", tables(catalog.nodes()));
        m.put("sources", tables(catalog.sources()));
        m.put("errors", null);
        return ArtifactJson.write(m, metadata.scrubber());
    }

    private static Map<String, Object> tables(Map<String, CatalogTable> tables) {
        Map<String, Object> out = new LinkedHashMap<>();
        tables.forEach((id, t) -> out.put(id, table(id, t)));
        return out;
    }

    private static Map<String, Object> table(String uniqueId, CatalogTable t) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("type", t.kind());
        meta.put("schema", t.relation().schema());
        meta.put("name", t.relation().identifier());
        meta.put("database", t.relation().database());
        meta.put("comment", t.comment());
        meta.put("owner", t.owner());
        Map<String, Object> columns = new LinkedHashMap<>();
        for (CatalogTable.CatalogColumn c : t.columns()) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("type", c.type());
            col.put("index", c.index());
            col.put("name", c.name());
            col.put("comment", c.comment());
            columns.put(c.name(), col);
        }
        Map<String, Object> hasStats = new LinkedHashMap<>();
        hasStats.put("id", "has_stats");
        hasStats.put("label", "Has Stats?");
        hasStats.put("value", false);
        hasStats.put("include", false);
        hasStats.put("description", "Indicates whether there are statistics for this table");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metadata", meta);
        out.put("columns", columns);
        out.put("stats", Map.of("has_stats", hasStats));
        out.put("unique_id", uniqueId);
        return out;
    }
}
