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

    @Option(names = "--store-failures", description = "Keep every test's failing rows (unless its config says not to).")
    boolean storeFailures;

    @Option(names = "--defer", description = "Read refs to unselected nodes missing here from the run in --state"
            + " (or --defer-state).")
    boolean defer;

    @Option(names = "--defer-state", paramLabel = "DIR", description = "The target directory to defer to, if not --state.")
    java.nio.file.Path deferState;

    @Option(names = "--favor-state", description = "With --defer, defer even when the relation exists here.")
    boolean favorState;

    @Option(names = "--event-time-start", paramLabel = "TIME",
            description = "Microbatch models build batches from this date or time on.")
    String eventTimeStart;

    @Option(names = "--event-time-end", paramLabel = "TIME",
            description = "Microbatch models build batches up to this date or time.")
    String eventTimeEnd;
}
