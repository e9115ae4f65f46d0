package dev.sluice.core.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of one node in a command: status, message (dbt's {@code CREATE VIEW}, {@code INSERT 42},
 * or the error), timing, rows affected (-1 when not known) and the error when it failed.
 */
public record NodeResult(NodeInfo node, NodeStatus status, String message, Instant startedAt, Duration elapsed,
        long rowsAffected, SluiceException error) {
    public NodeResult {
        requireNonNull(node, "node is null");
        requireNonNull(status, "status is null");
        requireNonNull(message, "message is null");
        requireNonNull(elapsed, "elapsed is null");
    }
}
