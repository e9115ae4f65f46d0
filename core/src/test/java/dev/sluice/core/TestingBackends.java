package dev.sluice.core;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Faults on the test PostgreSQL, from a connection of the test's own (not the shared adapter's
 * pool): find a run's backend in {@code pg_stat_activity} by its {@code application_name},
 * terminate or cancel it, hold locks, and fingerprint relations so a test can tell that not one
 * row changed.
 *
 * <pre>{@code
 * try (TestingBackends db = TestingBackends.open()) {
 *     int pid = db.await(app, "wait_event_type = 'Lock'");
 *     db.terminate(pid);
 * }
 * }</pre>
 */
public final class TestingBackends implements AutoCloseable {
    /** How long a test waits for a backend to reach a state; generous, for a loaded machine. */
    public static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Connection connection;

    private TestingBackends(Connection connection) {
        this.connection = connection;
    }

    public static TestingBackends open() {
        Map<String, Object> s = TestingDatabase.targetConfig("unused").settings();
        Properties p = new Properties();
        p.setProperty("user", String.valueOf(s.get("user")));
        if (s.get("password") != null) {
            p.setProperty("password", String.valueOf(s.get("password")));
        }
        p.setProperty("ApplicationName", "sluice-tests");
        try {
            return new TestingBackends(DriverManager.getConnection("jdbc:postgresql://" + s.get("host") + ":"
                    + s.get("port") + "/" + s.get("dbname"), p));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JDBC connection, e.g. to hold a lock in a transaction. */
    public Connection jdbc() {
        return connection;
    }

    /**
     * Waits until a backend of {@code applicationName} matches {@code condition} (SQL over
     * pg_stat_activity's columns) and returns its pid.
     */
    public int await(String applicationName, String condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            List<List<Object>> found = query("select pid from pg_stat_activity where application_name = ? and ("
                    + condition + ")", applicationName);
            if (!found.isEmpty()) {
                return ((Number) found.get(0).get(0)).intValue();
            }
            pause();
        }
        throw new AssertionError("no backend of " + applicationName + " where " + condition + " within " + PATIENCE
                + "; saw " + query("select state, wait_event_type, wait_event, left(query, 80) from pg_stat_activity"
                + " where application_name = ?", applicationName));
    }

    /** Waits until no backend of {@code applicationName} matches {@code condition}. */
    public void awaitNone(String applicationName, String condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!backends(applicationName, condition).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("backends of " + applicationName + " still match " + condition + ": "
                        + backends(applicationName, condition));
            }
            pause();
        }
    }

    /** state and query of the backends of {@code applicationName} matching {@code condition}. */
    public List<List<Object>> backends(String applicationName, String condition) {
        return query("select state, query from pg_stat_activity where application_name = ? and (" + condition + ")",
                applicationName);
    }

    public void terminate(int pid) {
        query("select pg_terminate_backend(?)", pid);
    }

    /** Terminates every backend of {@code applicationName} and waits until they are gone. */
    public int terminateAll(String applicationName) {
        int n = query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?",
                applicationName).size();
        awaitNone(applicationName, "true");
        return n;
    }

    /** Name and kind of every relation in {@code schema}, by name. */
    public List<List<Object>> relations(String schema) {
        return query("select c.relname::text, c.relkind::text from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relkind in ('r', 'v', 'm', 'p') order by 1", schema);
    }

    /** The table's OID, row count and the md5 of all its rows in a stable order. */
    public List<Object> fingerprint(String schema, String table) {
        String name = "\"" + schema + "\".\"" + table + "\"";
        return query("select " + "'" + name.replace("'", "''") + "'::regclass::oid::bigint, count(*),"
                + " md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from " + name + " t").get(0);
    }

    public long execute(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
            return s.getUpdateCount();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public List<List<Object>> query(String sql, Object... parameters) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to do
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
