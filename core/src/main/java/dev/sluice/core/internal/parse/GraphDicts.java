package dev.sluice.core.internal.parse;

import dev.sluice.core.internal.model.ExposureDef;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.SourceDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * dbt's {@code graph} context variable: the parsed project's nodes, sources and exposures as
 * dictionaries by unique id (what macros such as dbt-utils' walk to find models or sources).
 */
public final class GraphDicts {
    private GraphDicts() {
    }

    /** The graph of {@code manifest}, built when first asked for and then kept. */
    public static Supplier<Map<String, Object>> lazy(Manifest manifest) {
        return new Supplier<>() {
            private volatile Map<String, Object> graph;

            @Override
            public Map<String, Object> get() {
                Map<String, Object> g = graph;
                if (g == null) {
                    synchronized (this) {
                        if (graph == null) {
                            graph = of(manifest);
                        }
                        g = graph;
                    }
                }
                return g;
            }
        };
    }

    static Map<String, Object> of(Manifest manifest) {
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (Node n : manifest.nodes().values()) {
            nodes.put(n.uniqueId(), NodeDicts.of(n));
        }
        Map<String, Object> sources = new LinkedHashMap<>();
        for (SourceDef s : manifest.sources().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unique_id", s.uniqueId());
            m.put("resource_type", "source");
            m.put("package_name", s.packageName());
            m.put("source_name", s.sourceName());
            m.put("name", s.name());
            m.put("identifier", s.identifier());
            m.put("schema", s.schema());
            m.put("database", s.database());
            m.put("fqn", s.fqn());
            m.put("tags", s.tags());
            m.put("meta", s.meta());
            m.put("description", s.description());
            m.put("loader", s.loader());
            m.put("relation_name", s.relationName());
            m.put("original_file_path", s.originalFilePath());
            m.put("config", s.config() == null ? Map.of() : s.config().values());
            sources.put(s.uniqueId(), m);
        }
        Map<String, Object> exposures = new LinkedHashMap<>();
        for (ExposureDef e : manifest.exposures().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unique_id", e.uniqueId());
            m.put("resource_type", "exposure");
            m.put("name", e.name());
            m.put("type", e.type());
            m.put("package_name", e.packageName());
            m.put("depends_on", Map.of("nodes", e.dependsOnNodes(), "macros", List.of()));
            exposures.put(e.uniqueId(), m);
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("nodes", nodes);
        g.put("sources", sources);
        g.put("exposures", exposures);
        g.put("metrics", Map.of());
        g.put("groups", Map.of());
        g.put("semantic_models", Map.of());
        g.put("saved_queries", Map.of());
        return g;
    }
}
