package dev.sluice.core.internal.artifacts;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What compiling a node produced, for the manifest: where the compiled SQL was written
 * ({@code target/compiled/<project>/models/x.sql}), the SQL, and the ephemeral models injected
 * into it as CTEs.
 */
public record CompiledNode(String compiledPath, String compiledCode, List<InjectedCte> extraCtes) {
    public CompiledNode {
        requireNonNull(compiledCode, "compiledCode is null");
        extraCtes = List.copyOf(extraCtes);
    }

    /** An ephemeral model injected as a CTE: its unique id and the {@code __dbt__cte__x as (...)} text. */
    public record InjectedCte(String id, String sql) {
        public InjectedCte {
            requireNonNull(id, "id is null");
            requireNonNull(sql, "sql is null");
        }
    }
}
