package dev.sluice.core.internal.docs;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.ResourceType;
import dev.sluice.core.internal.docs.layout.Box;
import dev.sluice.core.internal.docs.layout.Edge;
import dev.sluice.core.internal.model.ExposureDef;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.SourceDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything that gets a page (models, seeds, snapshots, analyses, sources), its file name and
 * label, and the subset drawn in the project graph with its edges (parent to child).
 */
final class SiteIndex {
    /** Box height and the width bounds of the graph's node boxes, in SVG units. */
    static final double BOX_HEIGHT = 30;
    private static final double MIN_WIDTH = 110;
    private static final double MAX_WIDTH = 300;
    private static final double CHAR_WIDTH = 7.2;

    /** A node or source with a page. */
    record Page(String uniqueId, String name, String kind, String typeLabel, String file, String schema,
            String relation, String description, boolean inGraph, Node node, SourceDef source, ExposureDef exposure) {
        Page {
            requireNonNull(uniqueId, "uniqueId is null");
            requireNonNull(file, "file is null");
        }

        /** The link to this page from another node page. */
        String href() {
            return file;
        }
    }

    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<String> schemas;

    SiteIndex(Manifest manifest) {
        Set<String> files = new HashSet<>();
        Set<String> schemaSet = new TreeSet<>();
        for (SourceDef s : manifest.sources().values()) {
            add(new Page(s.uniqueId(), s.sourceName() + "." + s.name(), "source", "source", file(s.uniqueId(), files),
                    s.schema(), s.schema() + "." + s.identifier(), s.description(), true, null, s, null));
            schemaSet.add(s.schema());
        }
        for (Node n : manifest.nodes().values()) {
            boolean graph = switch (n.resourceType()) {
                case MODEL, SEED, SNAPSHOT, EXPOSURE -> true;
                default -> false;
            };
            String kind = n.resourceType().dbtName();
            String label = n.resourceType() == ResourceType.MODEL ? n.materialized() + " model" : kind;
            add(new Page(n.uniqueId(), n.name(), kind, label, file(n.uniqueId(), files), n.schema(),
                    n.relationName() == null ? null : n.displayRelation(), n.description(), graph, n, null, null));
            if (graph && n.schema() != null) {
                schemaSet.add(n.schema());
            }
        }
        for (ExposureDef e : manifest.exposures().values()) {
            add(new Page(e.uniqueId(), e.label() != null ? e.label() : e.name(), "exposure", e.type() + " exposure",
                    file(e.uniqueId(), files), null, null, e.description(), true, null, null, e));
        }
        for (Page p : pages.values()) {
            List<String> parents = p.node() != null ? p.node().dependsOnNodes()
                    : p.exposure() != null ? p.exposure().dependsOnNodes() : List.of();
            if (p.inGraph()) {
                for (String parent : parents) {
                    Page from = pages.get(parent);
                    if (from != null && from.inGraph()) {
                        edges.add(new Edge(parent, p.uniqueId()));
                    }
                }
            }
        }
        schemas = List.copyOf(schemaSet);
    }

    private void add(Page p) {
        pages.put(p.uniqueId(), p);
    }

    /** A file name for a unique id: safe on every file system, unique even when ids differ only by case. */
    private static String file(String uniqueId, Set<String> taken) {
        String base = uniqueId.replaceAll("[^A-Za-z0-9._-]", "_");
        String name = base + ".html";
        for (int i = 2; !taken.add(name.toLowerCase(Locale.ROOT)); i++) {
            name = base + "_" + i + ".html";
        }
        return name;
    }

    List<Page> pages() {
        return List.copyOf(pages.values());
    }

    Page page(String uniqueId) {
        return pages.get(uniqueId);
    }

    List<Page> graphPages() {
        return pages.values().stream().filter(Page::inGraph).toList();
    }

    List<Box> boxes() {
        List<Box> boxes = new ArrayList<>();
        for (Page p : graphPages()) {
            boxes.add(new Box(p.uniqueId(), width(p.name()), BOX_HEIGHT));
        }
        return boxes;
    }

    static double width(String label) {
        return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.ceil(label.length() * CHAR_WIDTH + 28)));
    }

    List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** The schemas of the graph's nodes, sorted: a node's colour is its schema's position here. */
    List<String> schemas() {
        return schemas;
    }

    int colour(String schema) {
        int i = schema == null ? -1 : schemas.indexOf(schema);
        return i < 0 ? 0 : i;
    }
}
