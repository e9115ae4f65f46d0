package dev.sluice.core.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dbt's config precedence and merge rules: the project file's folder tree (more specific folders
 * win), then a property file's {@code config:}, then {@code config()} in the node's file. Most
 * configs are replaced by a more specific value; {@code tags}, {@code pre-hook}, {@code post-hook}
 * and {@code packages} accumulate; {@code meta}, {@code quoting}, {@code column_types},
 * {@code docs}, {@code contract} and {@code grants} merge key by key.
 */
public final class ConfigResolver {
    private static final Set<String> APPEND = Set.of("tags", "pre-hook", "post-hook", "packages");
    private static final Set<String> UPDATE = Set.of("meta", "quoting", "column_types", "docs", "contract", "grants");

    /** Config names recognised without a {@code +} prefix in the project file's trees. */
    private static final Set<String> KNOWN = Set.of("enabled", "materialized", "schema", "database", "alias", "tags",
            "meta", "group", "access", "docs", "persist_docs", "pre-hook", "post-hook", "pre_hook", "post_hook",
            "full_refresh", "column_types", "quote_columns", "delimiter", "quoting", "grants", "contract",
            "unique_key", "incremental_strategy", "on_schema_change", "on_configuration_change", "sql_header",
            "indexes", "unlogged", "bind", "event_time", "batch_size", "lookback", "begin", "concurrent_batches",
            "packages", "loaded_at_field", "freshness", "identifier", "severity", "store_failures", "where", "limit",
            "fail_calc", "warn_if", "error_if", "strategy", "target_schema", "target_database", "updated_at",
            "check_cols", "snapshot_meta_column_names", "hard_deletes", "dbt_valid_to_current", "labels");

    private ConfigResolver() {
    }

    /**
     * The configs the project file's {@code tree} (e.g. its {@code models:} block) gives the node
     * with fully qualified name {@code fqn} ({@code [project, folders..., name]}).
     */
    public static Map<String, Object> fromProjectTree(Map<String, Object> tree, List<String> fqn) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (tree == null || fqn.isEmpty()) {
            return result;
        }
        Map<String, Object> level = tree;
        // the tree's top level names packages; configs there apply to every package
        result = merge(result, configsAt(level, null));
        for (String part : fqn) {
            Object next = level.get(part);
            if (!(next instanceof Map<?, ?> m) || part.startsWith("+")) {
                break;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) m;
            result = merge(result, configsAt(child, null));
            level = child;
        }
        return result;
    }

    /** The configs written directly at one level of a tree: {@code +key} entries and known config names. */
    private static Map<String, Object> configsAt(Map<String, Object> level, String unused) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : level.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("+")) {
                out.put(normalizeKey(k.substring(1)), e.getValue());
            } else if (KNOWN.contains(k) && !(e.getValue() instanceof Map<?, ?> && !UPDATE.contains(k)
                    && !k.equals("persist_docs") && !k.equals("freshness"))) {
                out.put(normalizeKey(k), e.getValue());
            }
        }
        return out;
    }

    /** Whether {@code key} (without its {@code +}) names a config rather than a folder or package in a config tree. */
    public static boolean isConfigKey(String key) {
        return key.startsWith("+") || KNOWN.contains(key);
    }

    /** dbt spells hooks with a hyphen in artifacts; {@code config(pre_hook=...)} uses an underscore. */
    public static String normalizeKey(String key) {
        return switch (key) {
            case "pre_hook" -> "pre-hook";
            case "post_hook" -> "post-hook";
            default -> key;
        };
    }

    /** Normalizes every key of a config map. */
    public static Map<String, Object> normalize(Map<String, Object> config) {
        Map<String, Object> out = new LinkedHashMap<>();
        config.forEach((k, v) -> out.put(normalizeKey(k), v));
        return out;
    }

    /** {@code over} applied on top of {@code base} with dbt's merge behaviours. */
    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> e : over.entrySet()) {
            String k = normalizeKey(e.getKey());
            Object v = e.getValue();
            Object old = out.get(k);
            if (APPEND.contains(k) && old != null) {
                List<Object> all = new ArrayList<>(asList(old));
                for (Object x : asList(v)) {
                    if (!k.equals("tags") || !all.contains(x)) {
                        all.add(x);
                    }
                }
                out.put(k, all);
            } else if (UPDATE.contains(k) && old instanceof Map<?, ?> om && v instanceof Map<?, ?> vm) {
                Map<String, Object> m = new LinkedHashMap<>();
                om.forEach((a, b) -> m.put(String.valueOf(a), b));
                vm.forEach((a, b) -> m.put(String.valueOf(a), b));
                out.put(k, m);
            } else if (APPEND.contains(k)) {
                out.put(k, new ArrayList<>(asList(v)));
            } else {
                out.put(k, v);
            }
        }
        return out;
    }

    private static List<Object> asList(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of(v);
    }

    /** Tags as a de-duplicated list of strings, in first-seen order. */
    public static List<String> tags(Object v) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Object t : asList(v)) {
            out.add(String.valueOf(t));
        }
        return List.copyOf(out);
    }
}
