package dev.sluice.cli;

import picocli.CommandLine.Option;

/** How to execute nodes: the options of seed, run, build and compile. */
final class ExecutionOptions {
    @Option(names = "--threads", paramLabel = "N",
            description = "How many nodes to run at once (default: the target's threads).")
    Integer threads;

    @Option(names = {"-f", "--full-refresh"}, description = "Rebuild incremental models and reload seeds from scratch.")
    boolean fullRefresh;

    @Option(names = {"-x", "--fail-fast"}, description = "Stop at the first failure.")
    boolean failFast;
}
