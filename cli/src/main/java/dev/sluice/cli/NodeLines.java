package dev.sluice.cli;

import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.SluiceEvent;
import java.time.Duration;
import java.util.Locale;

/**
 * The per-node lines, worded as dbt-core's LogStartLine, LogModelResult, LogSeedResult,
 * LogTestResult, LogFreshnessResult and SkippingDetails events:
 * {@code 1 of 7 OK created sql table model rsv.rsv__drugs ......... [SELECT 42 in 0.31s]}.
 */
final class NodeLines {
    /** dbt's printer width: the text before the status is padded with dots to this many columns. */
    static final int WIDTH = 80;

    private NodeLines() {
    }

    static String started(SluiceEvent.NodeStarted event) {
        return fancy(event.index(), event.total(), "START " + description(event.description(), event.node()), "RUN");
    }

    static String finished(SluiceEvent.NodeFinished event) {
        NodeResult result = event.result();
        NodeInfo node = result.node();
        NodeStatus status = result.status();
        String description = description(event.description(), node);
        String time = " in " + seconds(result.elapsed());
        int index = event.index();
        int total = event.total();
        if (status == NodeStatus.SKIPPED) {
            if (result.error() != null) {
                return fancy(index, total, "SKIP relation " + relation(description) + " due to ephemeral model error",
                        "ERROR SKIP");
            }
            return fancy(index, total, refable(node) ? "SKIP relation " + relation(description)
                    : "SKIP " + node.resourceType().dbtName() + " " + node.name(), "SKIP");
        }
        if (node.resourceType() == ResourceType.SOURCE) {
            // dbt's LogFreshnessResult: "PASS freshness of app.orders", "ERROR STALE ..." past error_after
            String info = switch (status) {
                case WARN -> "WARN";
                case ERROR -> result.error() == null ? "ERROR STALE" : "ERROR";
                case RUNTIME_ERROR -> "ERROR";
                default -> "PASS";
            };
            return fancy(index, total, info + " " + description, info + time);
        }
        if (node.resourceType() == ResourceType.TEST || node.resourceType() == ResourceType.UNIT_TEST
                || status == NodeStatus.PASS || status == NodeStatus.FAIL
                || status == NodeStatus.WARN) {
            String info = testInfo(result);
            return fancy(index, total, info + " " + node.name(), info + time);
        }
        // dbt: "START snapshot snapshots.orders", then "OK snapshotted snapshots.orders"
        String done = node.resourceType() == ResourceType.SNAPSHOT && description.startsWith("snapshot ")
                ? description.substring("snapshot ".length()) : description;
        if (status == NodeStatus.PARTIAL_SUCCESS) {
            return fancy(index, total, join("PARTIAL SUCCESS", verb(node.resourceType(), false), done), "PARTIAL SUCCESS"
                    + time);
        }
        if (status.failed()) {
            return fancy(index, total, join("ERROR", verb(node.resourceType(), false), done), "ERROR" + time);
        }
        return fancy(index, total, join("OK", verb(node.resourceType(), true), done), result.message() + time);
    }

    /** {@code "3 of 7 " + message + " "} padded with dots to {@link #WIDTH}, then {@code " [status]"}. */
    static String fancy(int index, int total, String message, String status) {
        StringBuilder line = new StringBuilder().append(index).append(" of ").append(total).append(' ')
                .append(message).append(' ');
        while (line.length() < WIDTH) {
            line.append('.');
        }
        return line.append(" [").append(status).append(']').toString();
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2fs", duration.toNanos() / 1e9);
    }

    private static String testInfo(NodeResult result) {
        String failures = result.rowsAffected() >= 0 ? " " + result.rowsAffected() : "";
        switch (result.status()) {
            case FAIL:
                return "FAIL" + failures;
            case WARN:
                return "WARN" + failures;
            case ERROR:
            case RUNTIME_ERROR:
                return "ERROR";
            default:
                return "PASS";
        }
    }

    private static String verb(ResourceType type, boolean ok) {
        switch (type) {
            case MODEL:
                return ok ? "created" : "creating";
            case SEED:
                return ok ? "loaded" : "loading";
            case SNAPSHOT:
                return ok ? "snapshotted" : "snapshotting";
            default:
                return "";
        }
    }

    private static boolean refable(NodeInfo node) {
        ResourceType type = node.resourceType();
        return type == ResourceType.MODEL || type == ResourceType.SEED || type == ResourceType.SNAPSHOT;
    }

    /** The engine's description ("sql table model rsv.rsv__drugs"), or one made from the node. */
    private static String description(String given, NodeInfo node) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        return node.resourceType().dbtName() + " " + (node.relation() != null ? node.relation() : node.name());
    }

    /** "rsv.rsv__drugs" from "sql table model rsv.rsv__drugs": a description ends with the relation. */
    private static String relation(String description) {
        return description.substring(description.lastIndexOf(' ') + 1);
    }

    private static String join(String first, String second, String third) {
        return second.isEmpty() ? first + " " + third : first + " " + second + " " + third;
    }
}
