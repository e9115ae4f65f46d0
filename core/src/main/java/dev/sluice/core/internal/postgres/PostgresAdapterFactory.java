package dev.sluice.core.internal.postgres;

import dev.sluice.core.internal.embedded.EmbeddedPostgres;
import dev.sluice.core.spi.Adapter;
import dev.sluice.core.spi.AdapterContext;
import dev.sluice.core.spi.AdapterFactory;
import dev.sluice.core.spi.TargetConfig;
import java.nio.file.Path;

/**
 * Targets of {@code type: postgres}. With {@code embedded: true} the server is started from
 * zonky's binaries with its data in {@code <project>/.sluice/postgres} (or {@code data_dir},
 * relative to the project), connecting as postgres to {@code dbname} (default {@code sluice},
 * created when missing); {@code port}, when given, is the port it prefers (else the one it used
 * last time, else any free one). The pool holds {@link AdapterContext#threads()} connections.
 */
public final class PostgresAdapterFactory implements AdapterFactory {
    static final String DEFAULT_EMBEDDED_DATABASE = "sluice";

    @Override
    public String type() {
        return "postgres";
    }

    @Override
    public Adapter create(TargetConfig target, AdapterContext context) {
        int threads = context.threads() > 0 ? context.threads() : target.threads();
        if (!target.bool("embedded", false)) {
            return new PostgresAdapter(PostgresSettings.of(target), threads, null);
        }
        Path dataDir = context.projectDir().resolve(target.string("data_dir", ".sluice/postgres"));
        EmbeddedPostgres.Lease lease = EmbeddedPostgres.acquire(dataDir, target.integer("port", 0),
                context.environment());
        try {
            String database = target.database() != null ? target.database() : DEFAULT_EMBEDDED_DATABASE;
            lease.ensureDatabase(database);
            return new PostgresAdapter(PostgresSettings.embedded(target, lease.port(), database), threads, lease);
        } catch (RuntimeException | Error e) {
            lease.close();
            throw e;
        }
    }
}
