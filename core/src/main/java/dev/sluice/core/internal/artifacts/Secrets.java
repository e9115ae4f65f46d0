package dev.sluice.core.internal.artifacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of artifacts in two ways: a value under a password-like key (in a config, the
 * invocation args) is replaced by {@value #MASK}; and any known secret value (a target's password,
 * a {@code DBT_ENV_SECRET_*} variable) is masked wherever it appears in a string, as dbt scrubs
 * its logs. Known values shorter than {@value #MIN_LENGTH} characters are not scrubbed: masking
 * every {@code "a"} would wreck the artifact and protect nothing.
 */
final class Secrets {
    static final String MASK = "*****";
    static final int MIN_LENGTH = 4;
    private static final Pattern SECRET_NAME = Pattern.compile(
            "password|passwd|secret|token|passphrase|private_key|privatekey|api_key|apikey|credential",
            Pattern.CASE_INSENSITIVE);

    private final List<String> values;

    Secrets(Set<String> values) {
        List<String> kept = new ArrayList<>();
        for (String v : values) {
            if (v != null && v.length() >= MIN_LENGTH) {
                kept.add(v);
            }
        }
        // longest first, so a secret that contains another is masked whole
        kept.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.values = List.copyOf(kept);
    }

    static Secrets none() {
        return new Secrets(Set.of());
    }

    /** True for names like {@code password}, {@code DB_PASSWORD}, {@code api_token}, {@code private_key}. */
    /** Config keys repeat across thousands of nodes: each is judged once. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> SECRET_NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();

    static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        Boolean known = SECRET_NAMES.get(name);
        if (known == null) {
            known = SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).find();
            if (SECRET_NAMES.size() < 10_000) {
                SECRET_NAMES.put(name, known);
            }
        }
        return known;
    }

    String scrub(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String out = text;
        for (String v : values) {
            if (out.contains(v)) {
                out = out.replace(v, MASK);
            }
        }
        return out;
    }

    /** A copy of {@code map} with the values under password-like keys masked, nested maps included. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> maskByKey(Map<String, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        // an unordered map is copied in key order, so the copy's order does not vary between runs
        for (Map.Entry<?, ?> e : ArtifactJson.stable(map).entrySet()) {
            String key = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (v != null && isSecretName(key)) {
                out.put(key, MASK);
            } else if (v instanceof Map<?, ?> m) {
                out.put(key, maskByKey((Map<String, ?>) m));
            } else {
                out.put(key, v);
            }
        }
        return out;
    }
}
