package dev.sluice.core.internal.artifacts;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.SourceDef;
import dev.sluice.core.spi.AdapterConnection;
import dev.sluice.core.spi.CatalogTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the warehouse says about the project's relations, as {@code dbt docs generate} reads it:
 * the catalog entry of every model, seed and snapshot that has a relation, and of every source,
 * by unique id. Relations the warehouse does not have (not built yet) are simply absent.
 *
 * <pre>{@code
 * Catalog catalog = adapter.withConnection(c -> Catalog.read(c, manifest));
 * }</pre>
 */
public record Catalog(Map<String, CatalogTable> nodes, Map<String, CatalogTable> sources) {
    public Catalog {
        nodes = new TreeMap<>(requireNonNull(nodes, "nodes is null"));
        sources = new TreeMap<>(requireNonNull(sources, "sources is null"));
    }

    public static Catalog empty() {
        return new Catalog(Map.of(), Map.of());
    }

    /** Reads the catalog of {@code manifest}'s relations, one streamed query per database. */
    public static Catalog read(AdapterConnection c, Manifest manifest) {
        Map<String, List<String>> byRelation = new LinkedHashMap<>(); // key -> unique ids
        Map<String, Set<String>> schemasByDatabase = new LinkedHashMap<>();
        for (Node n : manifest.nodes().values()) {
            if (n.relationName() != null && n.alias() != null) {
                byRelation.computeIfAbsent(key(n.database(), n.schema(), n.alias()), k -> new ArrayList<>()).add(n.uniqueId());
                schemasByDatabase.computeIfAbsent(n.database(), k -> new LinkedHashSet<>()).add(n.schema());
            }
        }
        for (SourceDef s : manifest.sources().values()) {
            byRelation.computeIfAbsent(key(s.database(), s.schema(), s.identifier()), k -> new ArrayList<>())
                    .add(s.uniqueId());
            schemasByDatabase.computeIfAbsent(s.database(), k -> new LinkedHashSet<>()).add(s.schema());
        }
        Map<String, CatalogTable> nodes = new LinkedHashMap<>();
        Map<String, CatalogTable> sources = new LinkedHashMap<>();
        schemasByDatabase.forEach((db, schemas) -> c.catalog(db, schemas, table -> {
            List<String> ids = byRelation.get(key(db, table.relation().schema(), table.relation().identifier()));
            if (ids != null) {
                for (String id : ids) {
                    (id.startsWith("source.") ? sources : nodes).put(id, table);
                }
            }
        }));
        return new Catalog(nodes, sources);
    }

    /** Relations match as PostgreSQL folds unquoted names: without regard to case. */
    private static String key(String database, String schema, String identifier) {
        return (database == null ? "" : database.toLowerCase(Locale.ROOT)) + "\u0000" + schema.toLowerCase(Locale.ROOT)
                + "\u0000" + identifier.toLowerCase(Locale.ROOT);
    }

    /** The entry of a node or source, or null. */
    public CatalogTable of(String uniqueId) {
        CatalogTable t = nodes.get(uniqueId);
        return t != null ? t : sources.get(uniqueId);
    }
}
