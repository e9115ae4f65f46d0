package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs at the same time: two library invocations on different targets in one JVM, and 1,000
 * models on 8 threads. Neither deadlocks (each must end within a generous bound), and what they
 * build is row for row what a one-thread run builds.
 */
class FaultsConcurrencyIT {
    private static final Duration NO_DEADLOCK = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    /** A project of {@code models} tables: a few roots, each other model reads two earlier ones. */
    private Path project(String name, int models, List<String> schemas) {
        Path project = dir.resolve(name);
        TestingProjects.write(project.resolve("dbt_project.yml"), "name: " + name
                + "\nversion: '1.0'\nconfig-version: 2\nprofile: " + name + "\nmodels:\n  " + name
                + ":\n    +materialized: table\n");
        StringBuilder profiles = new StringBuilder(name + ":\n  target: t0\n  outputs:\n");
        Map<String, Object> server = TestingDatabase.targetConfig("unused").settings();
        for (int i = 0; i < schemas.size(); i++) {
            profiles.append("    t").append(i).append(":\n      type: postgres\n");
            for (String key : List.of("host", "port", "user", "password", "dbname")) {
                if (server.get(key) != null) {
                    profiles.append("      ").append(key).append(": '").append(server.get(key)).append("'\n");
                }
            }
            profiles.append("      schema: ").append(schemas.get(i)).append("\n      threads: 1\n      retries: 0\n");
        }
        TestingProjects.write(project.resolve("profiles.yml"), profiles.toString());
        for (int i = 0; i < models; i++) {
            String sql = i < 10
                    ? "select g as id, md5(g::text) as h from generate_series(1, 20) g"
                    : "select a.id, md5(a.h || b.h || '{{ var(\"salt\", target.name) }}' || " + i + ") as h"
                            + " from {{ ref('m" + (i / 2) + "') }} a join {{ ref('m" + (i - 7) + "') }} b using (id)";
            TestingProjects.write(project.resolve("models/m" + i + ".sql"), sql + "\n");
        }
        return project;
    }

    private RunResult run(Path project, String target, int threads) {
        return run(project, target, threads, target);
    }

    /** {@code salt} goes into every model's rows in place of the target's name. */
    private RunResult run(Path project, String target, int threads, String salt) {
        try (Sluice sluice = Sluice.configure().projectDir(project).target(target).threads(threads).var("salt", salt)
                .environment(Map.of("HOME", dir.toString())).load()) {
            return sluice.run(Selection.all());
        }
    }

    /** Per model: status and message of the run, and the md5 of the table's rows. */
    private static Map<String, List<Object>> outcome(RunResult run, String schema) {
        Map<String, List<Object>> out = new TreeMap<>();
        try (TestingBackends db = TestingBackends.open()) {
            for (NodeResult r : run.results()) {
                List<Object> f = db.fingerprint(schema, r.node().name());
                out.put(r.node().name(), List.of(r.status(), r.message(), f.get(1), f.get(2)));
            }
        }
        return out;
    }

    private static <T> T withoutDeadlock(Supplier<T> work) {
        return assertTimeoutPreemptively(NO_DEADLOCK, work::get, "deadlock? no end within " + NO_DEADLOCK);
    }

    @Test
    void twoInvocationsOnDifferentTargetsAtOnce() {
        List<String> schemas = List.of(TestingDatabase.freshSchema("two_a"), TestingDatabase.freshSchema("two_b"));
        Path project = project("two", 100, schemas);
        CyclicBarrier start = new CyclicBarrier(2);
        List<RunResult> together = withoutDeadlock(() -> {
            List<CompletableFuture<RunResult>> runs = new ArrayList<>();
            for (String target : List.of("t0", "t1")) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return run(project, target, 4);
                }));
            }
            return runs.stream().map(CompletableFuture::join).toList();
        });
        assertThat(together).allSatisfy(r -> assertThat(r.success()).isTrue());
        Map<String, List<Object>> t0 = outcome(together.get(0), schemas.get(0));
        Map<String, List<Object>> t1 = outcome(together.get(1), schemas.get(1));
        // t0 again, alone and on one thread: the same rows as it built beside t1
        Map<String, List<Object>> alone = outcome(run(project, "t0", 1), schemas.get(0));
        assertThat(t0).isEqualTo(alone);
        // t1 differs where the models read the target's name: not one table of t0's leaked into it
        assertThat(t1.keySet()).isEqualTo(alone.keySet());
        assertThat(t1.get("m50").get(3)).isNotEqualTo(alone.get("m50").get(3));
        assertThat(t1.get("m5")).isEqualTo(alone.get("m5"));
    }

    @Test
    void aThousandModelsOnEightThreadsBuildWhatOneThreadBuilds() {
        List<String> schemas = List.of(TestingDatabase.freshSchema("k_one"), TestingDatabase.freshSchema("k_eight"));
        Path project = project("thousand", 1_000, schemas);
        long t0 = System.nanoTime();
        RunResult one = withoutDeadlock(() -> run(project, "t0", 1, "same"));
        long t1 = System.nanoTime();
        RunResult eight = withoutDeadlock(() -> run(project, "t1", 8, "same"));
        long t2 = System.nanoTime();
        System.out.printf("concurrency: 1,000 models in %.1f s on 1 thread, %.1f s on 8 threads%n", (t1 - t0) / 1e9,
                (t2 - t1) / 1e9);
        assertThat(one.success()).isTrue();
        assertThat(eight.results()).hasSize(1_000);
        assertThat(outcome(eight, schemas.get(1))).isEqualTo(outcome(one, schemas.get(0)));
    }
}
