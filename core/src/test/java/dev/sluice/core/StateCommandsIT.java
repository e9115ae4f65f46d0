package dev.sluice.core;

import static dev.sluice.core.TestingDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What works from another run's artifacts, on real PostgreSQL: --defer (refs to unselected nodes
 * read production's relations when the dev schema lacks them), clone, retry, and the
 * --store-failures flag. "Production" is a build into one schema whose target/ is kept; "dev" is
 * the same project pointed at another schema.
 */
class StateCommandsIT {
    @TempDir
    Path dir;
    Path project;
    String prod;
    Path prodState;

    @BeforeEach
    void setUp() {
        project = dir.resolve("st");
        TestingProjects.write(project.resolve("dbt_project.yml"), """
                name: st
                version: '1.0'
                config-version: 2
                profile: st
                """);
        TestingProjects.write(project.resolve("seeds/raw.csv"), "id,v\n1,10\n2,20\n");
        TestingProjects.write(project.resolve("models/a.sql"), "select id, v * 2 as v from {{ ref('raw') }}\n");
        TestingProjects.write(project.resolve("models/b.sql"), "{{ config(materialized='table') }}\nselect id, v from {{ ref('a') }}\n");
        TestingProjects.write(project.resolve("models/schema.yml"), """
                version: 2
                models:
                  - name: b
                    columns:
                      - name: id
                        data_tests: [not_null]
                      - name: v
                        data_tests:
                          - accepted_values:
                              arguments: {values: [20, 40]}
                """);
        prod = target("prod");
        try (Sluice sluice = open(Sluice.configure())) {
            assertThat(sluice.build(Selection.all()).success()).isTrue();
        }
        prodState = TestingProjects.copyDirectory(project.resolve("target"), dir.resolve("prod-target"));
    }

    /** Points the project at a fresh schema named after {@code prefix} and returns it. */
    private String target(String prefix) {
        String schema = TestingDatabase.freshSchema(prefix);
        TestingProjects.writeProfiles(project, "st", TestingDatabase.targetConfig(schema));
        return schema;
    }

    private Sluice open(Sluice.Configuration c) {
        return c.projectDir(project).environment(Map.of("HOME", dir.toString())).load();
    }

    private static String viewDefinition(String schema, String view) {
        return String.valueOf(rows("select definition from pg_views where schemaname = '" + schema + "' and viewname = '"
                + view + "'").get(0).get(0));
    }

    private static NodeStatus status(RunResult r, String uniqueId) {
        return r.results().stream().filter(n -> n.node().uniqueId().equals(uniqueId)).map(NodeResult::status)
                .findFirst().orElseThrow(() -> new AssertionError(uniqueId + " did not run: " + r.results()));
    }

    @Test
    void deferReadsProductionForWhatDevHasNotBuilt() {
        String dev = target("dev");
        try (Sluice sluice = open(Sluice.configure().defer(prodState))) {
            RunResult r = sluice.run(Selection.of("b"));
            assertThat(r.success()).as(r.toString()).isTrue();
        }
        // b was built in dev from production's a
        assertThat(rows("select id, v from \"" + dev + "\".b order by id")).containsExactly(List.of(1, 20), List.of(2, 40));
        assertThat(TestingProjects.read(project.resolve("target/run/st/models/b.sql"))).contains("\"" + prod + "\".\"a\"");

        // once dev has its own a, b reads it (unless --favor-state)
        try (Sluice sluice = open(Sluice.configure().defer(prodState))) {
            assertThat(sluice.run(Selection.of("+a")).success()).isTrue();
            assertThat(sluice.run(Selection.of("b")).success()).isTrue();
        }
        assertThat(TestingProjects.read(project.resolve("target/run/st/models/b.sql"))).contains("\"" + dev + "\".\"a\"");
        try (Sluice sluice = open(Sluice.configure().defer(prodState).favorState(true))) {
            assertThat(sluice.run(Selection.of("b")).success()).isTrue();
        }
        assertThat(TestingProjects.read(project.resolve("target/run/st/models/b.sql"))).contains("\"" + prod + "\".\"a\"");
        // without --defer, a missing parent is an error from the database
        String empty = target("nodefer");
        try (Sluice sluice = open(Sluice.configure())) {
            assertThat(sluice.run(Selection.of("b")).success()).isFalse();
        }
        assertThat(rows("select count(*) from pg_tables where schemaname = '" + empty + "'").get(0).get(0)).isEqualTo(0L);
    }

    @Test
    void cloneMakesViewsOfProductionAndLeavesExistingRelations() {
        String dev = target("clone");
        try (Sluice sluice = open(Sluice.configure())) {
            RunResult r = sluice.cloneFromState(Selection.all().withState(prodState));
            assertThat(r.results()).extracting(n -> n.node().name() + "=" + n.message())
                    .containsExactlyInAnyOrder("raw=CREATE VIEW", "a=CREATE VIEW", "b=CREATE VIEW");
        }
        assertThat(viewDefinition(dev, "b")).contains(prod + ".b");
        assertThat(rows("select id, v from \"" + dev + "\".b order by id")).containsExactly(List.of(1, 20), List.of(2, 40));

        try (Sluice sluice = open(Sluice.configure())) {
            RunResult again = sluice.cloneFromState(Selection.of("b").withState(prodState));
            assertThat(again.results()).singleElement().satisfies(n -> assertThat(n.message()).startsWith("No-op"));
        }
        try (Sluice sluice = open(Sluice.configure().fullRefresh(true))) {
            RunResult forced = sluice.cloneFromState(Selection.of("b").withState(prodState));
            assertThat(forced.results()).singleElement().satisfies(n -> assertThat(n.message()).isEqualTo("CREATE VIEW"));
        }
        try (Sluice sluice = open(Sluice.configure())) {
            assertThatThrownBy(() -> sluice.cloneFromState(Selection.all())).isInstanceOf(SluiceException.class)
                    .hasMessageContaining("give --state DIR");
        }
    }

    @Test
    void retryRunsWhatFailedOrWasSkippedWithTheSameCommand() {
        target("retry");
        TestingProjects.write(project.resolve("models/a.sql"), "select id, v * 2 as v, no_such_column from {{ ref('raw') }}\n");
        try (Sluice sluice = open(Sluice.configure())) {
            RunResult first = sluice.build(Selection.all());
            assertThat(status(first, "model.st.a")).isEqualTo(NodeStatus.ERROR);
            assertThat(status(first, "model.st.b")).isEqualTo(NodeStatus.SKIPPED);
        }
        TestingProjects.write(project.resolve("models/a.sql"), "select id, v * 2 as v from {{ ref('raw') }}\n");
        try (Sluice sluice = open(Sluice.configure())) {
            RunResult retry = sluice.retry();
            assertThat(retry.command()).isEqualTo("build");
            assertThat(retry.results()).extracting(n -> n.node().name())
                    .containsExactlyInAnyOrder("a", "b", "not_null_b_id", "accepted_values_b_v__20__40");
            assertThat(retry.success()).isTrue();
            // everything passed: nothing left to retry
            assertThat(sluice.retry().results()).isEmpty();
        }
    }

    @Test
    void storeFailuresFlagKeepsFailingRowsUnlessATestSaysNot() {
        String dev = target("storefail");
        TestingProjects.write(project.resolve("seeds/raw.csv"), "id,v\n1,10\n2,20\n3,30\n");
        try (Sluice sluice = open(Sluice.configure().storeFailures(true))) {
            RunResult r = sluice.build(Selection.all());
            assertThat(status(r, r.results().stream().filter(n -> n.node().name().startsWith("accepted_values"))
                    .findFirst().orElseThrow().node().uniqueId())).isEqualTo(NodeStatus.FAIL);
        }
        assertThat(rows("select value_field from \"" + dev + "_dbt_test__audit\".accepted_values_b_v__20__40"))
                .containsExactly(List.of(60));
        // the test that passed stored its (empty) result too, as dbt does
        assertThat(rows("select count(*) from \"" + dev + "_dbt_test__audit\".not_null_b_id").get(0).get(0)).isEqualTo(0L);
    }
}
