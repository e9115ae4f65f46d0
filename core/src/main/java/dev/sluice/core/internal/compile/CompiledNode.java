package dev.sluice.core.internal.compile;

import dev.sluice.core.internal.model.Node;
import java.util.List;

/**
 * A node's SQL after rendering with {@code execute} true and injecting the ephemeral models it
 * uses, each as a CTE (the ephemeral's unique id and the {@code __dbt__cte__x as (...)} text).
 */
public record CompiledNode(Node node, String sql, List<Cte> ctes, String compiledPath) {
    public CompiledNode {
        ctes = List.copyOf(ctes);
    }

    public record Cte(String id, String sql) {
    }
}
