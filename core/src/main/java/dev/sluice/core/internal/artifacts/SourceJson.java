package dev.sluice.core.internal.artifacts;

import dev.sluice.core.internal.model.FreshnessThreshold;
import dev.sluice.core.internal.model.SourceDef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A source table as dbt writes it under {@code sources}, keys in dbt's order. */
final class SourceJson {
    private static final Set<String> KNOWN = Set.of("enabled", "event_time", "freshness",
            "loaded_at_field", "loaded_at_query", "meta", "tags");

    private final String rootProject;
    private final DocRefs docRefs;

    SourceJson(String rootProject, DocRefs docRefs) {
        this.rootProject = rootProject;
        this.docRefs = docRefs;
    }

    Map<String, Object> of(SourceDef s) {
        String pkg = s.packageName() == null ? rootProject : s.packageName();
        Map<String, Object> values = s.config() == null ? Map.of() : s.config().values();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", s.database());
        m.put("schema", s.schema() == null ? "" : s.schema());
        m.put("name", s.name());
        m.put("resource_type", "source");
        m.put("package_name", pkg);
        m.put("path", s.path() == null ? s.originalFilePath() : s.path());
        m.put("original_file_path", s.originalFilePath());
        m.put("unique_id", s.uniqueId());
        m.put("fqn", s.fqn());
        m.put("source_name", s.sourceName());
        m.put("source_description", s.sourceDescription());
        m.put("loader", s.loader() == null ? "" : s.loader());
        m.put("identifier", s.identifier() == null ? s.name() : s.identifier());
        m.put("quoting", quoting(values.get("quoting")));
        m.put("loaded_at_field", s.loadedAtField());
        m.put("loaded_at_query", s.loadedAtQuery());
        m.put("freshness", s.freshness() == null ? null : s.freshness().toJson());
        m.put("external", null);
        m.put("description", s.description());
        m.put("columns", ColumnJson.columns(s.columns(), docRefs, pkg));
        m.put("meta", s.meta());
        m.put("source_meta", s.sourceMeta());
        m.put("tags", s.tags());
        m.put("config", config(s, values));
        m.put("patch_path", null);
        m.put("unrendered_config", Secrets.maskByKey(values));
        m.put("relation_name", s.relationName());
        m.put("created_at", s.createdAt());
        m.put("unrendered_database", null);
        m.put("unrendered_schema", null);
        m.put("doc_blocks", docRefs.of(s.description(), pkg));
        return m;
    }

    private static Map<String, Object> config(SourceDef s, Map<String, Object> values) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("enabled", ConfigJson.bool(values.get("enabled"), true));
        c.put("event_time", values.get("event_time"));
        // as the config levels wrote it (already checked when the project was parsed)
        FreshnessThreshold freshness = FreshnessThreshold.parse(values.get("freshness"), null, s.uniqueId());
        c.put("freshness", freshness == null ? null : freshness.toJson());
        c.put("loaded_at_field", text(values.get("loaded_at_field")));
        c.put("loaded_at_query", text(values.get("loaded_at_query")));
        c.put("meta", s.meta());
        c.put("tags", s.tags());
        values.forEach((k, v) -> {
            if (!KNOWN.contains(k) && !"quoting".equals(k)) {
                c.put(k, v);
            }
        });
        return Secrets.maskByKey(c);
    }

    private static Map<String, Object> quoting(Object value) {
        Map<?, ?> given = value instanceof Map<?, ?> g ? g : Map.of();
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : new String[] {"database", "schema", "identifier", "column"}) {
            m.put(k, given.get(k) == null ? null : ConfigJson.bool(given.get(k), false));
        }
        return m;
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
