package dev.sluice.core.internal.embedded;

import dev.sluice.core.TestingDatabase;
import dev.sluice.core.internal.postgres.PostgresAdapterFactory;
import dev.sluice.core.spi.Adapter;
import java.nio.file.Path;

/**
 * Another Sluice process on the same project, for {@link EmbeddedPostgresIT}: opens the embedded
 * target of the project in {@code args[0]}, prints what {@code args[1]} (a query) returns, closes.
 */
public final class TestingEmbeddedClient {
    private TestingEmbeddedClient() {
    }

    public static void main(String[] args) {
        Path project = Path.of(args[0]);
        try (Adapter adapter = new PostgresAdapterFactory().create(EmbeddedPostgresIT.embeddedTarget(),
                TestingDatabase.context(project, 1))) {
            System.out.println("result=" + adapter.withConnection(c -> c.query(args[1])).rows());
        }
    }
}
