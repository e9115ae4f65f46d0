package dev.sluice.core.api;

import java.util.Locale;

/** How a node ended, with dbt's run_results status names. */
public enum NodeStatus {
    SUCCESS, ERROR, SKIPPED, PASS, FAIL, WARN, RUNTIME_ERROR,
    /** A microbatch model some of whose batches failed (the others are kept). */
    PARTIAL_SUCCESS;

    /** The name dbt writes in run_results.json: {@code success}, {@code error}, {@code skipped}, ... */
    public String dbtName() {
        return this == RUNTIME_ERROR ? "runtime error" : this == PARTIAL_SUCCESS ? "partial success"
                : name().toLowerCase(Locale.ROOT);
    }

    public boolean failed() {
        return this == ERROR || this == FAIL || this == RUNTIME_ERROR || this == PARTIAL_SUCCESS;
    }
}
