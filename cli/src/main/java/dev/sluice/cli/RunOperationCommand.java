package dev.sluice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Calls a project macro with arguments (dbt run-operation). */
@Command(name = "run-operation", sortOptions = false,
        description = "Runs a macro of the project, e.g. run-operation grant_select --args '{role: reporter}' (dbt run-operation).")
final class RunOperationCommand extends ProjectCommand {
    @Mixin
    ExecutionOptions execution;

    @Parameters(index = "0", paramLabel = "MACRO", description = "The macro to call.")
    String macro;

    @Option(names = "--args", paramLabel = "YAML", description = "Its keyword arguments, as YAML or JSON: '{days: 7}'.")
    String args;

    @Override
    public Integer call() {
        Output output = output(false);
        output.header();
        try (Session session = open(project.settings(execution), output)) {
            session.runOperation(macro, args);
            return ExitCode.OK;
        }
    }
}
