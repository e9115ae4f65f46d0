package dev.sluice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code source freshness}; on its own, a usage error naming it. */
@Command(name = "source", sortOptions = false, description = "Works with the project's sources: source freshness.",
        subcommands = {SourceFreshnessCommand.class})
final class SourceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a source command: use 'source freshness'");
    }
}
