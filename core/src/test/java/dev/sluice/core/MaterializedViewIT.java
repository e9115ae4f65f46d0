package dev.sluice.core;

import static dev.sluice.core.TestingDatabase.sql;
import static dev.sluice.core.TestingDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * materialized_view models and the indexes config on real PostgreSQL: created, then refreshed in
 * place; index changes applied, ignored or refused per on_configuration_change; a changed query
 * warned about and rebuilt with --full-refresh; another kind of relation in the way replaced.
 */
class MaterializedViewIT {
    @TempDir
    Path dir;
    Path project;
    String schema;
    String src;
    final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        project = dir.resolve("mv");
        schema = TestingDatabase.freshSchema("mv");
        src = schema + "_src";
        TestingProjects.newProject(project, "mv", schema, "");
        TestingProjects.write(project.resolve("models/sources.yml"), """
                sources:
                  - name: app
                    schema: "%s"
                    tables: [{name: events}]
                """.formatted(src));
        sql("create schema \"" + src + "\"; create table \"" + src + "\".events (id int, kind text);"
                + " insert into \"" + src + "\".events values (1, 'a'), (2, 'b'), (3, 'a')");
        model("materialized_view", "indexes=[{'columns': ['kind']}]", "kind, count(*) as n");
    }

    private void model(String materialized, String extra, String columns) {
        TestingProjects.write(project.resolve("models/kinds.sql"), "{{ config(materialized='" + materialized + "'"
                + (extra.isEmpty() ? "" : ", " + extra) + ") }}\nselect " + columns + " from {{ source('app', 'events') }}"
                + " group by kind\n");
    }

    private RunResult run(boolean fullRefresh) {
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString()))
                .fullRefresh(fullRefresh).listener(e -> {
                    if (e instanceof SluiceEvent.Message m && m.level() == SluiceEvent.Level.WARN) {
                        warnings.add(m.text());
                    }
                }).load()) {
            return sluice.run(Selection.all());
        }
    }

    private Object oid() {
        return rows("select '\"" + schema + "\".kinds'::regclass::oid").get(0).get(0);
    }

    private String relkind() {
        return String.valueOf(rows("select relkind from pg_class where oid = '\"" + schema + "\".kinds'::regclass").get(0).get(0));
    }

    private List<String> indexColumns() {
        return rows("select indexdef from pg_indexes where schemaname = '" + schema + "' and tablename = 'kinds' order by 1")
                .stream().map(r -> String.valueOf(r.get(0)).replaceAll(".*\\((.*)\\)$", "$1")).toList();
    }

    private static NodeResult only(RunResult r) {
        assertThat(r.results()).hasSize(1);
        return r.results().get(0);
    }

    @Test
    void createdThenRefreshedInPlace() {
        assertThat(only(run(false)).message()).isEqualTo("CREATE MATERIALIZED VIEW");
        assertThat(relkind()).isEqualTo("m");
        assertThat(indexColumns()).containsExactly("kind");
        Object oid = oid();
        sql("insert into \"" + src + "\".events values (4, 'b')");

        assertThat(only(run(false)).message()).isEqualTo("REFRESH MATERIALIZED VIEW");
        assertThat(oid()).isEqualTo(oid);
        assertThat(rows("select kind, n from \"" + schema + "\".kinds order by kind"))
                .containsExactly(List.of("a", 2L), List.of("b", 2L));
        assertThat(warnings).isEmpty();
    }

    @Test
    void indexChangesFollowOnConfigurationChange() {
        run(false);
        Object oid = oid();
        model("materialized_view", "indexes=[{'columns': ['kind', 'n'], 'unique': true}], on_configuration_change='continue'",
                "kind, count(*) as n");
        assertThat(only(run(false)).status()).isEqualTo(NodeStatus.SUCCESS);
        assertThat(indexColumns()).containsExactly("kind");
        assertThat(warnings).anyMatch(w -> w.contains("indexes of materialized view kinds changed"));

        model("materialized_view", "indexes=[{'columns': ['kind', 'n'], 'unique': true}], on_configuration_change='fail'",
                "kind, count(*) as n");
        NodeResult failed = only(run(false));
        assertThat(failed.status()).isEqualTo(NodeStatus.ERROR);
        assertThat(failed.message()).contains("models/kinds.sql").contains("on_configuration_change is 'fail'");
        assertThat(oid()).isEqualTo(oid);

        model("materialized_view", "indexes=[{'columns': ['kind', 'n'], 'unique': true}]", "kind, count(*) as n");
        assertThat(only(run(false)).message()).isEqualTo("REFRESH MATERIALIZED VIEW");
        assertThat(indexColumns()).containsExactly("kind, n");
        assertThat(rows("select indexdef from pg_indexes where schemaname = '" + schema + "'").get(0).get(0).toString())
                .startsWith("CREATE UNIQUE INDEX");
        assertThat(oid()).isEqualTo(oid);
    }

    @Test
    void aChangedQueryIsWarnedAboutAndRebuiltWithFullRefresh() {
        run(false);
        model("materialized_view", "", "kind, count(*) as n, max(id) as last_id");
        run(false);
        assertThat(warnings).anyMatch(w -> w.contains("query of materialized view kinds changed"));
        assertThat(rows("select count(*) from pg_attribute where attrelid = '\"" + schema + "\".kinds'::regclass"
                + " and attnum > 0").get(0).get(0)).isEqualTo(2L);

        assertThat(only(run(true)).message()).isEqualTo("CREATE MATERIALIZED VIEW");
        assertThat(rows("select kind, last_id from \"" + schema + "\".kinds order by kind"))
                .containsExactly(List.of("a", 3), List.of("b", 2));
        assertThat(indexColumns()).isEmpty();
    }

    @Test
    void replacesAnotherKindOfRelationAndIndexesTables() {
        model("table", "indexes=[{'columns': ['kind'], 'type': 'hash'}]", "kind, count(*) as n");
        assertThat(only(run(false)).status()).isEqualTo(NodeStatus.SUCCESS);
        assertThat(relkind()).isEqualTo("r");
        assertThat(rows("select indexdef from pg_indexes where schemaname = '" + schema + "'").get(0).get(0).toString())
                .contains("USING hash (kind)");
        // rebuilt tables get their index again
        assertThat(only(run(false)).status()).isEqualTo(NodeStatus.SUCCESS);
        assertThat(indexColumns()).containsExactly("kind");

        model("materialized_view", "", "kind, count(*) as n");
        assertThat(only(run(false)).message()).isEqualTo("CREATE MATERIALIZED VIEW");
        assertThat(relkind()).isEqualTo("m");
    }
}
