package dev.sluice.core.internal.artifacts;

import dev.sluice.core.api.ResourceType;
import dev.sluice.core.internal.model.NodeConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's {@code config} block as dbt writes it: every config key dbt knows for the resource type
 * with its default, in dbt's order, overlaid with the node's effective config; keys dbt does not
 * know (adapter configs such as {@code indexes}) follow at the end, as dbt appends its extras.
 * Hooks are normalized to {@code {sql, transaction, index}}.
 */
public final class ConfigJson {
    private static final Map<String, String> ALIASES = Map.of("post_hook", "post-hook", "pre_hook", "pre-hook");

    private ConfigJson() {
    }

    public static Map<String, Object> forNode(ResourceType type, NodeConfig config) {
        Map<String, Object> out = defaults(type);
        for (Map.Entry<String, Object> e : config.values().entrySet()) {
            String key = ALIASES.getOrDefault(e.getKey(), e.getKey());
            out.put(key, normalize(key, e.getValue(), out.get(key)));
        }
        return Secrets.maskByKey(out);
    }

    /** dbt's defaults for a resource type, in the order dbt writes them. */
    static Map<String, Object> defaults(ResourceType type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", true);
        m.put("alias", null);
        m.put("schema", type == ResourceType.TEST ? "dbt_test__audit" : null);
        m.put("database", null);
        m.put("tags", List.of());
        m.put("meta", Map.of());
        m.put("group", null);
        if (type == ResourceType.TEST) {
            m.put("materialized", "test");
            m.put("severity", "ERROR");
            m.put("store_failures", null);
            m.put("store_failures_as", null);
            m.put("where", null);
            m.put("limit", null);
            m.put("fail_calc", "count(*)");
            m.put("warn_if", "!= 0");
            m.put("error_if", "!= 0");
            return m;
        }
        m.put("materialized", switch (type) {
            case SEED -> "seed";
            case SNAPSHOT -> "snapshot";
            default -> "view";
        });
        m.put("incremental_strategy", null);
        m.put("batch_size", null);
        m.put("lookback", 1);
        m.put("begin", null);
        m.put("persist_docs", Map.of());
        m.put("post-hook", List.of());
        m.put("pre-hook", List.of());
        m.put("quoting", Map.of());
        m.put("column_types", Map.of());
        m.put("full_refresh", null);
        m.put("unique_key", null);
        m.put("on_schema_change", "ignore");
        m.put("on_configuration_change", "apply");
        m.put("grants", Map.of());
        m.put("packages", List.of());
        m.put("docs", docs(Map.of()));
        m.put("contract", contract(Map.of()));
        m.put("event_time", null);
        m.put("concurrent_batches", null);
        switch (type) {
            case MODEL -> {
                m.put("access", "protected");
                m.put("freshness", null);
            }
            case SEED -> {
                m.put("delimiter", ",");
                m.put("quote_columns", null);
            }
            case SNAPSHOT -> {
                m.put("strategy", null);
                m.put("target_schema", null);
                m.put("target_database", null);
                m.put("updated_at", null);
                m.put("check_cols", null);
                m.put("snapshot_meta_column_names", snapshotColumnNames(Map.of()));
                m.put("dbt_valid_to_current", null);
            }
            default -> {
            }
        }
        return m;
    }

    /** {@code {show, node_color}} from a {@code docs} config. */
    static Map<String, Object> docs(Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<?, ?> given = value instanceof Map<?, ?> g ? g : Map.of();
        m.put("show", bool(given.containsKey("show") ? given.get("show") : null, true));
        m.put("node_color", given.get("node_color") == null ? null : given.get("node_color").toString());
        return m;
    }

    /** {@code {enforced, alias_types}} from a {@code contract} config. */
    static Map<String, Object> contract(Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<?, ?> given = value instanceof Map<?, ?> g ? g : Map.of();
        m.put("enforced", bool(given.get("enforced"), false));
        m.put("alias_types", bool(given.get("alias_types"), true));
        return m;
    }

    private static Object normalize(String key, Object value, Object fallback) {
        return switch (key) {
            case "pre-hook", "post-hook" -> hooks(value);
            case "docs" -> docs(value);
            case "contract" -> contract(value);
            case "snapshot_meta_column_names" -> snapshotColumnNames(value);
            case "enabled" -> bool(value, true);
            case "full_refresh", "quote_columns" -> value == null ? null : bool(value, false);
            case "tags", "meta", "persist_docs", "quoting", "column_types", "grants", "packages" ->
                value == null ? fallback : value;
            default -> value;
        };
    }

    /** Hooks as dbt stores them: a string, a list of strings, or {@code {sql, transaction}} maps. */
    static List<Map<String, Object>> hooks(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                out.addAll(hooks(item));
            }
        } else if (value instanceof Map<?, ?> map) {
            out.add(hook(String.valueOf(map.get("sql")), bool(map.get("transaction"), true)));
        } else if (value != null) {
            out.add(hook(value.toString(), true));
        }
        return out;
    }

    private static Map<String, Object> hook(String sql, boolean transaction) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sql", sql);
        m.put("transaction", transaction);
        m.put("index", null);
        return m;
    }

    private static Map<String, Object> snapshotColumnNames(Object value) {
        Map<?, ?> given = value instanceof Map<?, ?> g ? g : Map.of();
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : List.of("dbt_valid_to", "dbt_valid_from", "dbt_scd_id", "dbt_updated_at", "dbt_is_deleted")) {
            m.put(k, given.get(k) == null ? null : given.get(k).toString());
        }
        return m;
    }

    static boolean bool(Object value, boolean fallback) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value == null ? fallback : Boolean.parseBoolean(value.toString().trim());
    }
}
