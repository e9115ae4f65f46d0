package dev.sluice.core.spi;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import java.io.IOException;
import java.io.Reader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The behaviour every JDBC adapter shares: a small connection pool sized to the run's threads,
 * borrowing and returning, dropping broken connections, cancellation of running statements, and
 * translation of {@link SQLException} into {@link DatabaseException} ("Cannot run query: ...",
 * with the SQLState and the server's error position). A database is a thin subclass plus a
 * {@link Dialect}; it overrides the introspection SQL and the error details its driver offers.
 *
 * <pre>{@code
 * public final class MyAdapter extends JdbcAdapter {
 *     public MyAdapter(String url, Properties props, int threads) {
 *         super("mydb", new MyDialect(), "analytics", threads,
 *                 ConnectionSource.retrying(() -> DriverManager.getConnection(url, props), 1, Duration.ofMillis(500)));
 *         connect(null);   // fail early, with "Cannot connect to ..."
 *     }
 *     protected String endpoint() { return "db.example.com:1234/analytics"; }
 * }
 * }</pre>
 *
 * <p>{@link #withConnection} must not be nested on one thread: with every connection taken,
 * the inner call would wait forever.
 */
public abstract class JdbcAdapter implements Adapter {
    private static final Logger log = LoggerFactory.getLogger(JdbcAdapter.class);

    private final String type;
    private final Dialect dialect;
    private final String database;
    private final JdbcPool pool;
    private final Set<Statement> running = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String serverVersion;

    /** Opens one JDBC connection. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;

        /**
         * Retries {@code source} up to {@code retries} times when the connection itself fails
         * (SQLState class 08, or the server still starting up), waiting {@code backoff},
         * doubled each time (at most 10 s), in between; the last failure then says how many
         * attempts were made. Authentication and other errors fail at once.
         */
        static ConnectionSource retrying(ConnectionSource source, int retries, Duration backoff) {
            requireNonNull(source, "source is null");
            requireNonNull(backoff, "backoff is null");
            return () -> {
                long wait = backoff.toMillis();
                long start = System.nanoTime();
                for (int attempt = 0; ; attempt++) {
                    try {
                        return source.open();
                    } catch (SQLException e) {
                        if (!isConnectFailure(e)) {
                            throw e;
                        }
                        if (attempt >= retries) {
                            throw attempt == 0 ? e : new SQLException(String.format(java.util.Locale.ROOT,
                                    "%s (gave up after %d attempts in %.1f s; the target's retries: %d)",
                                    e.getMessage(), attempt + 1, (System.nanoTime() - start) / 1e9, retries),
                                    e.getSQLState(), e);
                        }
                        log.debug("Connecting failed (attempt {} of {}), retrying in {} ms", attempt + 1,
                                retries + 1, wait, e);
                        try {
                            Thread.sleep(wait);
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                            throw e;
                        }
                        wait = Math.min(wait * 2, 10_000);
                    }
                }
            };
        }

        private static boolean isConnectFailure(SQLException e) {
            String state = e.getSQLState();
            return state == null || state.startsWith("08") || state.equals("57P03");
        }
    }

    protected JdbcAdapter(String type, Dialect dialect, String database, int poolSize, ConnectionSource source) {
        this.type = requireNonNull(type, "type is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.database = database;
        this.pool = new JdbcPool(source, Math.max(1, poolSize));
    }

    /** Where the adapter connects, for messages: {@code host:port/database}. */
    protected abstract String endpoint();

    /**
     * Opens (and pools) a first connection and reads the server version; call it at the end of
     * the subclass constructor so a bad target fails early, located at {@code where}.
     */
    protected final void connect(Location where) {
        Connection c;
        try {
            c = pool.borrow();
        } catch (SQLException e) {
            DatabaseException failure = connectFailure(e);
            throw where == null ? failure : failure.relocate(where, failure.reason());
        }
        boolean broken = true;
        try {
            DatabaseMetaData meta = c.getMetaData();
            serverVersion = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            broken = false;
        } catch (SQLException e) {
            throw translate("read the server version", e);
        } finally {
            pool.giveBack(c, broken);
        }
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final Dialect dialect() {
        return dialect;
    }

    @Override
    public final String database() {
        return database;
    }

    /** How many connections the pool hands out at most. */
    public final int poolSize() {
        return pool.size();
    }

    @Override
    public final <T> T withConnection(ConnectionWork<T> work) {
        requireNonNull(work, "work is null");
        Connection c;
        try {
            c = pool.borrow();
        } catch (SQLException e) {
            throw connectFailure(e);
        }
        JdbcConnection connection = new JdbcConnection(this, c);
        try {
            return work.run(connection);
        } finally {
            connection.release();
            pool.giveBack(c, connection.broken());
        }
    }

    @Override
    public void cancelAll() {
        for (Statement statement : running) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                log.debug("Could not cancel a statement", e);
            }
        }
    }

    @Override
    public String describe() {
        return (serverVersion == null ? type : serverVersion) + " at " + endpoint();
    }

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                pool.close();
            } finally {
                onClose();
            }
        }
    }

    /** Called once when the adapter closes, after the pool: release what the subclass holds. */
    protected void onClose() {
    }

    // ---- overridable SQL and driver details ----

    /** Lists relations of one schema (parameter 1): columns name and kind, ordered by name. */
    protected String listRelationsSql(String database) {
        return "select table_name, table_type from information_schema.tables where table_schema = ? order by table_name";
    }

    /**
     * Finds one relation of a schema by name (parameters: schema, then identifier), with the columns
     * of {@link #listRelationsSql}; null to find it by listing the schema.
     */
    protected String relationSql(String database) {
        return "select table_name, table_type from information_schema.tables where table_schema = ? and table_name = ?";
    }

    /**
     * Finds several relations of a schema by name (parameters: schema, then an array of
     * identifiers), with the columns of {@link #listRelationsSql}; null to look each up alone.
     */
    protected String relationsSql(String database) {
        return null;
    }

    /** The relation type for a kind that {@link #listRelationsSql} returned. */
    protected RelationType relationType(String kind) {
        return switch (kind == null ? "" : kind.toUpperCase(java.util.Locale.ROOT)) {
            case "BASE TABLE", "TABLE" -> RelationType.TABLE;
            case "VIEW" -> RelationType.VIEW;
            case "MATERIALIZED VIEW" -> RelationType.MATERIALIZED_VIEW;
            case "FOREIGN", "FOREIGN TABLE", "EXTERNAL TABLE" -> RelationType.EXTERNAL;
            default -> RelationType.UNKNOWN;
        };
    }

    /** Columns of one relation (parameters: schema, identifier): name and type, in order. */
    protected String columnsSql(String database) {
        return "select column_name, data_type from information_schema.columns"
                + " where table_schema = ? and table_name = ? order by ordinal_position";
    }

    /**
     * The catalog of the relations in {@code schemaCount} schemas (one {@code ?} each), one row per
     * column ordered by schema, relation and position: schema, relation, kind, relation comment,
     * owner, column, column type, position, column comment.
     */
    protected String catalogSql(String database, int schemaCount) {
        return "select c.table_schema, c.table_name, t.table_type, null, null, c.column_name, c.data_type,"
                + " c.ordinal_position, null from information_schema.columns c join information_schema.tables t"
                + " on t.table_schema = c.table_schema and t.table_name = c.table_name where c.table_schema in ("
                + String.join(", ", java.util.Collections.nCopies(schemaCount, "?")) + ") order by 1, 2, 8";
    }

    /** Runs a bulk load; adapters whose driver has one override this. */
    protected long copyIn(Connection connection, String copySql, Reader data) throws SQLException, IOException {
        throw SluiceException.user("adapter.unsupported", null,
                "Cannot bulk-load: COPY is not supported by the " + type + " adapter");
    }

    /** A column value as queries return it; arrays become lists. */
    protected Object readValue(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof Array array) {
            try {
                Object elements = array.getArray();
                return elements instanceof Object[] items ? Arrays.asList(items) : elements;
            } finally {
                array.free();
            }
        }
        return value;
    }

    /** The server's own words for the error, without driver decoration. */
    protected String serverMessage(SQLException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The 1-based position of the error in the statement, when the driver reports it; else 0. */
    protected int errorPosition(SQLException e) {
        return 0;
    }

    /** True when the connection cannot be used after {@code e}. */
    protected boolean isConnectionBroken(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /** {@code Cannot <verb>: <server message>}, with SQLState and position. */
    protected DatabaseException translate(String verb, SQLException e) {
        return new DatabaseException(e.getSQLState(), errorPosition(e), null,
                "Cannot " + verb + ": " + serverMessage(e), e);
    }

    private DatabaseException connectFailure(SQLException e) {
        return translate("connect to " + type + " at " + endpoint(), e);
    }

    // ---- used by JdbcConnection ----

    void started(Statement statement) {
        running.add(statement);
    }

    void finished(Statement statement) {
        running.remove(statement);
    }
}
