package dev.sluice.cli;

import dev.sluice.core.api.RunResult;

/** The process exit codes, as dbt uses them; the one place that turns outcomes into numbers. */
final class ExitCode {
    static final int OK = 0;
    /** A node failed (a model errored, a test failed). */
    static final int NODE_FAILED = 1;
    /** The invocation itself failed: bad arguments, an invalid project, no connection, a bug. */
    static final int INVOCATION_FAILED = 2;
    /** Interrupted by Ctrl-C (128 + SIGINT), as shells report it. */
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }

    static int of(RunResult result, boolean interrupted) {
        if (interrupted) {
            return INTERRUPTED;
        }
        return result.success() ? OK : NODE_FAILED;
    }

    static int of(boolean ok) {
        return ok ? OK : NODE_FAILED;
    }
}
