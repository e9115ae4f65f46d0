package dev.sluice.core.internal.embedded;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.DatabaseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.Driver;

/**
 * A PostgreSQL server from zonky's binaries whose data directory lives in the project
 * ({@code .sluice/postgres}), so separate commands see one database. {@link #acquire} starts it
 * (running initdb the first time) or joins the one already running on that directory, whether
 * this JVM or another process started it; the last lease released stops a server Sluice started.
 * A shutdown hook releases what is still held when the JVM exits. As root, the server runs as
 * user nobody (see {@link OsUser}).
 *
 * <pre>{@code
 * try (EmbeddedPostgres.Lease pg = EmbeddedPostgres.acquire(project.resolve(".sluice/postgres"), 0, System.getenv())) {
 *     pg.ensureDatabase("sluice");
 *     String url = pg.jdbcUrl("sluice");   // user postgres, no password
 * }
 * }</pre>
 */
public final class EmbeddedPostgres {
    private static final Map<Path, SharedServer> SERVERS = new ConcurrentHashMap<>();
    private static final Driver DRIVER = new Driver();

    private EmbeddedPostgres() {
    }

    /**
     * Starts or joins the server on {@code dataDir}; {@code preferredPort} (0 for the port used
     * last time, else any free one) applies only when it has to be started.
     */
    public static Lease acquire(Path dataDir, int preferredPort, Map<String, String> environment) {
        Path key = canonical(dataDir);
        SharedServer server = SERVERS.computeIfAbsent(key, SharedServer::new);
        int port = server.acquire(preferredPort, environment);
        return new Lease(server, port);
    }

    private static Path canonical(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }

    /** One use of the server; close it when done (idempotent). */
    public static final class Lease implements AutoCloseable {
        private final SharedServer server;
        private final int port;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(SharedServer server, int port) {
            this.server = requireNonNull(server, "server is null");
            this.port = port;
        }

        public String host() {
            return "127.0.0.1";
        }

        public int port() {
            return port;
        }

        public Path dataDir() {
            return server.dataDir();
        }

        /** True when this JVM started the server (rather than joining one already running). */
        public boolean startedHere() {
            return server.startedHere();
        }

        /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}; connect as user postgres, no password. */
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host() + ":" + port + "/" + database;
        }

        /** Creates {@code database} unless it exists. */
        public void ensureDatabase(String database) {
            Properties props = new Properties();
            props.setProperty("user", "postgres");
            props.setProperty("ApplicationName", "sluice");
            try (Connection c = DRIVER.connect(jdbcUrl("postgres"), props)) {
                try (PreparedStatement ps = c.prepareStatement("select 1 from pg_catalog.pg_database where datname = ?")) {
                    ps.setString(1, database);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return;
                        }
                    }
                }
                try (Statement st = c.createStatement()) {
                    st.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
                }
            } catch (SQLException e) {
                if ("42P04".equals(e.getSQLState()) || "23505".equals(e.getSQLState())) {
                    return; // created concurrently
                }
                throw new DatabaseException(e.getSQLState(), 0, null, "Cannot create database " + database
                        + " in embedded PostgreSQL on " + dataDir() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                server.release();
            }
        }

        @Override
        public String toString() {
            return "EmbeddedPostgres[" + dataDir() + " on " + host() + ":" + port + "]";
        }
    }
}
