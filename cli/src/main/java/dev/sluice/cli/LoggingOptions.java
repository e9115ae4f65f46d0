package dev.sluice.cli;

import static picocli.CommandLine.Spec.Target.MIXEE;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --debug} and {@code --log-format}, accepted before or after the subcommand as dbt does
 * ({@code sluice --debug run} and {@code sluice run --debug}). Every command mixes this in; the
 * values are kept on the top-level command's instance, so there is one answer wherever they were given.
 */
final class LoggingOptions {
    @Spec(MIXEE)
    private CommandSpec mixee;

    private boolean debug;
    private String logFormat = "text";
    private java.nio.file.Path logPath;

    @Option(names = {"-d", "--debug"}, description = "Show debug messages, and stack traces on errors.")
    void setDebug(boolean debug) {
        top().debug = debug;
    }

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "How to print progress: text (default), or json (one JSON event per line, dbt's event names).")
    void setLogFormat(String format) {
        if (format == null) {
            return;
        }
        if (!"text".equals(format) && !"json".equals(format)) {
            throw new ParameterException(mixee.commandLine(),
                    "Cannot use --log-format " + format + ": use text or json");
        }
        top().logFormat = format;
    }

    @Option(names = "--log-path", paramLabel = "DIR",
            description = "Where to write dbt.log, the run's log with debug messages (default: logs/ in the project).")
    void setLogPath(java.nio.file.Path path) {
        top().logPath = path;
    }

    boolean json() {
        return "json".equals(top().logFormat);
    }

    /** The --log-path given, or null for the project's logs/ directory. */
    java.nio.file.Path logPath() {
        return top().logPath;
    }

    boolean debug() {
        return top().debug;
    }

    private LoggingOptions top() {
        return ((SluiceCommand) mixee.root().userObject()).logging;
    }
}
