package dev.sluice.cli;

import dev.sluice.core.api.SluiceException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints what went wrong in one clean message on stderr and exits 2: the invocation failed.
 * Stack traces only with {@code --debug}.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        report(exception, commandLine.getErr(), SluiceCommand.of(commandLine.getCommandSpec()).debug());
        return ExitCode.INVOCATION_FAILED;
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("Error: " + exception.getMessage());
        UnmatchedArgumentException.printSuggestions(exception, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.INVOCATION_FAILED;
    }

    static void report(Throwable failure, PrintWriter err, boolean debug) {
        if (failure instanceof SluiceException sluice && sluice.kind() != SluiceException.Kind.INTERNAL) {
            // the message starts with the file and line it is about
            err.println("Error: " + sluice.getMessage());
        } else {
            err.println("Internal error: " + describe(failure));
            if (!debug) {
                err.println("This is a bug in Sluice, or something about this machine. "
                        + "Re-run with --debug to see the stack trace.");
            }
        }
        if (debug) {
            failure.printStackTrace(err);
        }
        err.flush();
    }

    private static String describe(Throwable failure) {
        if (failure instanceof SluiceException) {
            return failure.getMessage();
        }
        String name = failure.getClass().getSimpleName();
        return failure.getMessage() == null ? name : name + ": " + failure.getMessage();
    }
}
