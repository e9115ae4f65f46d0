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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Sluice#cancel()} while two models' queries run on the server: both queries are
 * cancelled there, the run returns with the two nodes failed and their child skipped, the old
 * tables keep their rows and no temporary relation is left.
 */
class FaultsCancelIT {
    @TempDir
    Path dir;
    Path project;
    String schema;
    String app;
    TestingBackends watcher;

    @BeforeEach
    void setUp() {
        project = dir.resolve("cancel");
        schema = TestingDatabase.freshSchema("cancel");
        app = "cancel_" + schema;
        TestingProjects.newProject(project, "cancel", TestingDatabase.targetConfig(schema,
                Map.of("application_name", app, "threads", 2)), "");
        watcher = TestingBackends.open();
    }

    @AfterEach
    void tearDown() {
        watcher.close();
    }

    private void models(String slow) {
        for (String name : List.of("a", "b")) {
            TestingProjects.write(project.resolve("models/" + name + ".sql"), "{{ config(materialized='table') }}\n"
                    + "select id, '" + name + "' as v from generate_series(1, 100) id" + slow);
        }
        TestingProjects.write(project.resolve("models/c.sql"), "{{ config(materialized='table') }}\n"
                + "select * from {{ ref('a') }} union all select * from {{ ref('b') }}");
    }

    @Test
    void cancelStopsTheQueriesOnTheServerAndLeavesNothingBehind() throws Exception {
        models("");
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load()) {
            assertThat(sluice.run(Selection.all()).success()).isTrue();
        }
        List<Object> a = watcher.fingerprint(schema, "a");
        List<Object> b = watcher.fingerprint(schema, "b");
        models(", (select pg_sleep(600)) slow");

        RunResult run;
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load()) {
            CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> sluice.run(Selection.all()));
            watcher.await(app, "wait_event = 'PgSleep' and query like '%\"a__dbt_tmp\"%'");
            watcher.await(app, "wait_event = 'PgSleep' and query like '%\"b__dbt_tmp\"%'");
            long t0 = System.nanoTime();
            sluice.cancel();
            run = running.get(TestingBackends.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            System.out.printf("cancel: the run returned %d ms after cancel()%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            // cancelled on the server, not merely abandoned by the client: no query of ours still runs
            assertThat(watcher.backends(app, "state <> 'idle'")).isEmpty();
        }
        Map<String, NodeResult> byName = run.results().stream()
                .collect(Collectors.toMap(r -> r.node().name(), r -> r));
        for (String name : List.of("a", "b")) {
            assertThat(byName.get(name).status()).as(name).isEqualTo(NodeStatus.ERROR);
            assertThat(byName.get(name).message()).as(name)
                    .contains("(SQLSTATE 57014)").contains("canceling statement due to user request");
        }
        assertThat(byName.get("c").status()).isEqualTo(NodeStatus.SKIPPED);
        assertThat(watcher.fingerprint(schema, "a")).isEqualTo(a);
        assertThat(watcher.fingerprint(schema, "b")).isEqualTo(b);
        assertThat(watcher.relations(schema)).containsExactly(List.of("a", "r"), List.of("b", "r"), List.of("c", "r"));
        watcher.awaitNone(app, "true"); // the adapter closed its connections
    }
}
