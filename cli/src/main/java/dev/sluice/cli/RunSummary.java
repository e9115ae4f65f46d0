package dev.sluice.cli;

import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.SluiceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The end of a run as dbt-core prints it (its printer.py, EndOfRunSummary, RunResultError and
 * StatsLine): what ran and how long it took, each error with where it happened, and the counts.
 * Empty strings are blank lines.
 */
final class RunSummary {
    private RunSummary() {
    }

    static List<String> lines(RunResult result, boolean interrupted) {
        List<NodeResult> errors = new ArrayList<>();
        List<NodeResult> warnings = new ArrayList<>();
        for (NodeResult node : result.results()) {
            if (node.status().failed() || node.status() == NodeStatus.SKIPPED && node.error() != null) {
                errors.add(node); // a node skipped because of an ephemeral model's error counts, as in dbt
            } else if (node.status() == NodeStatus.WARN) {
                warnings.add(node);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("");
        if (result.results().isEmpty()) {
            lines.add("[WARNING]: Nothing to do. Try checking your model configs and model specification args");
        } else {
            Duration elapsed = result.elapsed() == null ? Duration.ZERO : result.elapsed();
            lines.add("Finished running " + counts(result.results()) + " in " + executionTime(elapsed) + ".");
        }
        lines.add("");
        lines.add(outcome(errors.size(), warnings.size(), interrupted));
        for (NodeResult error : errors) {
            lines.add("");
            lines.add(problem(error));
        }
        for (NodeResult warning : warnings) {
            lines.add("");
            lines.add(problem(warning));
        }
        lines.add("");
        lines.add(stats(result.results()));
        return lines;
    }

    /** "3 seeds, 4 table models", in the order the kinds first appear. */
    static String counts(List<NodeResult> results) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (NodeResult result : results) {
            counts.merge(kind(result.node()), 1, Integer::sum);
        }
        return counts.entrySet().stream().map(e -> pluralize(e.getValue(), e.getKey()))
                .collect(Collectors.joining(", "));
    }

    /** "0 hours 1 minutes and 2.50 seconds (62.50s)", dbt's wording. */
    static String executionTime(Duration elapsed) {
        double total = elapsed.toNanos() / 1e9;
        long hours = (long) (total / 3600);
        long minutes = (long) (total % 3600 / 60);
        return String.format(Locale.ROOT, "%d hours %d minutes and %.2f seconds (%.2fs)", hours, minutes, total % 60,
                total);
    }

    static String pluralize(long count, String noun) {
        if (count == 1) {
            return count + " " + noun;
        }
        return count + " " + (noun.endsWith("is") ? noun.substring(0, noun.length() - 2) + "es"
                : noun.endsWith("ss") ? noun + "es" : noun + "s");
    }

    private static String kind(NodeInfo node) {
        switch (node.resourceType()) {
            case MODEL:
                return node.materialized() == null ? "model" : node.materialized() + " model";
            case TEST:
                return "data test";
            case UNIT_TEST:
                return "unit test";
            case OPERATION:
                return "project hook";
            default:
                return node.resourceType().dbtName();
        }
    }

    private static String outcome(int errors, int warnings, boolean interrupted) {
        if (interrupted) {
            return "Exited because of keyboard interrupt";
        }
        if (errors > 0) {
            return "Completed with " + pluralize(errors, "error") + ", 0 partial successes, and "
                    + pluralize(warnings, "warning") + ":";
        }
        return warnings > 0 ? "Completed with " + pluralize(warnings, "warning") + ":" : "Completed successfully";
    }

    /** "  Database Error in model x (models/x.sql)" and the message, indented, one line each. */
    private static String problem(NodeResult result) {
        NodeInfo node = result.node();
        String where = node.originalFilePath() == null ? "" : " (" + node.originalFilePath() + ")";
        String header = label(result) + " in " + node.resourceType().dbtName() + " " + name(node) + where;
        String message = result.error() != null ? result.error().getMessage() : result.message();
        return "  " + header + "\n" + message.lines().map(line -> "  " + line).collect(Collectors.joining("\n"));
    }

    /** A source table as dbt names it, {@code app.orders}; other nodes by name. */
    private static String name(NodeInfo node) {
        List<String> fqn = node.fqn();
        return node.resourceType() == ResourceType.SOURCE && fqn.size() >= 2 ? fqn.get(fqn.size() - 2) + "." + node.name()
                : node.name();
    }

    private static String label(NodeResult result) {
        if (result.status() == NodeStatus.WARN) {
            return "Warning";
        }
        boolean source = result.node().resourceType() == ResourceType.SOURCE; // source freshness
        SluiceException error = result.error();
        if (error == null) {
            return result.status() == NodeStatus.FAIL ? "Failure" : source ? "Freshness Error" : "Runtime Error";
        }
        switch (error.kind()) {
            case DATABASE:
                return "Database Error";
            case USER:
                return source ? "Runtime Error" : "Compilation Error";
            default:
                return "Internal Error";
        }
    }

    private static String stats(List<NodeResult> results) {
        long pass = 0;
        long warn = 0;
        long error = 0;
        long skip = 0;
        for (NodeResult result : results) {
            NodeStatus status = result.status();
            if (status.failed()) {
                error++;
            } else if (status == NodeStatus.SKIPPED) {
                skip++;
            } else if (status == NodeStatus.WARN) {
                warn++;
            } else {
                pass++;
            }
        }
        return "Done. PASS=" + pass + " WARN=" + warn + " ERROR=" + error + " SKIP=" + skip + " NO-OP=0 TOTAL="
                + results.size();
    }
}
