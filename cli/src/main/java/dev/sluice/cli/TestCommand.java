package dev.sluice.cli;

import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import picocli.CommandLine.Command;

/** Runs data tests (dbt test): those selected, and those of the selected models, seeds and sources. */
@Command(name = "test", sortOptions = false,
        description = "Runs the data tests of the selection; exits 1 when a test fails (dbt test).")
final class TestCommand extends NodeCommand {
    @Override
    RunResult execute(Session session, Selection selection) {
        return session.test(selection);
    }
}
