package dev.sluice.core.internal.artifacts;

import dev.sluice.core.internal.io.OutputFiles;
import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Writes {@code target/run_results.json} in dbt's run-results v6 shape: one entry per node in
 * execution order with its status, timing, adapter response and compiled code, then the run's
 * elapsed time and arguments.
 *
 * <pre>{@code
 * new RunResultsWriter(metadata).write(runResult, manifest, detailsById, projectDir.resolve("target"));
 * }</pre>
 */
public final class RunResultsWriter {
    public static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/run-results/v6.json";
    public static final String FILE_NAME = "run_results.json";
    /** The thread name written when the executor did not say: dbt's first worker. */
    static final String DEFAULT_THREAD = "Thread-1";

    private final ArtifactMetadata metadata;

    public RunResultsWriter(ArtifactMetadata metadata) {
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    /** Writes {@code run_results.json} into {@code targetDir} atomically and returns its path. */
    public Path write(RunResult run, Manifest manifest, Map<String, ExecutionDetails> details, Path targetDir) {
        Map<String, Object> tree = tree(run, manifest, details);
        return OutputFiles.atomic(targetDir.resolve(FILE_NAME), out -> ArtifactJson.write(tree, metadata.scrubber(), out));
    }

    public String toJson(RunResult run, Map<String, ExecutionDetails> details) {
        return toJson(run, null, details);
    }

    /**
     * The run's results. {@code manifest} (may be null) gives each node's relation name when
     * {@code details} (what the executor knew, by unique id; may be empty) does not.
     */
    public String toJson(RunResult run, Manifest manifest, Map<String, ExecutionDetails> details) {
        return ArtifactJson.write(tree(run, manifest, details), metadata.scrubber());
    }

    /** The results as a tree whose entries are built when written. */
    private Map<String, Object> tree(RunResult run, Manifest manifest, Map<String, ExecutionDetails> details) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metadata", metadata(run));
        List<Object> results = new ArrayList<>();
        for (NodeResult r : run.results()) {
            ExecutionDetails d = details.getOrDefault(r.node().uniqueId(), ExecutionDetails.none());
            Node node = manifest == null ? null : manifest.nodes().get(r.node().uniqueId());
            String relation = node == null ? null : node.relationName();
            results.add((Supplier<Object>) () -> result(r, d, relation, "compile".equals(run.command())));
        }
        m.put("results", results);
        m.put("elapsed_time", DbtTime.seconds(run.elapsed()));
        m.put("args", args(run));
        return m;
    }

    private Map<String, Object> metadata(RunResult run) {
        Instant started = metadata.invocationStartedAt() != null ? metadata.invocationStartedAt() : run.startedAt();
        return metadata.common(SCHEMA_VERSION, started);
    }

    private Map<String, Object> args(RunResult run) {
        Map<String, Object> args = new TreeMap<>(Secrets.maskByKey(metadata.args()));
        args.put("which", run.command());
        return args;
    }

    /** One entry of {@code results}; {@code compileOnly} for {@code compile}, which asks nothing of the database. */
    static Map<String, Object> result(NodeResult r, ExecutionDetails d, String manifestRelation, boolean compileOnly) {
        NodeStatus status = r.status();
        boolean test = r.node().resourceType() == ResourceType.TEST || r.node().resourceType() == ResourceType.UNIT_TEST;
        // dbt reports compiled code only for nodes that compile, which a seed is not
        boolean compiles = r.node().resourceType() != ResourceType.SEED;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.dbtName());
        m.put("timing", timing(r, d));
        m.put("thread_id", d.threadId() == null ? DEFAULT_THREAD : d.threadId());
        m.put("execution_time", DbtTime.seconds(r.elapsed()));
        m.put("adapter_response", compileOnly ? Map.of() : adapterResponse(r, test));
        m.put("message", compileOnly && r.status() == NodeStatus.SUCCESS ? null : message(r));
        m.put("failures", test ? failures(r) : null);
        m.put("unique_id", r.node().uniqueId());
        m.put("compiled", compiles ? d.compiledCode() != null : null);
        m.put("compiled_code", compiles ? d.compiledCode() : null);
        m.put("relation_name", compiles ? (d.relationName() != null ? d.relationName() : manifestRelation) : null);
        m.put("batch_results", null);
        return m;
    }

    private static List<Object> timing(NodeResult r, ExecutionDetails d) {
        List<Object> timing = new ArrayList<>();
        if (d.compileStartedAt() != null) {
            timing.add(step("compile", d.compileStartedAt(), d.compileCompletedAt()));
        }
        if (r.startedAt() != null && r.status() != NodeStatus.SKIPPED) {
            timing.add(step("execute", r.startedAt(), r.startedAt().plus(r.elapsed())));
        }
        return timing;
    }

    static Map<String, Object> step(String name, Instant started, Instant completed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("started_at", DbtTime.timestamp(started));
        m.put("completed_at", DbtTime.timestamp(completed));
        return m;
    }

    /** What the database answered: {@code {"_message": "INSERT 0 3", "code": "INSERT", "rows_affected": 3}}. */
    static Map<String, Object> adapterResponse(NodeResult r, boolean test) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r.status() != NodeStatus.SUCCESS || test || r.message().isBlank()) {
            return m;
        }
        m.put("_message", r.message());
        m.put("code", statusCode(r.message()));
        m.put("rows_affected", r.rowsAffected());
        return m;
    }

    /** As dbt-postgres names a status message's code: its words without the numbers. */
    static String statusCode(String message) {
        StringBuilder code = new StringBuilder();
        for (String word : message.trim().split("\\s+")) {
            if (!word.chars().allMatch(Character::isDigit)) {
                if (code.length() > 0) {
                    code.append(' ');
                }
                code.append(word);
            }
        }
        return code.toString();
    }

    private static String message(NodeResult r) {
        return switch (r.status()) {
            case PASS, SKIPPED -> null;
            case ERROR, RUNTIME_ERROR -> r.error() != null ? r.error().getMessage() : blankToNull(r.message());
            default -> blankToNull(r.message());
        };
    }

    private static Long failures(NodeResult r) {
        return switch (r.status()) {
            case PASS -> 0L;
            case FAIL, WARN -> r.rowsAffected() >= 0 ? Long.valueOf(r.rowsAffected()) : null;
            default -> null;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
