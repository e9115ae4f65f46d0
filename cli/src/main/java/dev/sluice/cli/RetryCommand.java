package dev.sluice.cli;

import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import picocli.CommandLine.Command;

/** dbt retry: the last command again, for the nodes that errored, failed or were skipped. */
@Command(name = "retry", sortOptions = false,
        description = "Runs the last seed, run, snapshot, test or build again for the nodes that errored, failed or"
                + " were skipped (read from target/run_results.json) (dbt retry).")
final class RetryCommand extends NodeCommand {
    @Override
    RunResult execute(Session session, Selection selection) {
        return session.retry();
    }
}
