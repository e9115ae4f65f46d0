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

    Map<String, Object> graph() {
        return graph.get();
    }
}
