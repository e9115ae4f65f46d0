package dev.sluice.core;

import static dev.sluice.core.TestingDatabase.sql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots (dbt's SCD type 2) on real PostgreSQL: a source table the test edits between runs,
 * snapshotted with the timestamp and check strategies, hard deletes, renamed meta columns, YAML
 * snapshots, and refs to a snapshot.
 */
class SnapshotsIT {
    @TempDir
    Path dir;
    Path project;
    String schema;
    String src;

    @BeforeEach
    void setUp() {
        project = dir.resolve("snap");
        schema = TestingDatabase.freshSchema("snap");
        src = schema + "_src";
        TestingProjects.write(project.resolve("dbt_project.yml"), """
                name: snap
                version: '1.0'
                config-version: 2
                profile: snap
                snapshots:
                  snap:
                    +target_schema: "%s_history"
                """.formatted(schema));
        TestingProjects.writeProfiles(project, "snap", TestingDatabase.targetConfig(schema));
        TestingProjects.write(project.resolve("models/sources.yml"), """
                version: 2
                sources:
                  - name: app
                    schema: "%s"
                    tables: [{name: customers}]
                """.formatted(src));
        sql("create schema \"" + src + "\"; create table \"" + src + "\".customers (id int, name text, tier text,"
                + " updated_at timestamp); insert into \"" + src + "\".customers values (1, 'ada', 'gold',"
                + " '2024-01-01'), (2, 'bob', 'silver', '2024-01-01')");
    }

    private void snapshot(String config) {
        TestingProjects.write(project.resolve("snapshots/customers_snapshot.sql"), """
                -- history of customers
                {% snapshot customers_snapshot %}
                {{ config(unique_key='id', """ + config + """
                ) }}
                select * from {{ source('app', 'customers') }}
                {% endsnapshot %}
                """);
    }

    private RunResult run() {
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load()) {
            return sluice.snapshot(Selection.all());
        }
    }

    private List<List<Object>> history(String columns) {
        return TestingDatabase.adapter().withConnection(c -> c.query("select " + columns + " from \"" + schema
                + "_history\".customers_snapshot order by id, dbt_valid_from")).rows();
    }

    @Test
    void timestampStrategyKeepsEveryVersion() {
        snapshot("strategy='timestamp', updated_at='updated_at'");
        RunResult first = run();
        assertThat(first.results().get(0).message()).isEqualTo("SELECT 2");
        assertThat(history("id, name, dbt_valid_from::text, dbt_valid_to::text")).containsExactly(
                java.util.Arrays.asList(1, "ada", "2024-01-01 00:00:00", null),
                java.util.Arrays.asList(2, "bob", "2024-01-01 00:00:00", null));
        // bob moves up a tier; ada unchanged; cy arrives
        sql("update \"" + src + "\".customers set tier = 'gold', updated_at = '2024-02-01' where id = 2;"
                + "insert into \"" + src + "\".customers values (3, 'cy', 'bronze', '2024-02-02')");
        RunResult second = run();
        assertThat(second.results().get(0).message()).isEqualTo("INSERT 0 2");
        assertThat(history("id, tier, dbt_valid_from::text, dbt_valid_to::text")).containsExactly(
                java.util.Arrays.asList(1, "gold", "2024-01-01 00:00:00", null),
                java.util.Arrays.asList(2, "silver", "2024-01-01 00:00:00", "2024-02-01 00:00:00"),
                java.util.Arrays.asList(2, "gold", "2024-02-01 00:00:00", null),
                java.util.Arrays.asList(3, "bronze", "2024-02-02 00:00:00", null));
        // nothing changed: nothing new
        assertThat(run().results().get(0).message()).isEqualTo("INSERT 0 0");
        assertThat(history("id")).hasSize(4);
        // scd ids are unique
        assertThat(TestingDatabase.adapter().withConnection(c -> c.query("select count(distinct dbt_scd_id) from \""
                + schema + "_history\".customers_snapshot")).rows()).containsExactly(List.of(4L));
    }

    @Test
    void checkStrategyComparesTheCheckedColumns() {
        snapshot("strategy='check', check_cols=['tier']");
        run();
        // a name change is not checked; a tier change is
        sql("update \"" + src + "\".customers set name = 'Ada' where id = 1; update \"" + src
                + "\".customers set tier = 'gold' where id = 2");
        run();
        assertThat(history("id, tier, (dbt_valid_to is null)")).containsExactly(List.of(1, "gold", true),
                List.of(2, "silver", false), List.of(2, "gold", true));
        snapshot("strategy='check', check_cols='all'");
        run();
        // 'all' sees the name change too
        assertThat(history("id, name, (dbt_valid_to is null)")).containsExactly(List.of(1, "ada", false),
                List.of(1, "Ada", true), List.of(2, "bob", false), List.of(2, "bob", true));
    }

    @Test
    void hardDeletesAreIgnoredInvalidatedOrRecorded() {
        snapshot("strategy='timestamp', updated_at='updated_at', hard_deletes='invalidate'");
        run();
        sql("delete from \"" + src + "\".customers where id = 2");
        run();
        assertThat(history("id, (dbt_valid_to is null)")).containsExactly(List.of(1, true), List.of(2, false));

        sql("drop table \"" + schema + "_history\".customers_snapshot; insert into \"" + src
                + "\".customers values (2, 'bob', 'silver', '2024-01-01')");
        snapshot("strategy='timestamp', updated_at='updated_at', hard_deletes='new_record',"
                + " snapshot_meta_column_names={'dbt_valid_to': 'valid_until', 'dbt_is_deleted': 'is_deleted'}");
        run();
        sql("delete from \"" + src + "\".customers where id = 2");
        run();
        assertThat(TestingDatabase.adapter().withConnection(c -> c.query("select id, is_deleted, (valid_until is null)"
                + " from \"" + schema + "_history\".customers_snapshot order by id, is_deleted")).rows())
                .containsExactly(List.of(1, "False", true), List.of(2, "False", false), List.of(2, "True", true));
    }

    @Test
    void yamlSnapshotsAndRefsToSnapshots() {
        TestingProjects.write(project.resolve("snapshots/snapshots.yml"), """
                version: 2
                snapshots:
                  - name: tiers
                    relation: source('app', 'customers')
                    config: {unique_key: id, strategy: check, check_cols: [tier]}
                    columns:
                      - name: tier
                        data_tests:
                          - accepted_values:
                              arguments: {values: [gold, silver]}
                """);
        TestingProjects.write(project.resolve("models/current_tiers.sql"),
                "select id, tier from {{ ref('tiers') }} where dbt_valid_to is null\n");
        RunResult build;
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load()) {
            build = sluice.build(Selection.all());
        }
        assertThat(build.results()).as(build.results().toString()).extracting(r -> r.node().name() + " " + r.status())
                .containsExactly("tiers SUCCESS", "accepted_values_tiers_tier__gold__silver PASS", "current_tiers SUCCESS");
        assertThat(TestingDatabase.adapter().withConnection(c -> c.query("select id, tier from \"" + schema
                + "\".current_tiers order by id")).rows()).containsExactly(List.of(1, "gold"), List.of(2, "silver"));
    }

    @Test
    void aBadConfigIsAClearError() {
        snapshot("strategy='timestamp'");
        RunResult run = run();
        assertThat(run.results().get(0).status()).isEqualTo(NodeStatus.ERROR);
        assertThat(run.results().get(0).message()).isEqualTo("snapshots/customers_snapshot.sql: Cannot snapshot"
                + " customers_snapshot: the timestamp strategy needs an updated_at config naming the column that says"
                + " when a row changed");
    }
}
