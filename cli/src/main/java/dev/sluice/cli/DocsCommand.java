package dev.sluice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code docs generate} and {@code docs serve}; on its own, a usage error listing them. */
@Command(name = "docs", sortOptions = false, description = "Writes or serves the project's documentation site.",
        subcommands = {DocsGenerateCommand.class, DocsServeCommand.class})
final class DocsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a docs command: use 'docs generate' or 'docs serve'");
    }
}
