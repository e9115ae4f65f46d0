package dev.sluice.core.internal.docs;

import dev.sluice.core.api.ResourceType;
import dev.sluice.core.internal.artifacts.Catalog;
import dev.sluice.core.internal.lineage.ColumnLineage;
import dev.sluice.core.internal.lineage.LineageResult;
import dev.sluice.core.internal.lineage.OutputColumn;
import dev.sluice.core.internal.lineage.SourceColumn;
import dev.sluice.core.internal.model.ColumnDef;
import dev.sluice.core.internal.model.ExposureDef;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.SourceDef;
import dev.sluice.core.spi.CatalogTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The template context of each node's page: what the YAML, the catalog, the last run and the lineage say. */
final class NodePages {
    /** A link to another page (or plain text when {@code href} is empty). */
    record Link(String label, String kind, String href) {
    }

    /** An upstream column a column derives from; {@code href} is empty when it is outside the project. */
    record ColumnSource(String relation, String column, String kind, String pageHref, String href) {
    }

    /** A column as the page shows it. */
    record ColumnView(String name, String anchor, String type, String description, List<String> tests,
            boolean inDatabase, String lineage, List<ColumnSource> sources, String problem) {
    }

    /** The last run's outcome of the node. */
    record RunView(String status, String seconds, String message, String command, String at) {
    }

    private final Manifest manifest;
    private final SiteIndex site;
    private final Map<String, String> compiledSql;
    private final Catalog catalog;
    private final LastRun lastRun;
    private final RelationIndex relations;

    NodePages(Manifest manifest, SiteIndex site, Map<String, String> compiledSql, Catalog catalog, LastRun lastRun) {
        this.manifest = manifest;
        this.site = site;
        this.compiledSql = compiledSql;
        this.catalog = catalog;
        this.lastRun = lastRun;
        this.relations = new RelationIndex(manifest, catalog);
    }

    /** A model's column lineage, from its compiled SQL and the catalog's columns of what it reads; else null. */
    private LineageResult lineage(SiteIndex.Page page) {
        String sql = compiledSql.get(page.uniqueId());
        if (sql == null || page.node() == null || page.node().resourceType() != ResourceType.MODEL) {
            return null;
        }
        return ColumnLineage.analyze(sql, relations::columnsOf);
    }

    Map<String, Object> context(SiteIndex.Page page) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("project", manifest.projectName());
        ctx.put("root", "../../");
        ctx.put("uid", page.uniqueId());
        ctx.put("name", page.name());
        ctx.put("kind", page.kind());
        ctx.put("typeLabel", page.typeLabel());
        ctx.put("description", Markdown.html(page.description()));
        ctx.put("relation", page.relation() == null ? "" : page.relation());
        CatalogTable table = catalog.of(page.uniqueId());
        ctx.put("relationKind", table == null ? "" : table.kind());
        ctx.put("owner", table == null || table.owner() == null ? "" : table.owner());
        ctx.put("dependsOn", links(manifest.parentMap().getOrDefault(page.uniqueId(), List.of())));
        ctx.put("referencedBy", links(manifest.childMap().getOrDefault(page.uniqueId(), List.of())));
        LastRun.Result run = lastRun.of(page.uniqueId());
        ctx.put("run", run == null ? null : new RunView(run.status(), String.format(Locale.ROOT, "%.2f", run.seconds()),
                run.message() == null ? "" : run.message(), lastRun.command(), lastRun.generatedAt() == null ? ""
                        : lastRun.generatedAt()));
        Node n = page.node();
        SourceDef s = page.source();
        ExposureDef e = page.exposure();
        Map<String, ColumnDef> declared = n != null ? n.columns() : s != null ? s.columns() : Map.of();
        ctx.put("file", n != null ? n.originalFilePath() : s != null ? s.originalFilePath() : e.originalFilePath());
        ctx.put("patchPath", n != null && n.patchPath() != null ? n.patchPath() : "");
        ctx.put("packageName", n != null ? n.packageName() : s != null ? s.packageName() : e.packageName());
        ctx.put("tags", n != null ? n.tags() : s != null ? s.tags() : e.tags());
        ctx.put("exposure", e);
        // only web links are links: a javascript: url in YAML stays text
        ctx.put("exposureLinks", e != null && e.url() != null && e.url().matches("(?i)^https?://.*"));
        ctx.put("materialized", n != null && n.resourceType() == ResourceType.MODEL ? n.materialized() : "");
        ctx.put("sourceName", s != null ? s.sourceName() : "");
        ctx.put("sourceDescription", s != null ? Markdown.html(s.sourceDescription()) : "");
        ctx.put("loader", s != null && s.loader() != null ? s.loader() : "");
        ctx.put("rawSql", n != null && n.resourceType() != ResourceType.SEED ? n.rawCode() : "");
        ctx.put("compiledSql", compiledSql.getOrDefault(page.uniqueId(), ""));
        LineageResult result = lineage(page);
        List<ColumnView> columns = columns(declared, table, result);
        ctx.put("columns", columns);
        ctx.put("hasLineage", result != null);
        ctx.put("lineageProblem", result == null || result.problem() == null ? "" : result.problem());
        ctx.put("columnGraph", result == null ? null : ColumnGraph.of(columns));
        return ctx;
    }

    private List<Link> links(List<String> ids) {
        List<Link> out = new ArrayList<>();
        for (String id : ids) {
            SiteIndex.Page p = site.page(id);
            if (p != null) {
                out.add(new Link(p.name(), p.typeLabel(), p.href()));
            }
        }
        return out;
    }

    /**
     * The database's columns in order (with their YAML descriptions and tests), then columns the
     * YAML declares that the database lacks; each with its lineage when the model was analysed.
     */
    private List<ColumnView> columns(Map<String, ColumnDef> declared, CatalogTable table, LineageResult result) {
        Map<String, ColumnDef> byLowerName = new LinkedHashMap<>();
        declared.forEach((k, v) -> byLowerName.put(k.toLowerCase(Locale.ROOT), v));
        List<ColumnView> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        if (table != null) {
            for (CatalogTable.CatalogColumn c : table.columns()) {
                names.add(c.name());
                types.add(c.type());
            }
        } else if (result != null) {
            for (OutputColumn c : result.columns()) {
                names.add(c.name());
                types.add("");
            }
        }
        for (int i = 0; i < names.size(); i++) {
            ColumnDef def = byLowerName.remove(names.get(i).toLowerCase(Locale.ROOT));
            OutputColumn lin = result != null && result.problem() == null && i < result.columns().size()
                    ? result.columns().get(i) : null;
            out.add(view(names.get(i), types.get(i), def, true, lin));
        }
        for (ColumnDef def : byLowerName.values()) {
            out.add(view(def.name(), def.dataType() == null ? "" : def.dataType(), def, table == null, null));
        }
        return out;
    }

    private ColumnView view(String name, String type, ColumnDef def, boolean inDatabase, OutputColumn lin) {
        List<String> tests = new ArrayList<>();
        if (def != null) {
            for (Object t : def.tests()) {
                tests.add(t instanceof Map<?, ?> m && !m.isEmpty() ? String.valueOf(m.keySet().iterator().next())
                        : String.valueOf(t));
            }
        }
        List<ColumnSource> sources = new ArrayList<>();
        String kind = "";
        String problem = "";
        if (lin != null) {
            kind = lin.kind().name().toLowerCase(Locale.ROOT);
            problem = lin.problem() == null ? "" : lin.problem();
            for (SourceColumn sc : lin.sources()) {
                String id = relations.idOf(sc.relation());
                SiteIndex.Page p = id == null ? null : site.page(id);
                String relation = p != null ? p.name() : sc.relation().name();
                sources.add(p == null ? new ColumnSource(relation, sc.column(), "", "", "")
                        : new ColumnSource(relation, sc.column(), p.kind(), p.href(), p.href() + "#" + anchor(sc.column())));
            }
        }
        return new ColumnView(name, anchor(name), type, def == null ? "" : Markdown.html(def.description()), tests,
                inDatabase, kind, sources, problem);
    }

    static String anchor(String column) {
        return "col-" + column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    }
}
