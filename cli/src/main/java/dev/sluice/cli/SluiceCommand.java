package dev.sluice.cli;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.Sluice;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code sluice} command: global options and the subcommands. */
@Command(name = "sluice", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = SluiceCommand.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Builds dbt projects on the JVM: seeds, models and tests in PostgreSQL.",
        subcommands = {SeedCommand.class, RunCommand.class, BuildCommand.class, TestCommand.class, SnapshotCommand.class,
                RetryCommand.class, CloneCommand.class, CompileCommand.class, SourceCommand.class,
                ShowCommand.class, RunOperationCommand.class,
                DocsCommand.class, ListCommand.class, DebugCommand.class, CleanCommand.class,
                DepsCommand.class})
public final class SluiceCommand implements Callable<Integer> {
    @Mixin
    LoggingOptions logging;

    @Spec
    private CommandSpec spec;

    private final Launcher launcher;
    private final Clock clock;

    public SluiceCommand() {
        this(Launcher.SLUICE, Clock.systemDefaultZone());
    }

    SluiceCommand(Launcher launcher, Clock clock) {
        this.launcher = requireNonNull(launcher, "launcher is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The command line as {@link Main} runs it: error handling and logging set up. */
    static CommandLine commandLine(Launcher launcher) {
        return configure(new CommandLine(new SluiceCommand(launcher, Clock.systemDefaultZone())));
    }

    private static CommandLine configure(CommandLine commandLine) {
        Failures failures = new Failures();
        return commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(SluiceCommand::execute)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
    }

    /** Without a subcommand: say what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.INVOCATION_FAILED;
    }

    Launcher launcher() {
        return launcher;
    }

    Clock clock() {
        return clock;
    }

    boolean debug() {
        return logging.debug();
    }

    static SluiceCommand of(CommandSpec spec) {
        return (SluiceCommand) spec.root().userObject();
    }

    /** Binds logging before any command runs (and so before the library logs anything). */
    private static int execute(ParseResult parseResult) {
        Logging.configure(of(parseResult.commandSpec()).debug());
        return new CommandLine.RunLast().execute(parseResult);
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "Sluice " + Sluice.VERSION,
                "compatible with dbt " + Sluice.DBT_VERSION,
                "on Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
