package dev.sluice.core;

import static dev.sluice.core.TestingDatabase.rows;
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

/** Hooks, grants and persist_docs on real PostgreSQL, in the model's transaction; on-run-start and on-run-end. */
class HooksIT {
    @TempDir
    Path dir;
    Path project;
    String schema;

    @BeforeEach
    void setUp() {
        project = dir.resolve("hooks");
        schema = TestingDatabase.freshSchema("hooks");
        TestingProjects.write(project.resolve("dbt_project.yml"), """
                name: hooks
                version: '1.0'
                config-version: 2
                profile: hooks
                on-run-start:
                  - "create table if not exists {{ target.schema }}.audit (model text, note text)"
                on-run-end:
                  - "insert into {{ target.schema }}.audit select 'run', '{{ results | length }} results, {{ schemas | join(',') }}'"
                models:
                  hooks:
                    +post-hook: "insert into {{ target.schema }}.audit values ('{{ this.identifier }}', 'folder')"
                """);
        TestingProjects.writeProfiles(project, "hooks", TestingDatabase.targetConfig(schema));
        TestingProjects.write(project.resolve("models/schema.yml"), """
                version: 2
                models:
                  - name: people
                    description: Everyone, once.
                    config:
                      persist_docs: {relation: true, columns: true}
                      grants: {select: [public]}
                    columns:
                      - name: name
                        description: "The person's name"
                """);
    }

    private void model(String sql) {
        TestingProjects.write(project.resolve("models/people.sql"), sql);
    }

    private RunResult run() {
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load()) {
            return sluice.run(Selection.all());
        }
    }

    @Test
    void hooksRunAroundTheModelAndTheRun() {
        model("{{ config(materialized='table', pre_hook=\"insert into {{ target.schema }}.audit values ('pre', '{{ this }}')\") }}\n"
                + "select 'ada' as name");
        RunResult run = run();
        assertThat(run.success()).isTrue();
        assertThat(rows("select model, note from \"" + schema + "\".audit order by model")).containsExactly(
                List.of("people", "folder"),
                List.of("pre", "\"" + TestingDatabase.targetConfig(schema).settings().get("dbname") + "\".\"" + schema
                        + "\".\"people\""),
                List.of("run", "1 results, " + schema));
        // persist_docs and grants
        assertThat(rows("select obj_description('\"" + schema + "\".people'::regclass, 'pg_class'), col_description('\""
                + schema + "\".people'::regclass, 1)")).containsExactly(List.of("Everyone, once.", "The person's name"));
        assertThat(rows("select count(*) from information_schema.role_table_grants where table_schema = '" + schema
                + "' and table_name = 'people' and grantee = 'PUBLIC' and privilege_type = 'SELECT'"))
                .containsExactly(List.of(1L));
    }

    @Test
    void aFailingPostHookLeavesThePreviousRelation() {
        model("{{ config(materialized='table') }}\nselect 'ada' as name");
        assertThat(run().success()).isTrue();
        model("{{ config(materialized='table', post_hook='select 1 / 0') }}\nselect 'bob' as name");
        RunResult failed = run();
        assertThat(failed.results().get(0).status()).isEqualTo(NodeStatus.ERROR);
        assertThat(failed.results().get(0).message()).contains("division by zero");
        assertThat(rows("select name from \"" + schema + "\".people")).containsExactly(List.of("ada"));
    }
}
