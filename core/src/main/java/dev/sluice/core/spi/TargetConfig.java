package dev.sluice.core.spi;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One output of a profile in profiles.yml, after {@code env_var()} rendering: its name, adapter
 * type and settings ({@code host}, {@code port}, {@code user}, {@code password}, {@code dbname},
 * {@code schema}, {@code threads}, {@code embedded}, ...). Password-like values are never
 * printed by {@link #toString()}.
 */
public record TargetConfig(String profile, String name, String type, Map<String, Object> settings, Location location) {
    public TargetConfig {
        requireNonNull(profile, "profile is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public boolean has(String key) {
        return settings.get(key) != null;
    }

    public String string(String key, String fallback) {
        Object v = settings.get(key);
        return v == null ? fallback : v.toString();
    }

    /** A required setting; fails naming profiles.yml and the target when absent. */
    public String require(String key) {
        Object v = settings.get(key);
        if (v == null || v.toString().isBlank()) {
            throw SluiceException.user("profile.missing", location, "Cannot use target '" + name + "' of profile '"
                    + profile + "': it has no '" + key + "' (add it to the target in profiles.yml)");
        }
        return v.toString();
    }

    public int integer(String key, int fallback) {
        Object v = settings.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw SluiceException.user("profile.type", location, "Cannot use target '" + name + "': '" + key
                    + "' must be a whole number, got '" + v + "'");
        }
    }

    public boolean bool(String key, boolean fallback) {
        Object v = settings.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (v.toString().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw SluiceException.user("profile.type", location, "Cannot use target '" + name + "': '"
                    + key + "' must be true or false, got '" + v + "'");
        };
    }

    /** The default schema models build in ({@code schema}). */
    public String schema() {
        return require("schema");
    }

    /** The database name ({@code dbname}, or {@code database}). */
    public String database() {
        String db = string("dbname", null);
        return db != null ? db : string("database", null);
    }

    public int threads() {
        return integer("threads", 1);
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        settings.forEach((k, v) -> shown.put(k, isSecret(k) ? "****" : v));
        return "TargetConfig[" + profile + "." + name + " " + type + " " + shown + "]";
    }

    /** True for keys whose values must never be shown (passwords, tokens, keys). */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("token") || k.contains("private_key")
                || k.equals("pass");
    }
}
