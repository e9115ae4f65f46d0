package dev.sluice.core.internal.artifacts;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.FreshnessResult;
import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.SourceFreshness;
import dev.sluice.core.internal.io.OutputFiles;
import dev.sluice.core.internal.model.FreshnessThreshold;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.SourceDef;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code target/sources.json} in dbt's sources v3 shape: per checked source table its
 * newest load time, when that was asked, the age in seconds, the status and the thresholds, or
 * for a check that failed only its id, status {@code runtime error} and the error.
 *
 * <pre>{@code
 * new SourcesWriter(metadata).write(freshnessResult, manifest, detailsById, targetDir.resolve("sources.json"));
 * }</pre>
 */
public final class SourcesWriter {
    public static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/sources/v3.json";
    public static final String FILE_NAME = "sources.json";

    private final ArtifactMetadata metadata;

    public SourcesWriter(ArtifactMetadata metadata) {
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    /** Writes the file atomically at {@code file} and returns it. */
    public Path write(FreshnessResult result, Manifest manifest, Map<String, ExecutionDetails> details, Path file) {
        return OutputFiles.atomic(file, toJson(result, manifest, details));
    }

    /**
     * The artifact's text. {@code manifest} gives each table's thresholds; {@code details} (by
     * unique id, may be empty) the thread and the time spent building the query.
     */
    public String toJson(FreshnessResult result, Manifest manifest, Map<String, ExecutionDetails> details) {
        Map<String, Object> m = new LinkedHashMap<>();
        Instant started = metadata.invocationStartedAt() != null ? metadata.invocationStartedAt()
                : result.run().startedAt();
        m.put("metadata", metadata.common(SCHEMA_VERSION, started));
        List<Object> results = new ArrayList<>();
        for (SourceFreshness f : result.sources()) {
            String id = f.result().node().uniqueId();
            SourceDef source = manifest.sources().get(id);
            results.add(entry(f, source == null ? null : source.freshness(),
                    details.getOrDefault(id, ExecutionDetails.none())));
        }
        m.put("results", results);
        m.put("elapsed_time", DbtTime.seconds(result.run().elapsed()));
        return ArtifactJson.write(m, metadata.scrubber());
    }

    private static Map<String, Object> entry(SourceFreshness f, FreshnessThreshold criteria, ExecutionDetails d) {
        NodeResult r = f.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unique_id", r.node().uniqueId());
        if (r.status() == NodeStatus.RUNTIME_ERROR || f.maxLoadedAt() == null) {
            m.put("error", r.error() != null ? r.error().getMessage() : r.message());
            m.put("status", NodeStatus.RUNTIME_ERROR.dbtName());
            return m;
        }
        m.put("max_loaded_at", DbtTime.isoformat(f.maxLoadedAt()));
        m.put("snapshotted_at", DbtTime.isoformat(f.snapshottedAt()));
        m.put("max_loaded_at_time_ago_in_s", DbtTime.seconds(f.age()));
        m.put("status", r.status().dbtName());
        m.put("criteria", (criteria == null ? FreshnessThreshold.UNSET : criteria).toJson());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("_message", "SELECT 1");
        response.put("code", "SELECT");
        response.put("rows_affected", 1);
        m.put("adapter_response", response);
        List<Object> timing = new ArrayList<>();
        if (d.compileStartedAt() != null) {
            timing.add(RunResultsWriter.step("compile", d.compileStartedAt(), d.compileCompletedAt()));
        }
        Instant executed = d.compileCompletedAt() != null ? d.compileCompletedAt() : r.startedAt();
        if (executed != null) {
            timing.add(RunResultsWriter.step("execute", executed, r.startedAt() == null ? executed : r.startedAt().plus(r.elapsed())));
        }
        m.put("timing", timing);
        m.put("thread_id", d.threadId() == null ? RunResultsWriter.DEFAULT_THREAD : d.threadId());
        m.put("execution_time", DbtTime.seconds(r.elapsed()));
        return m;
    }
}
