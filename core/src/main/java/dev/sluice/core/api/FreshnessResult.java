package dev.sluice.core.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code source freshness} did: the run as every command reports it (one result per checked
 * source table, by unique id), each table's findings, and where sources.json was written.
 *
 * <pre>{@code
 * FreshnessResult r = sluice.sourceFreshness(Selection.all());
 * if (!r.success()) { ... } // a table is older than its error_after, or could not be checked
 * }</pre>
 */
public record FreshnessResult(RunResult run, List<SourceFreshness> sources, Path artifact) {
    public FreshnessResult {
        requireNonNull(run, "run is null");
        sources = List.copyOf(sources);
        requireNonNull(artifact, "artifact is null");
    }

    /** True when no table errored: warnings alone are a success, as dbt exits 0 on them. */
    public boolean success() {
        return run.success();
    }
}
