package dev.sluice.cli;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.Sluice;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Prints a command's progress as dbt does: each line starts with the local time, node lines are
 * padded with dots ({@link NodeLines}), and a run ends with a summary ({@link RunSummary}).
 * The library calls this from worker threads; lines never interleave.
 */
final class Output implements SluiceListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final PrintWriter out;
    private final Clock clock;
    private final boolean debug;
    private final boolean nodeLines;

    /**
     * @param nodeLines whether to print a line per node started and finished (not for compile)
     */
    Output(PrintWriter out, Clock clock, boolean debug, boolean nodeLines) {
        this.out = requireNonNull(out, "out is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.debug = debug;
        this.nodeLines = nodeLines;
    }

    void header() {
        line("Running with sluice=" + Sluice.VERSION + " (dbt=" + Sluice.DBT_VERSION + ")");
    }

    @Override
    public void onEvent(SluiceEvent event) {
        if (event instanceof SluiceEvent.RunStarted started) {
            lines(List.of("Found " + started.summary(), "",
                    "Concurrency: " + started.threads() + " thread" + (started.threads() == 1 ? "" : "s")
                            + " (target='" + started.target() + "')", ""));
        } else if (event instanceof SluiceEvent.NodeStarted started) {
            if (nodeLines) {
                line(NodeLines.started(started));
            }
        } else if (event instanceof SluiceEvent.NodeFinished finished) {
            if (nodeLines) {
                line(NodeLines.finished(finished));
            }
        } else if (event instanceof SluiceEvent.Message message) {
            message(message);
        }
        // RunFinished: the command prints the summary of the result it gets back
    }

    void summary(RunResult result, boolean interrupted) {
        lines(RunSummary.lines(result, interrupted));
    }

    /** One line; continuation lines of a multi-line text are printed as they are, as dbt does. */
    synchronized void line(String text) {
        String time = LocalTime.now(clock).format(TIME);
        out.println(text.isEmpty() ? time : time + "  " + text);
        out.flush();
    }

    synchronized void lines(List<String> lines) {
        lines.forEach(this::line);
    }

    private void message(SluiceEvent.Message message) {
        if (message.level() == SluiceEvent.Level.DEBUG && !debug) {
            return;
        }
        String text = message.location() == null ? message.text() : message.location() + ": " + message.text();
        line(message.level() == SluiceEvent.Level.WARN ? "[WARNING]: " + text : text);
    }
}
