package dev.sluice.cli;

import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import picocli.CommandLine.Command;

/** Records the selected snapshots' new versions (dbt snapshot). */
@Command(name = "snapshot", sortOptions = false,
        description = "Runs the selected snapshots: type 2 history of their query's rows (dbt snapshot).")
final class SnapshotCommand extends NodeCommand {
    @Override
    RunResult execute(Session session, Selection selection) {
        return session.snapshot(selection);
    }
}
