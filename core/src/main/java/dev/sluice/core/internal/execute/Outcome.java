package dev.sluice.core.internal.execute;

import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.SluiceException;

/** How one node's work ended: status, dbt's adapter message ({@code CREATE VIEW}, {@code SELECT 42}), rows, error. */
public record Outcome(NodeStatus status, String message, long rows, SluiceException error) {
    public static Outcome success(String message, long rows) {
        return new Outcome(NodeStatus.SUCCESS, message, rows, null);
    }

    public static Outcome failed(SluiceException error) {
        return new Outcome(NodeStatus.ERROR, error.getMessage(), -1, error);
    }
}
