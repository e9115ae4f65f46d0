package dev.sluice.core.internal.parse;

import dev.sluice.core.internal.model.ColumnDef;
import dev.sluice.core.internal.model.Constraint;
import dev.sluice.core.internal.model.Contract;
import dev.sluice.core.internal.model.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Nodes as templates see them: dbt's {@code model} (and the {@code node} argument of naming macros). */
public final class NodeDicts {
    private NodeDicts() {
    }

    /** A node that is still being parsed: what is known so far. */
    public static Map<String, Object> draft(String uniqueId, String resourceType, String packageName, String name,
            String path, String originalFilePath, List<String> fqn, Map<String, Object> config, String rawCode,
            String description, String schema, String database) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unique_id", uniqueId);
        m.put("resource_type", resourceType);
        m.put("package_name", packageName);
        m.put("name", name);
        m.put("path", path);
        m.put("original_file_path", originalFilePath);
        m.put("fqn", fqn);
        m.put("config", config);
        m.put("tags", dev.sluice.core.internal.config.ConfigResolver.tags(config.get("tags")));
        m.put("raw_code", rawCode);
        m.put("raw_sql", rawCode);
        m.put("description", description == null ? "" : description);
        m.put("schema", schema);
        m.put("database", database);
        m.put("alias", name);
        m.put("version", null);
        m.put("meta", config.getOrDefault("meta", Map.of()));
        return m;
    }

    /** A parsed node. */
    public static Map<String, Object> of(Node n) {
        Map<String, Object> m = draft(n.uniqueId(), n.resourceType().dbtName(), n.packageName(), n.name(), n.path(),
                n.originalFilePath(), n.fqn(), n.config().values(), n.rawCode(), n.description(), n.schema(),
                n.database());
        m.put("alias", n.alias());
        m.put("tags", n.tags());
        m.put("version", n.version());
        m.put("latest_version", n.versioning() == null ? null : n.versioning().latestVersion());
        m.put("relation_name", n.relationName());
        m.put("refs", n.refs().stream().map(r -> {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("name", r.name());
            ref.put("package", r.packageName());
            ref.put("version", r.version());
            return ref;
        }).toList());
        m.put("sources", n.sources().stream().map(s -> List.of(s.sourceName(), s.tableName())).toList());
        Map<String, Object> deps = new LinkedHashMap<>();
        deps.put("nodes", n.dependsOnNodes());
        deps.put("macros", n.dependsOnMacros());
        m.put("depends_on", deps);
        Map<String, Object> cols = new LinkedHashMap<>();
        for (ColumnDef c : n.columns().values()) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", c.name());
            col.put("description", c.description());
            col.put("data_type", c.dataType());
            col.put("meta", c.meta());
            col.put("tags", c.tags());
            col.put("quote", c.quote());
            col.put("constraints", constraints(c.constraints(), false));
            cols.put(c.name(), col);
        }
        m.put("columns", cols);
        m.put("constraints", constraints(n.constraints(), true));
        Contract contract = Contract.of(n.config());
        Map<String, Object> contractDict = new LinkedHashMap<>();
        contractDict.put("enforced", contract.enforced());
        contractDict.put("alias_types", contract.aliasTypes());
        m.put("contract", contractDict);
        return m;
    }

    /** Constraints as templates see them in {@code model}: dbt's keys, as in manifest.json. */
    private static List<Map<String, Object>> constraints(List<Constraint> constraints, boolean modelLevel) {
        return dev.sluice.core.internal.artifacts.ContractJson.constraints(constraints, modelLevel);
    }
}
