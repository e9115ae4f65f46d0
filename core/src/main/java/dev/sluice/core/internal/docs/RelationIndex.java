package dev.sluice.core.internal.docs;

import dev.sluice.core.internal.artifacts.Catalog;
import dev.sluice.core.internal.lineage.RelationName;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.SourceDef;
import dev.sluice.core.spi.CatalogTable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project's relations by name, as compiled SQL names them: which node or source each is, and
 * its columns as the catalog reports them. Lookups ignore case, as PostgreSQL folds unquoted names,
 * and a name without a database (or schema) matches when it is unambiguous.
 */
final class RelationIndex {
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, List<String>> columns = new HashMap<>();

    RelationIndex(Manifest manifest, Catalog catalog) {
        for (Node n : manifest.nodes().values()) {
            if (n.relationName() != null && n.alias() != null) {
                add(n.database(), n.schema(), n.alias(), n.uniqueId(), catalog.of(n.uniqueId()));
            }
        }
        for (SourceDef s : manifest.sources().values()) {
            add(s.database(), s.schema(), s.identifier(), s.uniqueId(), catalog.of(s.uniqueId()));
        }
    }

    private void add(String database, String schema, String name, String id, CatalogTable table) {
        List<String> cols = table == null ? null : table.columns().stream().map(CatalogTable.CatalogColumn::name).toList();
        for (String key : keys(database, schema, name)) {
            // a shorter key two relations share is ambiguous: remember that with an empty id
            ids.merge(key, id, (a, b) -> a.equals(b) ? a : "");
            if (cols != null) {
                columns.putIfAbsent(key, cols);
            }
        }
    }

    private static List<String> keys(String database, String schema, String name) {
        String n = lower(name);
        String s = lower(schema);
        String full = lower(database) + "." + s + "." + n;
        return List.of(full, "." + s + "." + n, ".." + n);
    }

    private static String key(RelationName r) {
        if (r.schema() == null) {
            return ".." + lower(r.name());
        }
        return (r.database() == null ? "." : lower(r.database()) + ".") + lower(r.schema()) + "." + lower(r.name());
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** The columns of a relation the SQL names, or null when the catalog does not have it. */
    List<String> columnsOf(RelationName relation) {
        String id = ids.get(key(relation));
        return id == null || id.isEmpty() ? null : columns.get(key(relation));
    }

    /** The unique id of the node or source a relation is, or null. */
    String idOf(RelationName relation) {
        String id = ids.get(key(relation));
        return id == null || id.isEmpty() ? null : id;
    }
}
