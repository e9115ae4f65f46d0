package dev.sluice.core;

import dev.sluice.core.internal.embedded.EmbeddedPostgres;
import dev.sluice.core.internal.postgres.PostgresAdapterFactory;
import dev.sluice.core.spi.Adapter;
import dev.sluice.core.spi.AdapterContext;
import dev.sluice.core.spi.TargetConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL that tests run against, one per JVM: the server named by
 * {@code SLUICE_TEST_PG_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres})
 * when set, else an embedded server with its data in {@code core/target/embedded-pg} (see
 * {@link #scratchDirectory}). Thread-safe;
 * closed when the JVM exits.
 *
 * <pre>{@code
 * String schema = TestingDatabase.freshSchema("seeds");
 * TestingDatabase.adapter().withConnection(c -> c.execute("create table " + schema + ".t (id int)"));
 * Adapter mine = new PostgresAdapterFactory().create(TestingDatabase.targetConfig(schema), TestingDatabase.context(dir, 4));
 * }</pre>
 */
public final class TestingDatabase {
    public static final String URL_VARIABLE = "SLUICE_TEST_PG_URL";
    private static final String EMBEDDED_DATABASE = "sluice_test";
    private static final int THREADS = 8;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<String> SCHEMAS = new ArrayList<>(); // guarded by itself
    private static volatile Server server;

    private record Server(Adapter adapter, Map<String, Object> connection, EmbeddedPostgres.Lease lease) {}

    private TestingDatabase() {
    }

    /** The shared adapter (do not close it). */
    public static Adapter adapter() {
        return server().adapter();
    }

    /** Runs {@code statements} (separated by semicolons) on the test server, one after the other. */
    public static void sql(String statements) {
        adapter().withConnection(c -> {
            for (String s : statements.split(";")) {
                c.execute(s);
            }
            return null;
        });
    }

    /** The rows {@code query} returns on the test server. */
    public static List<List<Object>> rows(String query) {
        return adapter().withConnection(c -> c.query(query).rows());
    }

    /** Creates a schema no other test (in any JVM) uses, and returns its name. */
    public static String freshSchema(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        clean = clean.substring(0, Math.min(clean.length(), 30));
        String schema = clean + "_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36) + "_"
                + COUNTER.incrementAndGet();
        Adapter adapter = adapter();
        adapter.withConnection(c -> c.execute(adapter.dialect().createSchema(null, schema)));
        synchronized (SCHEMAS) {
            SCHEMAS.add(schema);
        }
        return schema;
    }

    /** A {@code type: postgres} target for the same server and database, building in {@code schema}. */
    public static TargetConfig targetConfig(String schema) {
        Map<String, Object> settings = new LinkedHashMap<>(server().connection());
        settings.put("schema", schema);
        settings.put("threads", 4);
        return new TargetConfig("sluice_test", "test", "postgres", settings, null);
    }

    /** As {@link #targetConfig(String)}, with {@code settings} (application_name, threads, a password...) on top. */
    public static TargetConfig targetConfig(String schema, Map<String, Object> settings) {
        Map<String, Object> all = new LinkedHashMap<>(targetConfig(schema).settings());
        all.putAll(settings);
        return new TargetConfig("sluice_test", "test", "postgres", all, null);
    }

    /** An adapter context for {@code projectDir} with {@code threads} and this process's environment. */
    public static AdapterContext context(Path projectDir, int threads) {
        return new AdapterContext() {
            @Override
            public Path projectDir() {
                return projectDir;
            }

            @Override
            public int threads() {
                return threads;
            }

            @Override
            public Map<String, String> environment() {
                return System.getenv();
            }
        };
    }

    /**
     * {@code core/target/<name>}; or, when running as root and user nobody (who runs embedded
     * PostgreSQL for root) cannot enter core/target, a directory in the temp directory.
     */
    public static Path scratchDirectory(String name) {
        Path target = moduleDir().resolve("target");
        if (reachableByOthers(target)) {
            return target.resolve(name);
        }
        String id = Integer.toHexString(moduleDir().toString().hashCode());
        return Path.of(System.getProperty("java.io.tmpdir"), "sluice-test-" + id, name).toAbsolutePath();
    }

    /** True when the tests run on the embedded server rather than {@code SLUICE_TEST_PG_URL}. */
    public static boolean embedded() {
        return server().lease() != null;
    }

    private static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (TestingDatabase.class) {
                s = server;
                if (s == null) {
                    s = start();
                    server = s;
                }
            }
        }
        return s;
    }

    private static Server start() {
        String url = System.getenv(URL_VARIABLE);
        Map<String, Object> connection;
        EmbeddedPostgres.Lease lease = null;
        if (url != null && !url.isBlank()) {
            connection = parse(url);
        } else {
            lease = EmbeddedPostgres.acquire(scratchDirectory("embedded-pg"), 0, System.getenv());
            lease.ensureDatabase(EMBEDDED_DATABASE);
            connection = new LinkedHashMap<>();
            connection.put("host", lease.host());
            connection.put("port", lease.port());
            connection.put("user", "postgres");
            connection.put("dbname", EMBEDDED_DATABASE);
            connection.put("retries", 0);
        }
        Map<String, Object> settings = new LinkedHashMap<>(connection);
        settings.put("schema", "public");
        TargetConfig target = new TargetConfig("sluice_test", "test", "postgres", settings, null);
        Adapter adapter;
        try {
            adapter = new PostgresAdapterFactory().create(target, context(moduleDir(), THREADS));
        } catch (RuntimeException e) {
            if (lease != null) {
                lease.close();
            }
            throw e;
        }
        Server started = new Server(adapter, Collections.unmodifiableMap(connection), lease);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "sluice-testing-database"));
        return started;
    }

    private static void stop(Server s) {
        if (s.lease() == null) { // an embedded cluster goes with target/; a shared server is kept tidy
            List<String> schemas;
            synchronized (SCHEMAS) {
                schemas = List.copyOf(SCHEMAS);
            }
            for (String schema : schemas) {
                try {
                    // the schema and the stage schemas dbt's naming derives from it (x_stg, x_mrt, ...)
                    s.adapter().withConnection(c -> {
                        for (List<Object> row : c.query("select nspname from pg_namespace where nspname = '" + schema
                                + "' or nspname like '" + schema.replace("_", "\\_") + "\\_%'").rows()) {
                            c.execute("drop schema if exists " + s.adapter().dialect().quote((String) row.get(0)) + " cascade");
                        }
                        return null;
                    });
                } catch (RuntimeException e) {
                    // best effort at exit
                }
            }
        }
        s.adapter().close();
        if (s.lease() != null) {
            s.lease().close();
        }
    }

    /** host, port, dbname, user and password of a {@code jdbc:postgresql://} URL. */
    static Map<String, Object> parse(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(URL_VARIABLE + " must look like jdbc:postgresql://host:port/db?user=u, got "
                    + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("host", uri.getHost() == null ? "localhost" : uri.getHost());
        settings.put("port", uri.getPort() < 0 ? 5432 : uri.getPort());
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        settings.put("dbname", path.isEmpty() ? "postgres" : path);
        settings.put("user", "postgres");
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                switch (key) {
                    case "user", "password", "sslmode" -> settings.put(key, value);
                    default -> { }
                }
            }
        }
        settings.put("retries", 0);
        return settings;
    }

    private static boolean reachableByOthers(Path path) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return true;
        }
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            try {
                if (Files.isDirectory(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return true;
    }

    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }
}
