package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend is killed ({@code pg_terminate_backend}) while a table is swapped in, an
 * incremental merge writes, and a seed loads: the previous relation keeps its OID and every row,
 * no temporary relation is left, the node is reported as failed, and a re-run succeeds. The
 * statement is held at the chosen point with a lock the test holds, or with a trigger that
 * sleeps, and found in pg_stat_activity by the run's application_name.
 */
class FaultsIT {
    @TempDir
    Path dir;
    Path project;
    String schema;
    String app;
    TestingBackends watcher;
    TestingBackends locker;

    @BeforeEach
    void setUp() {
        project = dir.resolve("faults");
        schema = TestingDatabase.freshSchema("faults");
        app = "faults_" + schema;
        TestingProjects.newProject(project, "faults", TestingDatabase.targetConfig(schema,
                Map.of("application_name", app, "threads", 1)), "");
        watcher = TestingBackends.open();
        locker = TestingBackends.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        locker.close(); // ends any transaction that still holds a lock
        watcher.close();
    }

    private RunResult build(Function<Sluice, RunResult> command, boolean fullRefresh) {
        try (Sluice sluice = Sluice.configure().projectDir(project).fullRefresh(fullRefresh)
                .environment(Map.of("HOME", dir.toString())).load()) {
            return command.apply(sluice);
        }
    }

    private CompletableFuture<RunResult> inBackground(Function<Sluice, RunResult> command, boolean fullRefresh) {
        return CompletableFuture.supplyAsync(() -> build(command, fullRefresh));
    }

    private static RunResult await(CompletableFuture<RunResult> run) throws Exception {
        return run.get(TestingBackends.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Locks {@code table} against writers (and DDL) in the locker's open transaction. */
    private void hold(String table) throws Exception {
        locker.jdbc().setAutoCommit(false);
        locker.execute("lock table \"" + schema + "\".\"" + table + "\" in share mode");
    }

    /** A row trigger on {@code table} that sleeps (until killed) when it meets the row with id {@code id}. */
    private void stallAt(String table, int id) {
        watcher.execute("create function \"" + schema + "\".stall() returns trigger language plpgsql as $$ begin"
                + " if new.id = " + id + " then perform pg_sleep(600); end if; return new; end $$;"
                + " create trigger stall before insert or update on \"" + schema + "\".\"" + table
                + "\" for each row execute function \"" + schema + "\".stall()");
    }

    private void unstall(String table) {
        watcher.execute("drop trigger stall on \"" + schema + "\".\"" + table + "\"; drop function \"" + schema
                + "\".stall()");
    }

    private static void assertKilled(RunResult run) {
        assertThat(run.success()).isFalse();
        NodeResult node = run.results().get(0);
        assertThat(node.status()).isEqualTo(NodeStatus.ERROR);
        // the server's own words, or pgjdbc's when the connection dies inside COPY
        assertThat(node.message()).containsPattern("terminating connection due to administrator command"
                + "|Database connection failed when canceling copy operation").containsPattern("SQLSTATE (57P01|08006)");
    }

    @Test
    void aTableSwapKilledAtTheRenameLeavesTheOldTable() throws Exception {
        Path model = project.resolve("models/t.sql");
        TestingProjects.write(model, "{{ config(materialized='table') }}\nselect id, 'old ' || id as v"
                + " from generate_series(1, 1000) id");
        assertThat(build(s -> s.run(Selection.all()), false).success()).isTrue();
        List<Object> before = watcher.fingerprint(schema, "t");
        TestingProjects.write(model, "{{ config(materialized='table') }}\nselect id, 'new ' || id as v"
                + " from generate_series(1, 10) id");

        hold("t");
        CompletableFuture<RunResult> run = inBackground(s -> s.run(Selection.all()), false);
        // the new table is built; the rename of the old one waits for the lock
        int pid = watcher.await(app, "wait_event_type = 'Lock' and query ilike 'alter table%rename to%'");
        watcher.terminate(pid);
        locker.jdbc().rollback();

        assertKilled(await(run));
        assertThat(watcher.fingerprint(schema, "t")).isEqualTo(before);
        assertThat(watcher.relations(schema)).containsExactly(List.of("t", "r"));
        assertThat(build(s -> s.run(Selection.all()), false).success()).isTrue();
        assertThat(watcher.fingerprint(schema, "t").get(1)).isEqualTo(10L);
    }

    @Test
    void anIncrementalMergeKilledHalfwayLeavesTheOldRows() throws Exception {
        String src = schema + "_src";
        watcher.execute("create schema \"" + src + "\"; create table \"" + src + "\".events as select id, 'old' as v"
                + " from generate_series(1, 1000) id");
        TestingProjects.write(project.resolve("models/sources.yml"), """
                version: 2
                sources:
                  - name: app
                    schema: "%s"
                    tables: [{name: events}]
                """.formatted(src));
        TestingProjects.write(project.resolve("models/events_inc.sql"), "{{ config(materialized='incremental',"
                + " unique_key='id', incremental_strategy='merge') }}\nselect id, v from {{ source('app', 'events') }}");
        assertThat(build(s -> s.run(Selection.all()), false).success()).isTrue();
        List<Object> before = watcher.fingerprint(schema, "events_inc");
        watcher.execute("update \"" + src + "\".events set v = 'new'; insert into \"" + src + "\".events"
                + " select id, 'new' from generate_series(1001, 1500) id");

        stallAt("events_inc", 700); // rows before it in the merge are already written when it sleeps
        CompletableFuture<RunResult> run = inBackground(s -> s.run(Selection.all()), false);
        int pid = watcher.await(app, "wait_event = 'PgSleep' and query ilike 'merge into%'");
        watcher.terminate(pid);

        assertKilled(await(run));
        unstall("events_inc");
        assertThat(watcher.fingerprint(schema, "events_inc")).isEqualTo(before);
        assertThat(watcher.relations(schema)).containsExactly(List.of("events_inc", "r"));
        assertThat(build(s -> s.run(Selection.all()), false).success()).isTrue();
        assertThat(watcher.query("select v, count(*) from \"" + schema + "\".events_inc group by v"))
                .containsExactly(List.of("new", 1500L));
    }

    @Test
    void aSeedKilledDuringCopyKeepsTheOldRows() throws Exception {
        Path csv = project.resolve("seeds/s.csv");
        TestingProjects.write(csv, csv("old", 1000));
        assertThat(build(s -> s.seed(Selection.all()), false).success()).isTrue();
        List<Object> before = watcher.fingerprint(schema, "s");
        TestingProjects.write(csv, csv("new", 1000));

        stallAt("s", 500); // the table is kept and refilled: truncate, then COPY, which fires the trigger
        CompletableFuture<RunResult> run = inBackground(s -> s.seed(Selection.all()), false);
        int pid = watcher.await(app, "wait_event = 'PgSleep' and query ilike 'copy %'");
        watcher.terminate(pid);

        assertKilled(await(run));
        unstall("s");
        assertThat(watcher.fingerprint(schema, "s")).isEqualTo(before);
        assertThat(watcher.relations(schema)).containsExactly(List.of("s", "r"));
        assertThat(build(s -> s.seed(Selection.all()), false).success()).isTrue();
        assertThat(watcher.query("select v, count(*) from \"" + schema + "\".s group by v"))
                .containsExactly(List.of("new", 1000L));
    }

    @Test
    void aFullRefreshSeedKilledAtTheSwapKeepsTheOldTable() throws Exception {
        Path csv = project.resolve("seeds/s.csv");
        TestingProjects.write(csv, csv("old", 1000));
        assertThat(build(s -> s.seed(Selection.all()), false).success()).isTrue();
        List<Object> before = watcher.fingerprint(schema, "s");
        TestingProjects.write(csv, csv("new", 2000));

        hold("s");
        CompletableFuture<RunResult> run = inBackground(s -> s.seed(Selection.all()), true);
        // the new rows are copied into the temporary table; dropping the old one waits for the lock
        int pid = watcher.await(app, "wait_event_type = 'Lock' and query ilike 'drop table%'");
        watcher.terminate(pid);
        locker.jdbc().rollback();

        assertKilled(await(run));
        assertThat(watcher.fingerprint(schema, "s")).isEqualTo(before);
        assertThat(watcher.relations(schema)).containsExactly(List.of("s", "r"));
        assertThat(build(s -> s.seed(Selection.all()), true).success()).isTrue();
        assertThat(watcher.fingerprint(schema, "s").get(1)).isEqualTo(2000L);
    }

    private static String csv(String value, int rows) {
        return "id,v\n" + IntStream.rangeClosed(1, rows).mapToObj(i -> i + "," + value).collect(Collectors.joining("\n"))
                + "\n";
    }
}
