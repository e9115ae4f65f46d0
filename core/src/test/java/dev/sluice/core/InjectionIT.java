package dev.sluice.core;

import static dev.sluice.core.TestingDatabase.rows;
import static dev.sluice.core.TestingDatabase.sql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identifiers from configs and seed headers are quoted, never spliced into SQL: a seed header, a
 * model alias and a custom schema written to break out of their quotes become exactly the names
 * they spell, and a table they try to drop is still there.
 */
class InjectionIT {
    private static final String HOSTILE = "x\"; drop table %s.victim; --";

    @TempDir
    Path dir;

    @Test
    void hostileNamesAreJustNames() {
        Path project = dir.resolve("inj");
        String schema = TestingDatabase.freshSchema("inj");
        String victim = "\"" + schema + "\"";
        sql("create table " + victim + ".victim (id int); insert into " + victim + ".victim values (1)");
        String hostile = String.format(HOSTILE, victim);
        TestingProjects.newProject(project, "inj", schema, "");
        TestingProjects.write(project.resolve("seeds/people.csv"), "id,\"" + hostile.replace("\"", "\"\"") + "\"\n1,ada\n");
        TestingProjects.write(project.resolve("models/weird.sql"), "{{ config(alias='we\"ird; drop table "
                + victim.replace("\"", "\\\"") + ".victim; --') }}\nselect 1 as id\n");
        TestingProjects.write(project.resolve("models/tagged.sql"), "{{ config(schema='s\"; drop table victim; --') }}\n"
                + "select 2 as id\n");

        RunResult r;
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load()) {
            r = sluice.build(Selection.all());
        }
        assertThat(r.success()).as(r.toString()).isTrue();
        assertThat(rows("select count(*) from " + victim + ".victim").get(0).get(0)).isEqualTo(1L);
        assertThat(rows("select column_name from information_schema.columns where table_schema = '" + schema
                + "' and table_name = 'people' order by ordinal_position")).extracting(x -> x.get(0))
                .containsExactly("id", hostile);
        assertThat(rows("select count(*) from information_schema.tables where table_schema = '" + schema
                + "' and table_name like 'we\"ird%'").get(0).get(0)).isEqualTo(1L);
        List<List<Object>> schemas = rows("select nspname from pg_namespace where nspname like '" + schema + "_s\"%'");
        assertThat(schemas).hasSize(1); // dropped with the test's other schemas (<schema>_...) when the tests end
    }
}
