package dev.sluice.core.spi;

/**
 * A connection to one warehouse target: a pool of connections sized to the run's threads, the
 * SQL dialect, and cancellation. Thread-safe.
 *
 * <pre>{@code
 * long rows = adapter.withConnection(c -> c.execute("create schema if not exists mrt"));
 * }</pre>
 */
public interface Adapter extends AutoCloseable {
    /** The adapter type, e.g. {@code postgres}. */
    String type();

    Dialect dialect();

    /** The database (catalog) the target points at. */
    String database();

    /** Runs {@code work} on a pooled connection, waiting for a free one. */
    <T> T withConnection(ConnectionWork<T> work);

    /** Cancels every statement running on this adapter's connections, on the server. */
    void cancelAll();

    /** One line describing the server, e.g. {@code PostgreSQL 17.6 at 127.0.0.1:54329/sluice (embedded)}. */
    String describe();

    /** Closes the pool (and stops an embedded server this adapter started). */
    @Override
    void close();

    /** Work done with one connection. */
    @FunctionalInterface
    interface ConnectionWork<T> {
        T run(AdapterConnection connection);
    }
}
