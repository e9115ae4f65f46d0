package dev.sluice.core.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * What {@code source freshness} found for one source table. {@link #result()} says how the
 * check ended, with dbt's statuses: {@link NodeStatus#PASS}, {@link NodeStatus#WARN} (older than
 * warn_after), {@link NodeStatus#ERROR} (older than error_after) or {@link NodeStatus#RUNTIME_ERROR}
 * (the query failed, or found no time; the error says why).
 *
 * <pre>{@code
 * for (SourceFreshness s : sluice.sourceFreshness(Selection.of("source:app")).sources()) {
 *     System.out.println(s.result().node().uniqueId() + " " + s.result().status() + " " + s.age());
 * }
 * }</pre>
 *
 * @param maxLoadedAt the newest load time found (a time without zone is taken as UTC, as dbt
 *     does); null after a runtime error
 * @param snapshottedAt the database's time when it was asked; null after a runtime error
 * @param age how long before {@code snapshottedAt} the newest row arrived (negative when it is
 *     stamped in the future); null after a runtime error
 * @param warnAfter the age past which the table warns, or null when none is set
 * @param errorAfter the age past which the table errors, or null when none is set
 * @param filter the condition the query was limited by, or null
 */
public record SourceFreshness(NodeResult result, Instant maxLoadedAt, Instant snapshottedAt, Duration age,
        Duration warnAfter, Duration errorAfter, String filter) {
    public SourceFreshness {
        requireNonNull(result, "result is null");
    }

    public NodeStatus status() {
        return result.status();
    }
}
