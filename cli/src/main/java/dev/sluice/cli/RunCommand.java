package dev.sluice.cli;

import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import picocli.CommandLine.Command;

@Command(name = "run", sortOptions = false, description = "Builds the selected models in dependency order (dbt run).")
final class RunCommand extends NodeCommand {
    @Override
    RunResult execute(Session session, Selection selection) {
        return session.run(selection);
    }
}
