package dev.sluice.core.internal.artifacts;

import dev.sluice.core.internal.model.DocBlock;
import dev.sluice.core.internal.model.MacroDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Macros and docs blocks as dbt writes them under {@code macros} and {@code docs}. */
final class MacroJson {
    private MacroJson() {
    }

    static Map<String, Object> macro(MacroDef d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("resource_type", "macro");
        m.put("package_name", d.packageName());
        m.put("path", d.path() == null ? d.originalFilePath() : d.path());
        m.put("original_file_path", d.originalFilePath() == null ? d.path() : d.originalFilePath());
        m.put("unique_id", d.uniqueId());
        m.put("macro_sql", d.macroSql() == null ? "" : d.macroSql());
        m.put("depends_on", Map.of("macros", d.dependsOnMacros()));
        m.put("description", d.description());
        m.put("meta", Map.of());
        m.put("docs", ConfigJson.docs(null));
        m.put("patch_path", null);
        List<Map<String, Object>> arguments = new ArrayList<>();
        for (String name : d.arguments()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", name);
            a.put("type", null);
            a.put("description", "");
            arguments.add(a);
        }
        m.put("arguments", arguments);
        m.put("created_at", d.createdAt());
        // a materialization declares its languages; dbt's default is SQL only
        m.put("supported_languages", d.name().startsWith("materialization_") ? List.of("sql") : null);
        return m;
    }

    static Map<String, Object> doc(DocBlock d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("resource_type", "doc");
        m.put("package_name", d.packageName());
        m.put("path", d.path() == null ? d.originalFilePath() : d.path());
        m.put("original_file_path", d.originalFilePath() == null ? d.path() : d.originalFilePath());
        m.put("unique_id", d.uniqueId());
        m.put("block_contents", d.blockContents() == null ? "" : d.blockContents());
        return m;
    }
}
