package dev.sluice.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C while a command runs: a shutdown hook cancels the session's queries, then holds the JVM
 * open until the command has printed its summary and closed the session (or a grace period ends).
 * The JVM then exits with 130, as it does for SIGINT.
 *
 * <pre>{@code
 * try (CancelGuard guard = CancelGuard.install(); Session session = open(...)) {
 *     guard.watch(session);
 *     ...
 * }   // the session closes first, then the guard lets the hook finish
 * }</pre>
 */
final class CancelGuard implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "sluice-cancel");
    private volatile Session session;
    private volatile boolean interrupted;

    private CancelGuard() {
    }

    static CancelGuard install() {
        CancelGuard guard = new CancelGuard();
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    void watch(Session session) {
        this.session = session;
    }

    boolean interrupted() {
        return interrupted;
    }

    /** What the hook does; package-private for tests. */
    void onSignal() {
        interrupted = true;
        Session running = session;
        if (running == null) {
            return; // still loading: nothing to cancel or wait for
        }
        running.cancel();
        try {
            finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and now returns
        }
    }
}
