package dev.sluice.core.spi;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.SluiceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed-size pool: at most {@code size} connections out at once, opened lazily, reused
 * most-recently-returned first. A connection idle for longer than {@link #VALIDATE_AFTER_NANOS}
 * is checked with {@link Connection#isValid} before it is handed out (the server may have closed
 * it meanwhile); one that failed with a connection error is discarded when it comes back.
 */
final class JdbcPool implements AutoCloseable {
    static final long VALIDATE_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final Logger log = LoggerFactory.getLogger(JdbcPool.class);

    private final JdbcAdapter.ConnectionSource source;
    private final int size;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ArrayDeque<>(); // guarded by this
    private volatile boolean closed;

    private record Idle(Connection connection, long since) {}

    JdbcPool(JdbcAdapter.ConnectionSource source, int size) {
        this.source = requireNonNull(source, "source is null");
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + size);
        }
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    int size() {
        return size;
    }

    /** Waits for a free slot, then hands out an idle connection or opens a new one. */
    Connection borrow() throws SQLException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SluiceException.internal("Cannot borrow a connection: interrupted while waiting", e);
        }
        try {
            checkOpen();
            for (Idle i = poll(); i != null; i = poll()) {
                if (System.nanoTime() - i.since() < VALIDATE_AFTER_NANOS || valid(i.connection())) {
                    return i.connection();
                }
                log.debug("Discarding a pooled connection that is no longer valid");
                closeQuietly(i.connection());
            }
            Connection opened = source.open();
            if (opened == null) {
                throw new SQLException("the driver did not accept the connection URL", "08001");
            }
            return opened;
        } catch (SQLException | RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    /** Takes a connection back; {@code broken} ones (and any that cannot be reset) are closed. */
    void giveBack(Connection connection, boolean broken) {
        try {
            if (broken || !reset(connection) || !offer(connection)) {
                closeQuietly(connection);
            }
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        Deque<Idle> drained;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            drained = new ArrayDeque<>(idle);
            idle.clear();
        }
        drained.forEach(i -> closeQuietly(i.connection()));
        // wake anyone waiting for a slot so they fail instead of waiting forever
        permits.release(size * 1024);
    }

    private void checkOpen() {
        if (closed) {
            throw SluiceException.internal("Cannot borrow a connection: the adapter is closed", null);
        }
    }

    private synchronized Idle poll() {
        return idle.pollFirst();
    }

    private synchronized boolean offer(Connection connection) {
        if (closed) {
            return false;
        }
        idle.addFirst(new Idle(connection, System.nanoTime()));
        return true;
    }

    private static boolean valid(Connection connection) {
        try {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Leaves the connection as a fresh one would be: auto-commit on, no open transaction. */
    private static boolean reset(Connection connection) {
        try {
            if (connection.isClosed()) {
                return false;
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Ignoring a failure to close a connection", e);
        }
    }
}
