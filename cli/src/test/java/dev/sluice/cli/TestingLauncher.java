package dev.sluice.cli;

import dev.sluice.core.api.SluiceListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Opens the one {@link TestingSession}, remembering the settings; or fails as loading an invalid project would. */
final class TestingLauncher implements Launcher {
    final TestingSession session = new TestingSession();
    LaunchSettings settings;
    RuntimeException failure;

    @Override
    public Session open(LaunchSettings settings, SluiceListener listener) {
        this.settings = settings;
        if (failure != null) {
            throw failure;
        }
        session.listener = listener;
        return session;
    }

    /** Through the fake session, so that tests see what it was asked to delete. */
    @Override
    public java.util.List<java.nio.file.Path> clean(LaunchSettings settings, SluiceListener listener) {
        try (Session s = open(settings, listener)) {
            return s.clean();
        }
    }

    /** Runs {@code sluice args...} as Main would, with stdout and stderr captured. */
    Invocation execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SluiceCommand.commandLine(this)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Invocation(exitCode, TestingRuns.maskTime(out.toString()), err.toString());
    }

    record Invocation(int exitCode, String out, String err) {
    }
}
