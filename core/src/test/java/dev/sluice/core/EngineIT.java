package dev.sluice.core;

import static dev.sluice.core.TestingDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.internal.artifacts.SchemaValidation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library end to end on real PostgreSQL: seeds, views, tables, ephemeral CTEs, failures, skips. */
class EngineIT {
    @TempDir
    Path dir;
    Path project;
    String schema;
    final List<SluiceEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        project = TestingProjects.copy("shop", dir);
        schema = TestingDatabase.freshSchema("shop");
        TestingProjects.writeProfiles(project, "shop", TestingDatabase.targetConfig(schema));
    }

    private Sluice load() {
        return Sluice.configure().projectDir(project).threads(4)
                .environment(Map.of("HOME", dir.toString())).listener(events::add).load();
    }

    private static NodeResult result(RunResult run, String id) {
        return run.results().stream().filter(r -> r.node().uniqueId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void buildsSeedsAndModelsInDependencyOrder() {
        RunResult run;
        try (Sluice sluice = load()) {
            run = sluice.build(Selection.all());
        }
        assertThat(run.success()).isTrue();
        assertThat(run.results()).extracting(r -> r.node().uniqueId()).containsExactlyInAnyOrder("seed.shop.orders",
                "seed.shop.customers", "seed.shop.payments", "model.shop.stg_orders", "model.shop.stg_payments", "model.shop.customer_totals",
                "model.shop.countries");
        assertThat(result(run, "seed.shop.orders").message()).isEqualTo("INSERT 4");
        assertThat(result(run, "model.shop.stg_orders").message()).isEqualTo("CREATE VIEW");
        assertThat(result(run, "model.shop.customer_totals").message()).isEqualTo("SELECT 2");
        assertThat(rows("select customer, country, total_cents from \"" + schema
                + "_mrt\".customer_totals order by customer")).containsExactly(List.of("alice", "FR", new java.math.BigDecimal("4250")),
                List.of("carol", "FR", new java.math.BigDecimal("1500")));
        assertThat(rows("select fr_cents, de_cents from \"" + schema + "_mrt\".countries"))
                .containsExactly(List.of(new java.math.BigDecimal("5750"), new java.math.BigDecimal("0")));
        assertThat(rows("select count(*) from information_schema.tables where table_schema = '" + schema
                + "_stg' and table_name = 'big_orders'")).containsExactly(List.of(0L));
        assertThat(events).filteredOn(e -> e instanceof SluiceEvent.NodeStarted).hasSize(7);
        assertThat(rows("select count(*) from \"" + schema + "_stg\".stg_payments")).containsExactly(List.of(2L));
        assertThat(project.resolve("target/run/shop/models/marts/customer_totals.sql")).exists();
        assertThat(SchemaValidation.errors(SchemaValidation.MANIFEST,
                TestingProjects.read(project.resolve("target/manifest.json")))).isEmpty();
        assertThat(SchemaValidation.errors(SchemaValidation.RUN_RESULTS,
                TestingProjects.read(project.resolve("target/run_results.json")))).isEmpty();
    }

    @Test
    void aFailedModelKeepsItsPreviousRelationAndSkipsWhatDependsOnIt() {
        try (Sluice sluice = load()) {
            assertThat(sluice.build(Selection.all()).success()).isTrue();
        }
        TestingProjects.write(project.resolve("models/marts/customer_totals.sql"), """
                select customer,
                       no_such_column as total_cents
                from {{ ref('stg_orders') }}
                """);
        RunResult run;
        try (Sluice sluice = load()) {
            run = sluice.run(Selection.of("customer_totals+"));
        }
        assertThat(run.success()).isFalse();
        NodeResult failed = result(run, "model.shop.customer_totals");
        assertThat(failed.status()).isEqualTo(NodeStatus.ERROR);
        assertThat(SchemaValidation.errors(SchemaValidation.RUN_RESULTS,
                TestingProjects.read(project.resolve("target/run_results.json")))).isEmpty();
        assertThat(failed.error().getMessage()).startsWith("models/marts/customer_totals.sql: Database error in model "
                + "customer_totals (SQLSTATE 42703)").contains("no_such_column")
                .contains("line 2 of target/compiled/shop/models/marts/customer_totals.sql");
        assertThat(result(run, "model.shop.countries").status()).isEqualTo(NodeStatus.SKIPPED);
        // the table built before is untouched, and no temporary relation is left behind
        assertThat(rows("select count(*) from \"" + schema + "_mrt\".customer_totals")).containsExactly(List.of(2L));
        assertThat(rows("select count(*) from information_schema.tables where table_schema = '" + schema
                + "_mrt' and table_name like '%dbt_tmp%'")).containsExactly(List.of(0L));
    }

    @Test
    void rebuildingReplacesRelationsAtomically() {
        try (Sluice sluice = load()) {
            assertThat(sluice.build(Selection.all()).success()).isTrue();
            TestingDatabase.adapter().withConnection(c -> c.execute("insert into \"" + schema
                    + "_raw\".orders values (5, 'bob', 99.00, '2024-03-01', '013')"));
            RunResult again = sluice.run(Selection.of("+customer_totals"));
            assertThat(again.success()).isTrue();
        }
        assertThat(rows("select customer from \"" + schema + "_mrt\".customer_totals order by customer"))
                .containsExactly(List.of("alice"), List.of("bob"), List.of("carol"));
    }

    @Test
    void failFastSkipsEverythingNotStartedAfterTheFirstError() {
        TestingProjects.write(project.resolve("models/staging/stg_orders.sql"), "select broken from nowhere\n");
        RunResult run;
        try (Sluice sluice = Sluice.configure().projectDir(project).threads(1).failFast(true)
                .environment(Map.of("HOME", dir.toString())).load()) {
            run = sluice.build(Selection.all());
        }
        assertThat(result(run, "model.shop.stg_orders").status()).isEqualTo(NodeStatus.ERROR);
        assertThat(run.results()).hasSize(7);
        assertThat(run.results().stream().filter(r -> r.status() == NodeStatus.SKIPPED).map(NodeResult::message))
                .isNotEmpty().allMatch(m -> m.contains("fail-fast") || m.contains("upstream"));
    }
}
