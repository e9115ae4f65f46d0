package dev.sluice.core.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.TestingDatabase;
import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.spi.Adapter;
import dev.sluice.core.spi.AdapterFactory;
import dev.sluice.core.spi.Column;
import dev.sluice.core.spi.Relation;
import dev.sluice.core.spi.RelationType;
import dev.sluice.core.spi.TargetConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The conformance suite on PostgreSQL ({@link TestingDatabase}), plus what only PostgreSQL has. */
class PostgresAdapterIT extends AdapterConformanceTest {
    @Override
    protected Adapter adapter() {
        return TestingDatabase.adapter();
    }

    @Override
    protected String freshSchema(String prefix) {
        return TestingDatabase.freshSchema(prefix);
    }

    @Override
    protected Adapter newAdapter(int threads) {
        return new PostgresAdapterFactory().create(TestingDatabase.targetConfig("public"),
                TestingDatabase.context(Path.of("."), threads));
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(AdapterFactory.class).stream().map(p -> p.get().type())).contains("postgres");
    }

    @Test
    void listsPartitionedTablesAsTables() {
        String schema = freshSchema("partitioned");
        run("create table " + schema + ".events (id int, day date) partition by range (day)");
        run("create table " + schema + ".events_2024 partition of " + schema + ".events"
                + " for values from ('2024-01-01') to ('2025-01-01')");
        assertThat(list(null, schema)).extracting(Relation::identifier, Relation::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("events", RelationType.TABLE),
                        org.assertj.core.groups.Tuple.tuple("events_2024", RelationType.TABLE));
    }

    @Test
    void formatsColumnTypes() {
        Relation t = table(freshSchema("types"), "t");
        run("create table " + dialect().render(t) + " (id bigint, name varchar(20), amount numeric(10,2),"
                + " at timestamp, tags text[], doc jsonb)");
        assertThat(columnsOf(t)).extracting(Column::dataType).containsExactly("bigint",
                "character varying(20)", "numeric(10,2)", "timestamp without time zone", "text[]", "jsonb");
    }

    @Test
    void returnsJsonAsTextAndArraysAsLists() {
        List<Object> row = with(c -> c.query("select '{\"a\": 1}'::jsonb as doc, array['x','y'] as tags, null as n"))
                .rows().get(0);
        assertThat(row).containsExactly("{\"a\": 1}", List.of("x", "y"), null);
    }

    @Test
    void errorsCarryTheServerHint() {
        assertThatThrownBy(() -> with(c -> c.query("select nme from (select 1 as name) t")))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("42703");
                    assertThat(e.position()).isEqualTo(8);
                    assertThat(e.reason()).isEqualTo("Cannot run query: column \"nme\" does not exist;"
                            + " hint: Perhaps you meant to reference the column \"t.name\".");
                });
        assertThatThrownBy(() -> with(c -> c.query("select * from no_such_table_xyz")))
                .isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.sqlState()).isEqualTo("42P01"));
    }

    @Test
    void replacesConnectionsTheServerClosed() throws Exception {
        try (Adapter own = newAdapter(1)) {
            Object before = own.withConnection(c -> c.query("select pg_backend_pid()").rows().get(0).get(0));
            with(c -> c.query("select pg_terminate_backend(" + before + ")"));
            Thread.sleep(600); // past the window in which a just-returned connection is trusted unchecked
            Object after = own.withConnection(c -> c.query("select pg_backend_pid()").rows().get(0).get(0));
            assertThat(after).isNotEqualTo(before);
        }
    }

    @Test
    void appliesTargetSettings() {
        Map<String, Object> settings = new LinkedHashMap<>(TestingDatabase.targetConfig("x").settings());
        settings.put("search_path", "pg_catalog, public");
        settings.put("keepalives_idle", 30);
        TargetConfig target = new TargetConfig("p", "t", "postgres", settings, null);
        try (Adapter own = new PostgresAdapterFactory().create(target, TestingDatabase.context(Path.of("."), 1))) {
            List<Object> row = own.withConnection(c -> c.query("select current_setting('search_path'),"
                    + " current_setting('application_name'), current_setting('tcp_keepalives_idle')")).rows().get(0);
            assertThat(row).containsExactly("pg_catalog, public", "sluice", "30");
            assertThat(own.describe()).startsWith("PostgreSQL ").contains(" at " + settings.get("host") + ":");
        }
    }

    @Test
    void refusesAnotherDatabase() {
        assertThatThrownBy(() -> with(c -> c.listRelations("some_other_db", "public")))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SluiceException.Kind.USER);
                    assertThat(e.getMessage()).contains("some_other_db");
                });
    }

    @Test
    void failsToConnectWithTheTargetsLocation() {
        Map<String, Object> settings = new LinkedHashMap<>(TestingDatabase.targetConfig("x").settings());
        settings.put("host", "127.0.0.1");
        settings.put("port", 1);
        settings.put("retries", 0);
        Location where = new Location("profiles.yml", 3, 5);
        TargetConfig target = new TargetConfig("p", "dev", "postgres", settings, where);
        assertThatThrownBy(() -> new PostgresAdapterFactory().create(target, TestingDatabase.context(Path.of("."), 1)))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.sqlState()).startsWith("08");
                    assertThat(e.location()).isEqualTo(where);
                    assertThat(e.getMessage()).startsWith("profiles.yml:3:5: Cannot connect to postgres at 127.0.0.1:1/");
                });
    }

    @Test
    void requiresUserOutsideEmbeddedMode() {
        TargetConfig target = new TargetConfig("p", "dev", "postgres", Map.of("dbname", "x", "schema", "s"),
                Location.of("profiles.yml", 7));
        assertThatThrownBy(() -> new PostgresAdapterFactory().create(target, TestingDatabase.context(Path.of("."), 1)))
                .isInstanceOf(SluiceException.class).hasMessageContaining("'user'");
    }
}
