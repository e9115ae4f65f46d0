package dev.sluice.core;

import static dev.sluice.core.TestingDatabase.sql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.NodeResult;
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
 * Microbatch incremental models on real PostgreSQL: a source of events with an event_time, a
 * staging view with one, and a daily microbatch model over it. Batches read only their day of
 * the inputs, replace only their day of the table, and fail alone.
 */
class MicrobatchIT {
    @TempDir
    Path dir;
    Path project;
    String schema;
    String src;

    @BeforeEach
    void setUp() {
        project = dir.resolve("mb");
        schema = TestingDatabase.freshSchema("mb");
        src = schema + "_src";
        TestingProjects.newProject(project, "mb", schema, "");
        TestingProjects.write(project.resolve("models/sources.yml"), """
                sources:
                  - name: app
                    schema: "%s"
                    tables:
                      - name: events
                        config: {event_time: occurred_at}
                """.formatted(src));
        TestingProjects.write(project.resolve("models/stg_events.sql"), """
                {{ config(event_time='occurred_at') }}
                select id, kind, occurred_at from {{ source('app', 'events') }}
                """);
        daily("select id, kind, occurred_at, '{{ model.batch.id }}' as batch_id from {{ ref('stg_events') }}");
        sql("create schema \"" + src + "\"; create table \"" + src + "\".events (id int, kind text, occurred_at timestamp);"
                + " insert into \"" + src + "\".events values (1, 'a', '2024-01-01 10:00'), (2, 'b', '2024-01-02 09:00'),"
                + " (3, 'a', '2024-01-02 23:59'), (4, 'c', '2024-01-03 00:00'), (5, 'x', '2023-12-31 23:00')");
    }

    private void daily(String select) {
        TestingProjects.write(project.resolve("models/daily_events.sql"), """
                {{ config(materialized='incremental', incremental_strategy='microbatch', event_time='occurred_at',
                          batch_size='day', begin='2024-01-01', lookback=1) }}
                """ + select + "\n");
    }

    private RunResult run(String start, String end) {
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString()))
                .eventTime(start, end).load()) {
            return sluice.run(Selection.all());
        }
    }

    private static NodeResult daily(RunResult r) {
        return r.results().stream().filter(n -> n.node().name().equals("daily_events")).findFirst().orElseThrow();
    }

    private List<List<Object>> table() {
        return TestingDatabase.adapter().withConnection(c -> c.query("select id, kind, batch_id from \"" + schema
                + "\".daily_events order by id").rows());
    }

    @Test
    void eachBatchReadsAndReplacesItsOwnDay() {
        RunResult first = run("2024-01-01", "2024-01-03");
        assertThat(daily(first).status()).as(first.toString()).isEqualTo(NodeStatus.SUCCESS);
        assertThat(daily(first).message()).isEqualTo("SELECT 3 (2 of 2 batches)");
        assertThat(table()).containsExactly(List.of(1, "a", "20240101"), List.of(2, "b", "20240102"),
                List.of(3, "a", "20240102"));
        assertThat(TestingProjects.read(project.resolve("target/compiled/mb/models/daily_events.sql")))
                .contains("_dbt_et_filter_subq_stg_events").contains("\"occurred_at\" >= '2024-01-02 00:00:00+00:00'");

        // the source's day 2 changes and day 1 too; rebuilding day 2 only touches day 2
        sql("update \"" + src + "\".events set kind = 'B' where id in (1, 2)");
        RunResult again = run("2024-01-02", "2024-01-03");
        assertThat(daily(again).message()).isEqualTo("SELECT 2 (1 of 1 batches)");
        assertThat(table()).containsExactly(List.of(1, "a", "20240101"), List.of(2, "B", "20240102"),
                List.of(3, "a", "20240102"));
    }

    @Test
    void laterRunsRedoTheLookbackWindowUpToNow() {
        run("2024-01-01", "2024-01-04");
        assertThat(table()).hasSize(4);
        String utcNow = "(now() at time zone 'utc')";
        sql("insert into \"" + src + "\".events values (10, 'y', " + utcNow + " - interval '1 day'), (11, 'z', " + utcNow
                + "), (12, 'old', " + utcNow + " - interval '3 days'); update \"" + src + "\".events set kind = 'A'"
                + " where id = 1");

        RunResult r = run(null, null);

        assertThat(daily(r).message()).isEqualTo("SELECT 2 (2 of 2 batches)");
        assertThat(table()).extracting(row -> row.get(0)).containsExactly(1, 2, 3, 4, 10, 11);
        assertThat(table().get(0).get(1)).isEqualTo("a"); // outside the lookback: as it was
    }

    @Test
    void aFailingBatchLeavesTheOthersBuilt() {
        daily("select id, kind, occurred_at, '{{ model.batch.id }}' as batch_id,"
                + " 1 / (case when kind = 'b' then 0 else 1 end) as boom from {{ ref('stg_events') }}");
        RunResult r = run("2024-01-01", "2024-01-04");

        NodeResult d = daily(r);
        assertThat(d.status()).isEqualTo(NodeStatus.PARTIAL_SUCCESS);
        assertThat(d.message()).contains("20240102 (SQLSTATE 22012").contains("2 of 3 batches succeeded")
                .contains("models/daily_events.sql");
        assertThat(table()).extracting(row -> row.get(0)).containsExactly(1, 4);
        assertThat(r.success()).isFalse();
        assertThat(TestingProjects.read(project.resolve("target/run_results.json"))).contains("\"partial success\"");
    }

    @Test
    void theFirstBuildStartsAtBegin() {
        TestingProjects.write(project.resolve("models/daily_events.sql"), """
                {{ config(materialized='incremental', incremental_strategy='microbatch', event_time='occurred_at',
                          batch_size='year', begin='2025-06-01') }}
                select id, kind, occurred_at from {{ ref('stg_events') }}
                """);
        sql("insert into \"" + src + "\".events values (20, 'new', '2025-03-01'), (21, 'newer', now() at time zone 'utc')");
        RunResult r = run(null, null);
        assertThat(daily(r).message()).endsWith("(2 of 2 batches)");
        List<List<Object>> ids = TestingDatabase.adapter().withConnection(c -> c.query("select id from \"" + schema
                + "\".daily_events order by id").rows());
        assertThat(ids).containsExactly(List.of(20), List.of(21));
    }
}
