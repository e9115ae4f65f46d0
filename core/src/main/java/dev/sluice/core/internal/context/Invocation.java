package dev.sluice.core.internal.context;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What templates know of the command running: dbt's {@code flags} (WHICH, FULL_REFRESH,
 * STORE_FAILURES, ...), {@code selected_resources}, and the {@code graph} of the parsed project.
 * One per loaded project; a command sets it when it starts (commands of one instance run one at a
 * time).
 */
public final class Invocation {
    private volatile Map<String, Object> flags = Map.of("WHICH", "parse");
    private volatile List<String> selected = List.of();
    private volatile Supplier<Map<String, Object>> graph = Map::of;
    /** Values never to print or write: passwords, and what env_var() read from secret-looking variables. */
    private final java.util.Set<String> secrets = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile(
            "(?i)(secret|password|passwd|token|private_key|credentials?)");

    /** Keeps {@code value} secret when {@code name} (an environment variable or a setting) looks like a secret's. */
    public void secretIf(String name, Object value) {
        if (value != null && name != null && SECRET_NAME.matcher(name).find()) {
            secret(String.valueOf(value));
        }
    }

    /** Keeps {@code value} secret (values shorter than 4 characters are not masked: they would mask everything). */
    public void secret(String value) {
        if (value != null && value.length() >= 4) {
            secrets.add(value);
        }
    }

    public java.util.Set<String> secrets() {
        return java.util.Set.copyOf(secrets);
    }

    /** {@code text} with every secret value replaced by {@code ****}. */
    public String scrub(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) {
                out = out.replace(s, "****");
            }
        }
        return out;
    }

    /** A command starts: its name and flags, and the unique ids it selected. */
    public void start(Map<String, Object> flags, List<String> selected) {
        this.flags = Map.copyOf(flags);
        this.selected = List.copyOf(selected);
    }

    /** The parsed project as {@code graph} shows it, computed when a template first asks. */
    public void graph(Supplier<Map<String, Object>> graph) {
        this.graph = graph;
    }

    Map<String, Object> flags() {
        return flags;
    }

    List<String> selected() {
        return selected;
    }

    /**
     * The graph as templates see it: a mapping that builds the project's node dictionaries only when
     * a template first reads it (most never do, and a context is made for every node).
     */
    Map<String, Object> graph() {
        Supplier<Map<String, Object>> g = graph;
        return new java.util.AbstractMap<>() {
            @Override
            public java.util.Set<Map.Entry<String, Object>> entrySet() {
                return g.get().entrySet();
            }

            @Override
            public Object get(Object key) {
                return g.get().get(key);
            }

            @Override
            public boolean containsKey(Object key) {
                return g.get().containsKey(key);
            }
        };
    }
}
