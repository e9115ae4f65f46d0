package dev.sluice.cli;

import dev.sluice.core.api.SluiceListener;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the project options, the logging options and the way to the library. */
abstract class ProjectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;

    @Mixin
    LoggingOptions logging;

    /** The top-level command, however deep this one is nested (e.g. docs generate). */
    SluiceCommand root() {
        return (SluiceCommand) spec.root().userObject();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Output output(boolean nodeLines) {
        Output output = new Output(out(), root().clock(), root().debug(), nodeLines, logging.json(), logFile());
        // on a terminal (and only there), a progress line on stderr; piped or redirected output stays quiet
        if (!logging.json() && System.console() != null && out() == spec.commandLine().getOut()
                && System.getenv("SLUICE_NO_PROGRESS") == null) {
            output.progressOn(err());
        }
        return output;
    }

    /** dbt.log in --log-path, or in the project's logs/ directory when the project is there; else none. */
    java.nio.file.Path logFile() {
        if (logging.logPath() != null) {
            return logging.logPath().resolve("dbt.log");
        }
        java.nio.file.Path dir = project.projectDir;
        return java.nio.file.Files.isRegularFile(dir.resolve("dbt_project.yml")) ? dir.resolve("logs").resolve("dbt.log")
                : null;
    }

    Session open(LaunchSettings settings, SluiceListener listener) {
        Session session = root().launcher().open(settings, listener);
        if (listener instanceof Output output) {
            output.scrubWith(session::scrub); // no password or secret env var reaches the terminal or dbt.log
        }
        return session;
    }
}
