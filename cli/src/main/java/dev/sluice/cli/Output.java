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

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT);

    private final PrintWriter out;
    private final Clock clock;
    private final boolean debug;
    private final boolean nodeLines;
    private final JsonEvents json;
    private final java.nio.file.Path logFile;
    private java.io.Writer log;
    private volatile java.util.function.UnaryOperator<String> scrub = t -> t;
    /** Where a one-line progress status is kept up to date, on a terminal; null when not a terminal. */
    private PrintWriter progress;
    private int done;
    private int running;
    private int failed;
    private int total;
    private String shown = "";

    /** Shows a progress line ("12 of 40 done, 3 running") on {@code terminal}, rewritten in place as nodes finish. */
    void progressOn(PrintWriter terminal) {
        this.progress = terminal;
    }

    /** From now on, every line (printed, JSON or logged) goes through {@code scrubber} first. */
    void scrubWith(java.util.function.UnaryOperator<String> scrubber) {
        this.scrub = scrubber;
    }

    /**
     * @param nodeLines whether to print a line per node started and finished (not for compile)
     */
    Output(PrintWriter out, Clock clock, boolean debug, boolean nodeLines) {
        this(out, clock, debug, nodeLines, false, null);
    }

    /**
     * @param json print dbt's JSON events (one per line) instead of text
     * @param logFile where to append the run's log, debug messages included (dbt's logs/dbt.log), or null
     */
    Output(PrintWriter out, Clock clock, boolean debug, boolean nodeLines, boolean json, java.nio.file.Path logFile) {
        this.out = requireNonNull(out, "out is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.debug = debug;
        this.nodeLines = nodeLines;
        this.json = json ? new JsonEvents(java.util.UUID.randomUUID().toString()) : null;
        this.logFile = logFile;
    }

    void header() {
        String text = "Running with sluice=" + Sluice.VERSION + " (dbt=" + Sluice.DBT_VERSION + ")";
        if (logFile != null) {
            file("info", "\n============================== " + java.time.ZonedDateTime.now(clock) + " ==============================");
        }
        if (json != null) {
            emit(json.note("MainReportVersion", "A001", "info", text), "info", text);
        } else {
            line(text);
        }
    }

    @Override
    public void onEvent(SluiceEvent event) {
        if (event instanceof SluiceEvent.RunStarted started) {
            String concurrency = "Concurrency: " + started.threads() + " thread" + (started.threads() == 1 ? "" : "s")
                    + " (target='" + started.target() + "')";
            if (json != null) {
                emit(json.note("FoundStats", "W013", "info", "Found " + started.summary()), "info", "Found "
                        + started.summary());
                emit(json.note("ConcurrencyLine", "Q026", "info", concurrency), "info", concurrency);
            } else {
                lines(List.of("Found " + started.summary(), "", concurrency, ""));
            }
        } else if (event instanceof SluiceEvent.NodeStarted started) {
            progress(started.total(), 1, 0, false);
            if (nodeLines) {
                String text = NodeLines.started(started);
                if (json != null) {
                    emit(json.started(started, text), "info", text);
                } else {
                    line(text);
                }
            }
        } else if (event instanceof SluiceEvent.NodeFinished finished) {
            progress(finished.total(), -1, 1, finished.result().status().failed());
            if (nodeLines) {
                String text = NodeLines.finished(finished);
                if (json != null) {
                    emit(json.finished(finished, text), finished.result().status().failed() ? "error" : "info", text);
                } else {
                    line(text);
                }
            }
        } else if (event instanceof SluiceEvent.Progress p) {
            detail(p);
        } else if (event instanceof SluiceEvent.Message message) {
            message(message);
        }
        // RunFinished: the command prints the summary of the result it gets back
    }

    /** Updates the progress line: erased before any other line is printed, drawn again after it. */
    private synchronized void progress(int nodes, int started, int finished, boolean error) {
        if (progress == null) {
            return;
        }
        total = nodes;
        running = Math.max(0, running + started); // a skipped node finishes without having started
        done += finished;
        failed += error ? 1 : 0;
        if (finished > 0) {
            detail = "";
        }
        shown = done + " of " + total + " done, " + running + " running" + (failed == 0 ? "" : ", " + failed + " failed")
                + detail;
        drawProgress();
    }

    private String detail = "";

    /** A long node's progress, shown after the counts: "· loading pubmed 45%". */
    private synchronized void detail(SluiceEvent.Progress p) {
        if (progress == null) {
            return;
        }
        detail = p.total() <= 0 || p.done() >= p.total() ? ""
                : " · " + (p.node().resourceType() == dev.sluice.core.api.ResourceType.SEED ? "loading " : "")
                        + p.node().name() + " " + (100 * p.done() / p.total()) + "%";
        if (!shown.isEmpty()) {
            shown = shown.replaceAll(" · .*$", "") + detail;
            drawProgress();
        }
    }

    private void drawProgress() {
        if (progress != null && !shown.isEmpty()) {
            progress.print("\r\u001b[2K" + shown);
            progress.flush();
        }
    }

    private void eraseProgress() {
        if (progress != null && !shown.isEmpty()) {
            progress.print("\r\u001b[2K");
            progress.flush();
        }
    }

    void summary(RunResult result, boolean interrupted) {
        eraseProgress();
        shown = "";
        if (json != null) {
            for (String text : RunSummary.lines(result, interrupted)) {
                if (!text.isEmpty()) {
                    boolean stats = text.startsWith("Done.");
                    emit(json.note(stats ? "StatsLine" : "EndOfRunSummary", stats ? "Z023" : "Z030", "info", text), "info",
                            text);
                }
            }
            return;
        }
        lines(RunSummary.lines(result, interrupted));
    }

    /** One line; continuation lines of a multi-line text are printed as they are, as dbt does. */
    synchronized void line(String raw) {
        String text = scrub.apply(raw);
        if (json != null) {
            if (!text.isEmpty()) {
                emit(json.note("Note", "Z050", "info", text), "info", text);
            }
            return;
        }
        String time = LocalTime.now(clock).format(TIME);
        eraseProgress();
        out.println(text.isEmpty() ? time : time + "  " + text);
        out.flush();
        drawProgress();
        file("info", text);
    }

    /** A JSON event line on the output, and its text in the log file. */
    private synchronized void emit(String jsonLine, String level, String text) {
        out.println(scrub.apply(jsonLine));
        out.flush();
        file(level, text);
    }

    /** Appends to the log file (dbt's logs/dbt.log): time to the microsecond, level, thread, text. */
    private synchronized void file(String level, String text) {
        if (logFile == null) {
            return;
        }
        try {
            if (log == null) {
                java.nio.file.Files.createDirectories(logFile.getParent());
                log = java.nio.file.Files.newBufferedWriter(logFile, java.nio.charset.StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
            log.write(LocalTime.now(clock).format(FILE_TIME) + " [" + String.format(Locale.ROOT, "%-5s", level) + "] ["
                    + Thread.currentThread().getName() + "]: " + scrub.apply(text) + "\n");
            log.flush();
        } catch (java.io.IOException e) {
            // the log file is a convenience: a run does not fail because it cannot be written
        }
    }

    synchronized void lines(List<String> lines) {
        lines.forEach(this::line);
    }

    private void message(SluiceEvent.Message message) {
        String text = message.location() == null ? message.text() : message.location() + ": " + message.text();
        String level = message.level().name().toLowerCase(Locale.ROOT);
        if (message.level() == SluiceEvent.Level.DEBUG && !debug) {
            file(level, text); // the log file keeps debug messages, as dbt's does
            return;
        }
        if (json != null) {
            emit(json.message(message, text), level, text);
            return;
        }
        line(message.level() == SluiceEvent.Level.WARN ? "[WARNING]: " + text : text);
    }
}
