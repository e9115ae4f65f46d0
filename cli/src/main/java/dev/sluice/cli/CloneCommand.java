package dev.sluice.cli;

import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import picocli.CommandLine.Command;

/** dbt clone: views in the target of the relations another run built. */
@Command(name = "clone", sortOptions = false,
        description = "Creates, for each selected model, seed and snapshot, a view of the relation the run in --state"
                + " built; existing relations stay unless --full-refresh (dbt clone).")
final class CloneCommand extends NodeCommand {
    @Override
    RunResult execute(Session session, Selection selection) {
        return session.cloneFromState(selection);
    }
}
