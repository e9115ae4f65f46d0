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

    @Option(names = {"-d", "--debug"}, description = "Show debug messages, and stack traces on errors.")
    void setDebug(boolean debug) {
        top().debug = debug;
    }

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "How to print progress: text (json is planned).")
    void setLogFormat(String format) {
        if (!"text".equals(format) && format != null) {
            throw new ParameterException(mixee.commandLine(),
                    "Cannot use --log-format " + format + ": only 'text' is supported for now");
        }
    }

    boolean debug() {
        return top().debug;
    }

    private LoggingOptions top() {
        return ((SluiceCommand) mixee.root().userObject()).logging;
    }
}
