package dev.sluice.core.internal.artifacts;

import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.model.Checksum;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.TestMetadata;
import dev.sluice.core.internal.model.RefCall;
import dev.sluice.core.internal.model.SourceCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the manifest in dbt's shape for its resource type (Model, Seed, Analysis, SingularTest,
 * GenericTest, Snapshot, HookNode), keys in dbt's order. As dbt does when it writes the artifact,
 * {@code config_call_dict}, {@code unrendered_config_call_dict} and {@code defer_relation} are left
 * out, and so are {@code compiled}, {@code compiled_code} and {@code extra_ctes} until the node is
 * compiled.
 */
final class NodeJson {
    private final String rootProject;
    private final DocRefs docRefs;
    private final String projectRoot;

    NodeJson(String rootProject, DocRefs docRefs, String projectRoot) {
        this.rootProject = rootProject;
        this.docRefs = docRefs;
        this.projectRoot = projectRoot;
    }

    Map<String, Object> of(Node n, CompiledNode compiled) {
        ResourceType type = n.resourceType();
        if (!isManifestNode(type)) {
            throw SluiceException.internal("Cannot write node " + n.uniqueId() + " to the manifest: a "
                    + type.dbtName() + " is not a node", null);
        }
        String pkg = n.packageName() == null ? rootProject : n.packageName();
        Map<String, Object> config = ConfigJson.forNode(type, n.config());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", n.database());
        m.put("schema", n.schema() == null ? "" : n.schema());
        m.put("name", n.name());
        m.put("resource_type", type.dbtName());
        m.put("package_name", pkg);
        m.put("path", n.path() == null ? n.originalFilePath() : n.path());
        m.put("original_file_path", n.originalFilePath());
        m.put("unique_id", n.uniqueId());
        m.put("fqn", n.fqn());
        m.put("alias", n.alias() == null ? n.name() : n.alias());
        m.put("checksum", checksum(n));
        m.put("config", config);
        m.put("tags", n.tags());
        m.put("description", n.description());
        m.put("columns", ColumnJson.columns(n.columns(), docRefs, pkg));
        m.put("meta", n.meta());
        m.put("group", config.get("group"));
        m.put("docs", config.containsKey("docs") ? config.get("docs") : ConfigJson.docs(null));
        m.put("patch_path", n.patchPath());
        m.put("build_path", null);
        m.put("unrendered_config", Secrets.maskByKey(n.config().values()));
        m.put("created_at", n.createdAt());
        m.put("relation_name", n.relationName());
        // dbt does not load a seed's contents into the manifest
        m.put("raw_code", type == ResourceType.SEED || n.rawCode() == null ? "" : n.rawCode());
        m.put("doc_blocks", docRefs.of(n.description(), pkg));
        if (type == ResourceType.SEED) {
            m.put("root_path", projectRoot);
            m.put("depends_on", Map.of("macros", n.dependsOnMacros()));
            return m;
        }
        compiledFields(m, n, compiled, config);
        switch (type) {
            case MODEL -> modelFields(m, n, config);
            case OPERATION -> m.put("index", null);
            case TEST -> {
                if (isGenericTest(n)) {
                    genericTestFields(m, n);
                }
            }
            default -> {
            }
        }
        return m;
    }

    static boolean isManifestNode(ResourceType type) {
        return switch (type) {
            case MODEL, SEED, TEST, SNAPSHOT, ANALYSIS, OPERATION -> true;
            default -> false;
        };
    }

    private static Map<String, Object> checksum(Node n) {
        Checksum c = n.checksum() != null ? n.checksum() : Checksum.sha256(n.rawCode() == null ? "" : n.rawCode());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("checksum", c.checksum());
        return m;
    }

    private static void compiledFields(Map<String, Object> m, Node n, CompiledNode compiled, Map<String, Object> config) {
        m.put("language", n.language() == null ? "sql" : n.language());
        m.put("refs", refs(n.refs()));
        m.put("sources", sources(n.sources()));
        m.put("metrics", List.of());
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        dependsOn.put("macros", n.dependsOnMacros());
        dependsOn.put("nodes", n.dependsOnNodes());
        m.put("depends_on", dependsOn);
        m.put("compiled_path", compiled == null ? null : compiled.compiledPath());
        if (compiled != null) {
            m.put("compiled", true);
            m.put("compiled_code", compiled.compiledCode());
            m.put("extra_ctes_injected", true);
            List<Map<String, Object>> ctes = new ArrayList<>();
            for (CompiledNode.InjectedCte cte : compiled.extraCtes()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", cte.id());
                c.put("sql", cte.sql());
                ctes.add(c);
            }
            m.put("extra_ctes", ctes);
        }
        Map<String, Object> contract = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> configured = (Map<String, Object>) config.getOrDefault("contract", ConfigJson.contract(null));
        contract.putAll(configured);
        contract.put("checksum", n.resourceType() == ResourceType.MODEL ? ContractJson.checksum(n) : null);
        m.put("contract", contract);
    }

    private static void modelFields(Map<String, Object> m, Node n, Map<String, Object> config) {
        Object access = config.get("access");
        m.put("access", access == null ? "protected" : access.toString());
        m.put("constraints", ContractJson.constraints(n.constraints(), true));
        m.put("version", n.version() == null ? null : version(n.version()));
        m.put("latest_version", n.versioning() == null ? null : version(n.versioning().latestVersion()));
        m.put("deprecation_date", null);
        m.put("primary_key", ColumnJson.primaryKey(n.constraints(), n.columns()));
        m.put("time_spine", null);
    }

    /** dbt writes a generic test's original_file_path as the property file that declared it. */
    static boolean isGenericTest(Node n) {
        String file = n.originalFilePath();
        return file.endsWith(".yml") || file.endsWith(".yaml");
    }

    private static void genericTestFields(Map<String, Object> m, Node n) {
        if (n.test() != null) {
            TestMetadata t = n.test();
            Map<String, Object> kwargs = new LinkedHashMap<>(t.kwargs());
            kwargs.put("model", model(t.attachedNode()));
            m.put("column_name", t.columnName());
            m.put("file_key_name", fileKeyName(n));
            m.put("attached_node", t.attachedNode() != null && t.attachedNode().startsWith("source.") ? null
                    : t.attachedNode());
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("name", t.name());
            metadata.put("kwargs", kwargs);
            metadata.put("namespace", t.namespace());
            m.put("test_metadata", metadata);
            return;
        }
        Map<String, Object> kwargs = GenericTests.kwargs(n);
        String attached = n.dependsOnNodes().stream().filter(id -> !id.startsWith("source.")).findFirst()
                .orElse(n.dependsOnNodes().isEmpty() ? null : n.dependsOnNodes().get(0));
        m.put("column_name", kwargs.get("column_name"));
        m.put("file_key_name", fileKeyName(n));
        m.put("attached_node", attached != null && attached.startsWith("source.") ? null : attached);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", GenericTests.testName(n));
        metadata.put("kwargs", kwargs);
        metadata.put("namespace", null);
        m.put("test_metadata", metadata);
    }

    /** How dbt writes the tested node in test_metadata: {{ get_where_subquery(ref('orders')) }}. */
    private static String model(String attached) {
        if (attached == null) {
            return null;
        }
        String[] parts = attached.split("\\.");
        if (attached.startsWith("source.") && parts.length >= 4) {
            return "{{ get_where_subquery(source('" + parts[2] + "', '" + parts[3] + "')) }}";
        }
        return "{{ get_where_subquery(ref('" + parts[parts.length - 1] + "')) }}";
    }

    /** {@code models.orders} or {@code sources.raw}: the property file's key and the tested resource. */
    private static String fileKeyName(Node n) {
        if (!n.sources().isEmpty() && n.refs().isEmpty()) {
            return "sources." + n.sources().get(0).sourceName();
        }
        if (!n.refs().isEmpty()) {
            String kind = n.dependsOnNodes().stream().anyMatch(id -> id.startsWith("seed.")) ? "seeds" : "models";
            return kind + "." + n.refs().get(0).name();
        }
        return null;
    }

    static List<Map<String, Object>> refs(List<RefCall> refs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RefCall r : refs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("package", r.packageName());
            m.put("version", version(r.version()));
            out.add(m);
        }
        return out;
    }

    /** {@code ref('x', version=2)} writes 2, {@code version='2'} the same, as the model keeps text. */
    private static Object version(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e2) {
                return v;
            }
        }
    }

    private static List<List<String>> sources(List<SourceCall> calls) {
        List<List<String>> out = new ArrayList<>();
        for (SourceCall s : calls) {
            out.add(List.of(s.sourceName(), s.tableName()));
        }
        return out;
    }
}
