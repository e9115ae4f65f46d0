package dev.sluice.cli;

import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import picocli.CommandLine.Command;

@Command(name = "build", sortOptions = false,
        description = "Loads seeds, builds models and runs tests in dependency order (dbt build).")
final class BuildCommand extends NodeCommand {
    @Override
    RunResult execute(Session session, Selection selection) {
        return session.build(selection);
    }
}
