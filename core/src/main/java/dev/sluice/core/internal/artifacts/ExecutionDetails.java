package dev.sluice.core.internal.artifacts;

import java.time.Instant;

/**
 * What the executor knows about one node beyond its {@code NodeResult}, for
 * {@code run_results.json}: the thread that ran it, the SQL it compiled to, the quoted relation it
 * built ({@code "db"."schema"."orders"}), and when compiling started and ended. Any may be null.
 */
public record ExecutionDetails(String threadId, String compiledCode, String relationName, Instant compileStartedAt,
        Instant compileCompletedAt) {
    public static ExecutionDetails none() {
        return new ExecutionDetails(null, null, null, null, null);
    }
}
