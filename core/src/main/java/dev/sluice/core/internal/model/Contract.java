package dev.sluice.core.internal.model;

import java.util.Map;

/**
 * A model's {@code contract} config: {@code enforced} (default false) and {@code alias_types}
 * (default true: dbt's type aliases such as {@code string} apply to the declared data types).
 */
public record Contract(boolean enforced, boolean aliasTypes) {
    public static Contract of(NodeConfig config) {
        Map<?, ?> m = config.get("contract") instanceof Map<?, ?> given ? given : Map.of();
        return new Contract(flag(m.get("enforced"), false), flag(m.get("alias_types"), true));
    }

    private static boolean flag(Object v, boolean fallback) {
        if (v instanceof Boolean b) {
            return b;
        }
        return v == null ? fallback : Boolean.parseBoolean(v.toString().strip());
    }
}
