package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.TestingBackends;
import dev.sluice.core.TestingDatabase;
import dev.sluice.core.TestingProjects;
import dev.sluice.core.spi.TargetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a real {@code sluice run}: the CLI runs in a child JVM and gets SIGINT while its
 * model's query sleeps on the server. The query is cancelled there, the old table keeps its rows,
 * no temporary relation is left, and the process exits with 130.
 */
class FaultsSigintIT {
    @TempDir
    Path dir;

    @Test
    void sigintCancelsTheRunningQueryAndExitsWith130() throws Exception {
        Path project = dir.resolve("sigint");
        String schema = TestingDatabase.freshSchema("sigint");
        String app = "sigint_" + schema;
        TestingProjects.write(project.resolve("dbt_project.yml"), """
                name: sigint
                version: '1.0'
                config-version: 2
                profile: sigint
                """);
        Map<String, Object> settings = new LinkedHashMap<>(TestingDatabase.targetConfig(schema).settings());
        settings.put("application_name", app);
        TestingProjects.writeProfiles(project, "sigint", new TargetConfig("sigint", "test", "postgres", settings, null));
        Path model = project.resolve("models/t.sql");
        TestingProjects.write(model, "{{ config(materialized='table') }}\nselect id from generate_series(1, 100) id");

        try (TestingBackends watcher = TestingBackends.open()) {
            assertThat(sluice(project, "first").waitFor()).isZero(); // waitFor: the child has its own timeout below
            List<Object> before = watcher.fingerprint(schema, "t");
            TestingProjects.write(model, "{{ config(materialized='table') }}\nselect id from generate_series(1, 100) id,"
                    + " (select pg_sleep(600)) slow");

            Process run = sluice(project, "second");
            watcher.await(app, "wait_event = 'PgSleep'");
            new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).inheritIO().start().waitFor();

            assertThat(run.waitFor(TestingBackends.PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the CLI exits after SIGINT").isTrue();
            String out = Files.readString(dir.resolve("second.out"));
            assertThat(run.exitValue()).as(out).isEqualTo(130);
            assertThat(out).contains("canceling statement due to user request").doesNotContain("Exception");
            watcher.awaitNone(app, "true"); // the query was cancelled and the connections closed
            assertThat(watcher.fingerprint(schema, "t")).isEqualTo(before);
            assertThat(watcher.relations(schema)).containsExactly(List.of("t", "r"));
        }
    }

    /** Starts {@code sluice run} on {@code project} in a child JVM with this test's class path. */
    private Process sluice(Path project, String name) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--project-dir", project.toString(), "--profiles-dir", project.toString());
        pb.environment().put("HOME", dir.toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile());
        return pb.start();
    }
}
