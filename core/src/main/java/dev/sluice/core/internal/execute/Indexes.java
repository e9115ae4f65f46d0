package dev.sluice.core.internal.execute;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.Relation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * dbt-postgres's {@code indexes} config ({@code [{columns: [a, b], unique: true, type: btree}]})
 * on tables, incremental models and materialized views. Each index is named after a hash of its
 * relation and definition, so the indexes a relation should have can be compared with those it has.
 */
public final class Indexes {
    private Indexes() {
    }

    /** One index: its name and the statement creating it on its relation. */
    public record Index(String name, String createSql) {
    }

    /** The indexes {@code config} (the model's {@code indexes} value) asks for on {@code target}. */
    public static List<Index> of(Object config, Relation target, Dialect d, String model, String file) {
        if (config == null) {
            return List.of();
        }
        if (!(config instanceof List<?> list)) {
            throw bad(model, file, "indexes must be a list of {columns: [...], unique: true|false, type: ...}");
        }
        Map<String, Index> out = new LinkedHashMap<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m) || !(m.get("columns") instanceof List<?> cols) || cols.isEmpty()) {
                throw bad(model, file, "each index needs columns: [a, ...] (got " + item + ")");
            }
            boolean unique = Boolean.TRUE.equals(m.get("unique")) || "true".equalsIgnoreCase(String.valueOf(m.get("unique")));
            String type = m.get("type") == null ? null : String.valueOf(m.get("type")).toLowerCase(Locale.ROOT);
            if (type != null && !type.matches("[a-z_]+")) {
                throw bad(model, file, "index type '" + type + "' is not an index method name (btree, hash, gist, gin, brin)");
            }
            List<String> quoted = new ArrayList<>();
            cols.forEach(c -> quoted.add(d.quote(String.valueOf(c))));
            String spec = target.schema() + "." + target.identifier() + "|" + String.join(",", quoted) + "|" + unique + "|"
                    + type;
            String name = "sluice_idx_" + hash(spec);
            out.put(name, new Index(name, "create " + (unique ? "unique " : "") + "index " + d.quote(name) + " on "
                    + d.render(target) + (type == null ? "" : " using " + type) + " (" + String.join(", ", quoted) + ")"));
        }
        return List.copyOf(out.values());
    }

    private static String hash(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SluiceException bad(String model, String file, String why) {
        return SluiceException.user("config.indexes", Location.of(file), "Cannot build model " + model + ": " + why);
    }
}
