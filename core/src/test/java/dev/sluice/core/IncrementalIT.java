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
 * The incremental materialization on real PostgreSQL: is_incremental(), {{ this }}, the three
 * strategies, unique keys, incremental_predicates, on_schema_change, full refresh, and a failed
 * run leaving the table as it was. The model reads a source table the test edits between runs.
 */
class IncrementalIT {
    @TempDir
    Path dir;
    Path project;
    String schema;
    String src;

    @BeforeEach
    void setUp() {
        project = dir.resolve("inc");
        schema = TestingDatabase.freshSchema("inc");
        src = schema + "_src";
        TestingProjects.write(project.resolve("dbt_project.yml"), """
                name: inc
                version: '1.0'
                config-version: 2
                profile: inc
                """);
        TestingProjects.writeProfiles(project, "inc", TestingDatabase.targetConfig(schema));
        TestingProjects.write(project.resolve("models/sources.yml"), """
                version: 2
                sources:
                  - name: app
                    schema: "%s"
                    tables: [{name: events}]
                """.formatted(src));
        sql("create schema \"" + src + "\"; create table \"" + src + "\".events (id int, v text, day date);"
                + "insert into \"" + src + "\".events values (1, 'a', '2024-01-01'), (2, 'b', '2024-01-02')");
    }

    private void model(String config, String select) {
        model(config, select, "{% if is_incremental() %}where day >= (select max(day) from {{ this }}){% endif %}\n");
    }

    private void model(String config, String select, String filter) {
        TestingProjects.write(project.resolve("models/events_inc.sql"), "{{ config(materialized='incremental'"
                + config + ") }}\n" + select + "\nfrom {{ source('app', 'events') }}\n" + filter);
    }

    private RunResult run(boolean fullRefresh) {
        try (Sluice sluice = Sluice.configure().projectDir(project).fullRefresh(fullRefresh)
                .environment(Map.of("HOME", dir.toString())).load()) {
            return sluice.run(Selection.all());
        }
    }

    private List<List<Object>> rows(String columns) {
        return TestingDatabase.adapter().withConnection(c -> c.query("select " + columns + " from \"" + schema
                + "\".events_inc order by " + columns)).rows();
    }

    @Test
    void appendAddsOnlyWhatTheIncrementalFilterSelects() {
        model("", "select id, v, day");
        RunResult first = run(false);
        assertThat(first.results().get(0).message()).isEqualTo("SELECT 2");
        sql("insert into \"" + src + "\".events values (3, 'c', '2024-01-03')");
        RunResult second = run(false);
        // day >= max(day) = 2024-01-02: rows 2 and 3; append keeps the old row 2 too
        assertThat(second.results().get(0).message()).isEqualTo("INSERT 0 2");
        assertThat(rows("id, v")).containsExactly(List.of(1, "a"), List.of(2, "b"), List.of(2, "b"), List.of(3, "c"));
    }

    @Test
    void deleteInsertAndMergeReplaceRowsByUniqueKey() {
        for (String strategy : List.of("delete+insert", "merge")) {
            sql("drop table if exists \"" + schema + "\".events_inc; delete from \"" + src + "\".events where id > 2;"
                    + "update \"" + src + "\".events set v = case id when 1 then 'a' else 'b' end");
            model(", unique_key='id', incremental_strategy='" + strategy + "'", "select id, v, day");
            run(false);
            sql("update \"" + src + "\".events set v = 'B' where id = 2; insert into \"" + src
                    + "\".events values (3, 'c', '2024-01-03')");
            RunResult second = run(false);
            assertThat(second.success()).as(strategy).isTrue();
            assertThat(rows("id, v")).as(strategy).containsExactly(List.of(1, "a"), List.of(2, "B"), List.of(3, "c"));
        }
    }

    @Test
    void incrementalPredicatesLimitWhatIsReplaced() {
        model(", unique_key='id', incremental_strategy='delete+insert', incremental_predicates=[\"DBT_INTERNAL_DEST.day"
                + " > date '2024-01-01'\"]", "select id, v, day");
        run(false);
        // the model now selects every row again (is_incremental filter aside): id 1 is outside the
        // predicate, so its old row stays and the new one is added beside it
        TestingProjects.write(project.resolve("models/events_inc.sql"), "{{ config(materialized='incremental',"
                + " unique_key='id', incremental_strategy='delete+insert', incremental_predicates=[\"DBT_INTERNAL_DEST.day"
                + " > date '2024-01-01'\"]) }}\nselect id, v || '2' as v, day from {{ source('app', 'events') }}\n");
        run(false);
        assertThat(rows("id, v")).containsExactly(List.of(1, "a"), List.of(1, "a2"), List.of(2, "b2"));
    }

    @Test
    void schemaChangesFollowOnSchemaChange() {
        model(", on_schema_change='fail'", "select id, v", "");
        run(false);
        model(", on_schema_change='fail'", "select id, v, day", "");
        RunResult failed = run(false);
        assertThat(failed.results().get(0).status()).isEqualTo(NodeStatus.ERROR);
        assertThat(failed.results().get(0).message()).contains("the source and target schemas on this incremental model"
                + " are out of sync (new [day], removed [], changed type [])");
        assertThat(rows("id, v")).containsExactly(List.of(1, "a"), List.of(2, "b")); // as it was

        model(", on_schema_change='append_new_columns'", "select id, v, day", "");
        run(false);
        assertThat(rows("id, day::text")).contains(List.of(2, "2024-01-02"));

        model(", on_schema_change='sync_all_columns'", "select id, day", "");
        run(false);
        List<String> columns = TestingDatabase.adapter().withConnection(c -> c.query("select column_name from"
                + " information_schema.columns where table_schema = '" + schema + "' and table_name = 'events_inc'"
                + " order by ordinal_position")).rows().stream().map(r -> (String) r.get(0)).toList();
        assertThat(columns).containsExactly("id", "day");
    }

    @Test
    void fullRefreshRebuildsUnlessTheModelSaysNot() {
        model("", "select id, v, day");
        run(false);
        run(false);
        assertThat(rows("id")).hasSize(3); // row 2 appended twice
        assertThat(run(true).results().get(0).message()).isEqualTo("SELECT 2");
        assertThat(rows("id")).hasSize(2);
        model(", full_refresh=false", "select id, v, day");
        assertThat(run(true).results().get(0).message()).isEqualTo("INSERT 0 1");
        assertThat(rows("id")).hasSize(3);
    }

    @Test
    void aFailedIncrementalRunLeavesTheTableAsItWas() {
        model(", unique_key='id'", "select id, v, day");
        run(false);
        model(", unique_key='id'", "select id, v, day, 1 / (id - id) as boom");
        RunResult failed = run(false);
        assertThat(failed.results().get(0).status()).isEqualTo(NodeStatus.ERROR);
        assertThat(failed.results().get(0).message()).contains("division by zero");
        assertThat(rows("id, v")).containsExactly(List.of(1, "a"), List.of(2, "b"));
        assertThat(TestingDatabase.adapter().withConnection(c -> c.query("select count(*) from pg_tables where"
                + " schemaname = '" + schema + "' and tablename like '%dbt_tmp%'")).rows()).containsExactly(List.of(0L));
    }
}
