package dev.sluice.core.internal.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.core.Sluice;
import dev.sluice.core.TestingDatabase;
import dev.sluice.core.TestingProjects;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models' {@code export} config on real PostgreSQL: each format byte for byte, sorting, atomicity, confinement. */
class ExportIT {
    /** Two rows, given out of order, with every kind of value an export must write. */
    private static final String ROWS = """
            select * from (values
                (2, 'b, "quoted"', 2.50::numeric, date '2020-01-02', timestamp '2020-01-02 03:04:05.5',
                 true, '{"k": [1, 2]}'::jsonb, array['x', 'y'], null::text),
                (1, 'a', 10::numeric, date '2020-01-01', timestamp '2020-01-01 00:00:00',
                 false, '{}'::jsonb, array[]::text[], 'n')
            ) as t(id, name, price, day, at, flag, doc, tags, note)
            """;

    @TempDir
    Path dir;
    Path project;
    final List<SluiceEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        project = TestingProjects.copy("shop", dir);
        TestingProjects.writeProfiles(project, "shop", TestingDatabase.targetConfig(TestingDatabase.freshSchema("export")));
    }

    private RunResult build(String model, String config) {
        TestingProjects.write(project.resolve("models/marts/" + model + ".sql"), "{{ config(" + config + ") }}\n" + ROWS);
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString()))
                .listener(events::add).load()) {
            return sluice.run(Selection.of(model));
        }
    }

    private String read(String path) {
        return TestingProjects.read(project.resolve(path));
    }

    @Test
    void jsonIsAnArrayOfRowsSortedByEveryColumn() {
        RunResult run = build("rows_json", "materialized='table', export={'path': 'out/rows.json'}");
        assertThat(run.success()).isTrue();
        assertThat(read("out/rows.json")).isEqualTo("""
                [
                  {
                    "id": 1,
                    "name": "a",
                    "price": 10,
                    "day": "2020-01-01",
                    "at": "2020-01-01T00:00:00",
                    "flag": false,
                    "doc": {},
                    "tags": [],
                    "note": "n"
                  },
                  {
                    "id": 2,
                    "name": "b, \\"quoted\\"",
                    "price": 2.50,
                    "day": "2020-01-02",
                    "at": "2020-01-02T03:04:05.5",
                    "flag": true,
                    "doc": {
                      "k": [
                        1,
                        2
                      ]
                    },
                    "tags": [
                      "x",
                      "y"
                    ],
                    "note": null
                  }
                ]
                """);
        assertThat(events).filteredOn(e -> e instanceof SluiceEvent.Message m
                && m.text().equals("Exported 2 rows of rows_json to out/rows.json")).hasSize(1);
    }

    @Test
    void jsonLinesAndCsvFollowOrderBy() {
        assertThat(build("rows_jsonl", "materialized='view', export={'path': 'out/rows.jsonl', 'order_by': ['id desc']}")
                .success()).isFalse(); // order_by names columns, not expressions
        assertThat(build("rows_jsonl", "materialized='view', export={'path': 'out/rows.jsonl', 'order_by': 'name'}")
                .success()).isTrue();
        assertThat(read("out/rows.jsonl")).isEqualTo("""
                {"id":1,"name":"a","price":10,"day":"2020-01-01","at":"2020-01-01T00:00:00","flag":false,"doc":{},"tags":[],"note":"n"}
                {"id":2,"name":"b, \\"quoted\\"","price":2.50,"day":"2020-01-02","at":"2020-01-02T03:04:05.5","flag":true,"doc":{"k":[1,2]},"tags":["x","y"],"note":null}
                """);
        assertThat(build("rows_csv", "materialized='table', export={'path': 'out/rows.txt', 'format': 'csv'}").success())
                .isTrue();
        assertThat(read("out/rows.txt")).isEqualTo("""
                id,name,price,day,at,flag,doc,tags,note
                1,a,10,2020-01-01,2020-01-01T00:00:00,false,{},[],n
                2,"b, ""quoted\"\"",2.50,2020-01-02,2020-01-02T03:04:05.5,true,"{""k"": [1, 2]}","[x, y]",
                """);
    }

    @Test
    void aDocumentIsTheSingleValueOfAOneRowOneColumnModel() {
        TestingProjects.write(project.resolve("models/marts/doc.sql"), "{{ config(materialized='table', export={'path': "
                + "'out/doc.json', 'shape': 'document'}) }}\nselect json_build_object('b', 1, 'a', json_build_array(true, null)) as graph\n");
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load()) {
            assertThat(sluice.run(Selection.of("doc")).success()).isTrue();
        }
        assertThat(read("out/doc.json")).isEqualTo("{\n  \"b\": 1,\n  \"a\": [\n    true,\n    null\n  ]\n}\n");

        RunResult twoRows = build("two", "materialized='table', export={'path': 'out/two.json', 'shape': 'document'}");
        assertThat(twoRows.success()).isFalse();
        assertThat(twoRows.results().get(0).message()).contains("Cannot export model two as a JSON document: it must"
                + " return one row of one column, but returned 2 rows of 9 columns");
        assertThat(project.resolve("out/two.json")).doesNotExist();
    }

    @Test
    void aFailedExportLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        assertThat(build("keep", "materialized='table', export={'path': 'out/keep.json'}").success()).isTrue();
        String before = read("out/keep.json");
        // the model fails to build: nothing is exported, the old file stays
        TestingProjects.write(project.resolve("models/marts/keep.sql"), "{{ config(materialized='table', export={'path': "
                + "'out/keep.json'}) }}\nselect 1 / 0 as boom\n");
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load()) {
            assertThat(sluice.run(Selection.of("keep")).success()).isFalse();
        }
        assertThat(read("out/keep.json")).isEqualTo(before);
        try (Stream<Path> files = Files.list(project.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keep.json");
        }
    }

    @Test
    void badExportConfigsFailWhenTheProjectLoads() throws IOException {
        assertThat(loadError("{'path': '../outside.json'}")).isEqualTo("models/marts/bad.sql: Cannot export model bad to"
                + " '../outside.json': export paths must stay inside the project directory");
        assertThat(loadError("{'path': '/tmp/abs.json'}")).contains("export paths must stay inside the project directory");
        assertThat(loadError("{'format': 'json'}")).isEqualTo("models/marts/bad.sql: Cannot export model bad: 'export'"
                + " needs a 'path' (e.g. output/bad.json)");
        assertThat(loadError("{'path': 'x.xml', 'format': 'xml'}")).isEqualTo("models/marts/bad.sql: Cannot export model"
                + " bad: format 'xml' is not one of json, jsonl, csv");
        assertThat(loadError("{'path': 'x.csv', 'shape': 'document'}")).isEqualTo("models/marts/bad.sql: Cannot export"
                + " model bad: shape 'document' needs format json");
        assertThat(loadError("'output/x.json'")).contains("'export' must be a mapping such as");
        Files.createSymbolicLink(project.resolve("elsewhere"), dir);
        assertThat(loadError("{'path': 'elsewhere/x.json'}")).contains("export paths must stay inside the project");

        TestingProjects.write(project.resolve("models/marts/bad.sql"), "{{ config(materialized='ephemeral', "
                + "export={'path': 'x.json'}) }}\nselect 1 as one\n");
        assertThat(load().getMessage()).isEqualTo("models/marts/bad.sql: Cannot export model bad: only models built as"
                + " a view or a table have rows to export (remove 'export' from its config, or materialize it)");
    }

    private String loadError(String export) {
        TestingProjects.write(project.resolve("models/marts/bad.sql"), "{{ config(export=" + export + ") }}\nselect 1 as one\n");
        return load().getMessage();
    }

    private SluiceException load() {
        return catchThrowableOfType(SluiceException.class, () -> Sluice.configure().projectDir(project)
                .environment(Map.of("HOME", dir.toString())).load().close());
    }
}
