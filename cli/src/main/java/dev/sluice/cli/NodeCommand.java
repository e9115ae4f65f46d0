package dev.sluice.cli;

import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import picocli.CommandLine.Mixin;

/**
 * A command that executes the selected nodes and ends with dbt's summary: exit 0 when all
 * succeeded, 1 when a node failed, 130 when interrupted.
 */
abstract class NodeCommand extends ProjectCommand {
    @Mixin
    ExecutionOptions execution;

    @Mixin
    SelectionOptions selection;

    /** The one library operation this command is. */
    abstract RunResult execute(Session session, Selection selection);

    /** Whether to print a line per node as it starts and ends. */
    boolean nodeLines() {
        return true;
    }

    @Override
    public Integer call() {
        Output output = output(nodeLines());
        output.header();
        try (CancelGuard guard = CancelGuard.install();
                Session session = open(project.settings(execution, selection.state), output)) {
            guard.watch(session);
            RunResult result = execute(session, selection.selection());
            output.summary(result, guard.interrupted());
            return ExitCode.of(result, guard.interrupted());
        }
    }
}
