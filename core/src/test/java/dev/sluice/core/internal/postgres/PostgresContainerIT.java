package dev.sluice.core.internal.postgres;

import dev.sluice.core.spi.Adapter;
import dev.sluice.core.spi.TargetConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The adapter conformance suite on a PostgreSQL 16 container, where a Docker engine runs; reported
 * as skipped elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class PostgresContainerIT extends AdapterConformanceTest {
    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:16-alpine");

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Adapter shared;

    private static TargetConfig target(String schema) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("host", POSTGRES.getHost());
        s.put("port", POSTGRES.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT));
        s.put("user", POSTGRES.getUsername());
        s.put("password", POSTGRES.getPassword());
        s.put("dbname", POSTGRES.getDatabaseName());
        s.put("schema", schema);
        return new TargetConfig("container", "test", "postgres", s, null);
    }

    @Override
    protected synchronized Adapter adapter() {
        if (shared == null) {
            shared = newAdapter(8);
        }
        return shared;
    }

    @Override
    protected String freshSchema(String prefix) {
        String schema = prefix + "_" + COUNTER.incrementAndGet();
        adapter().withConnection(c -> c.execute("create schema " + schema));
        return schema;
    }

    @Override
    protected Adapter newAdapter(int threads) {
        return new PostgresAdapterFactory().create(target("public"),
                dev.sluice.core.TestingDatabase.context(Path.of("."), threads));
    }

    @AfterAll
    static synchronized void close() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }
}
