package dev.sluice.core;

import static dev.sluice.core.TestingDatabase.sql;
import static dev.sluice.core.TestingDatabase.rows;
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
 * A project's own materializations ({@code {% materialization name, adapter=... %}}) on real
 * PostgreSQL, written the way dbt's docs write them: statement blocks, hooks, relations from
 * {@code adapter.get_relation} and {@code api.Relation.create}, {@code load_result}, and the
 * required {@code return({'relations': [...]})}. They run in one transaction, so a failure keeps
 * what was there.
 */
class CustomMaterializationIT {
    @TempDir
    Path dir;
    Path project;
    String schema;

    @BeforeEach
    void setUp() {
        project = dir.resolve("cm");
        schema = TestingDatabase.freshSchema("cm");
        TestingProjects.newProject(project, "cm", schema, "");
        TestingProjects.write(project.resolve("macros/append_only.sql"), """
                {% materialization append_only, default %}
                  {%- set target_relation = api.Relation.create(database=this.database, schema=this.schema,
                                                                identifier=this.identifier, type='table') -%}
                  {%- set existing = adapter.get_relation(database=this.database, schema=this.schema,
                                                          identifier=this.identifier) -%}
                  {{ run_hooks(pre_hooks, inside_transaction=True) }}
                  {% if existing is none %}
                    {% call statement('main') -%}
                      {{ create_table_as(False, target_relation, sql) }}
                    {%- endcall %}
                  {% else %}
                    {% call statement('main') -%}
                      insert into {{ target_relation }} {{ sql }}
                    {%- endcall %}
                  {% endif %}
                  {% call statement('count', fetch_result=True) -%}
                    select count(*) as n from {{ target_relation }}
                  {%- endcall %}
                  {% set n = load_result('count')['data'][0][0] %}
                  {% call statement() -%}
                    insert into {{ target_relation.schema }}_log.loads values ('{{ this.identifier }}', {{ n }})
                  {%- endcall %}
                  {{ run_hooks(post_hooks, inside_transaction=True) }}
                  {{ adapter.commit() }}
                  {{ return({'relations': [target_relation]}) }}
                {% endmaterialization %}
                """);
        TestingProjects.write(project.resolve("models/events.sql"), """
                {{ config(materialized='append_only', post_hook="insert into {{ this.schema }}_log.loads values ('post', 0)") }}
                select 1 as id, 'x' as what
                """);
        sql("create schema \"" + schema + "_log\"; create table \"" + schema + "_log\".loads (model text, n bigint)");
    }

    private RunResult run() {
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load()) {
            return sluice.run(Selection.all());
        }
    }

    private static NodeResult only(RunResult r) {
        assertThat(r.results()).hasSize(1);
        return r.results().get(0);
    }

    @Test
    void runsTheProjectsMaterializationWithStatementsHooksAndResults() {
        NodeResult first = only(run());
        assertThat(first.status()).as(first.toString()).isEqualTo(NodeStatus.SUCCESS);
        assertThat(first.message()).isEqualTo("SELECT 1");
        NodeResult second = only(run());
        assertThat(second.message()).isEqualTo("INSERT 0 1");
        assertThat(rows("select count(*) from \"" + schema + "\".events").get(0).get(0)).isEqualTo(2L);
        assertThat(rows("select model, n from \"" + schema + "_log\".loads order by n, model")).containsExactly(
                List.of("post", 0L), List.of("post", 0L), List.of("events", 1L), List.of("events", 2L));
    }

    @Test
    void aFailureRollsBackEverythingItDid() {
        run();
        TestingProjects.write(project.resolve("models/events.sql"), """
                {{ config(materialized='append_only') }}
                select 1/0 as id, 'x' as what
                """);
        NodeResult failed = only(run());
        assertThat(failed.status()).isEqualTo(NodeStatus.ERROR);
        assertThat(failed.message()).contains("models/events.sql").contains("materialization append_only")
                .contains("division by zero");
        assertThat(rows("select count(*) from \"" + schema + "\".events").get(0).get(0)).isEqualTo(1L);
        assertThat(rows("select count(*) from \"" + schema + "_log\".loads").get(0).get(0)).isEqualTo(2L);
    }

    @Test
    void aProjectMaterializationReplacesTheBuiltInOneAndMustReturnItsRelations() {
        TestingProjects.write(project.resolve("macros/table.sql"), """
                {% materialization table, adapter='postgres' %}
                  {% call statement('main') -%}
                    insert into {{ this.schema }}_log.loads values ('custom table {{ this.identifier }}', 7)
                  {%- endcall %}
                {% endmaterialization %}
                """);
        TestingProjects.write(project.resolve("models/events.sql"), "{{ config(materialized='table') }}\nselect 1 as id\n");
        NodeResult r = only(run());
        assertThat(r.status()).isEqualTo(NodeStatus.ERROR);
        assertThat(r.message()).contains("materialization 'table' (macro materialization_table_postgres) must end with"
                + " {{ return({'relations': [target_relation]}) }}");
        // it ran, in a transaction that was then rolled back
        assertThat(rows("select count(*) from \"" + schema + "_log\".loads").get(0).get(0)).isEqualTo(0L);
        assertThat(rows("select count(*) from pg_tables where schemaname = '" + schema + "'").get(0).get(0)).isEqualTo(0L);
    }
}
