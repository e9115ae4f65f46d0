package dev.sluice.core.internal.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's effective configuration after dbt's precedence (project file &lt; property file &lt;
 * {@code config()} in the file): an ordered map of config names to values, with typed accessors
 * for the ones Sluice acts on. Keys are dbt's, without the {@code +} prefix.
 */
public record NodeConfig(Map<String, Object> values) {
    public NodeConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static NodeConfig empty() {
        return new NodeConfig(Map.of());
    }

    public Object get(String key) {
        return values.get(key);
    }

    public String string(String key, String fallback) {
        Object v = values.get(key);
        return v == null ? fallback : v.toString();
    }

    public boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v == null) {
            return fallback;
        }
        return Boolean.parseBoolean(v.toString());
    }

    public String materialized() {
        return string("materialized", "view");
    }

    public boolean enabled() {
        return bool("enabled", true);
    }

    /** The custom schema ({@code +schema}), or null. */
    public String schema() {
        return string("schema", null);
    }

    public String alias() {
        return string("alias", null);
    }

    public String database() {
        return string("database", null);
    }

    @SuppressWarnings("unchecked")
    public List<String> tags() {
        Object v = values.get("tags");
        if (v instanceof List<?> l) {
            return (List<String>) l.stream().map(Object::toString).toList();
        }
        return v == null ? List.of() : List.of(v.toString());
    }

    /** This config with {@code key} set. */
    public NodeConfig with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(key, value);
        return new NodeConfig(m);
    }
}
