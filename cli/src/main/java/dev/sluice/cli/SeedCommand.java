package dev.sluice.cli;

import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import picocli.CommandLine.Command;

@Command(name = "seed", sortOptions = false, description = "Loads the seed files into the target (dbt seed).")
final class SeedCommand extends NodeCommand {
    @Override
    RunResult execute(Session session, Selection selection) {
        return session.seed(selection);
    }
}
