package dev.sluice.core.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a command did: one result per node in execution order, and the whole run's timing. */
public record RunResult(String command, String invocationId, Instant startedAt, Duration elapsed,
        List<NodeResult> results) {
    public RunResult {
        requireNonNull(command, "command is null");
        requireNonNull(invocationId, "invocationId is null");
        results = List.copyOf(results);
    }

    /** True when no node failed. */
    public boolean success() {
        return results.stream().noneMatch(r -> r.status().failed());
    }

    public long count(NodeStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
