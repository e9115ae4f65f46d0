package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run_query in models (a pivot over values read at run time) and run-operation, on real PostgreSQL. */
class OperationsIT {
    @TempDir
    Path dir;
    Path project;
    String schema;
    final List<SluiceEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        project = TestingProjects.copy("shop", dir);
        schema = TestingDatabase.freshSchema("ops");
        TestingProjects.writeProfiles(project, "shop", TestingDatabase.targetConfig(schema));
        TestingProjects.write(project.resolve("models/marts/by_country.sql"), """
                {%- set countries = run_query("select distinct country from " ~ ref('customers') ~ " order by 1")
                    .columns[0].values() if execute else [] -%}
                select
                {%- for c in countries %}
                    sum(case when country = '{{ c }}' then 1 else 0 end) as {{ c | lower }}{{ "," if not loop.last }}
                {%- endfor %}
                from {{ ref('customers') }}
                """);
        TestingProjects.write(project.resolve("macros/ops.sql"), """
                {% macro record(who, times=1) %}
                  {% do run_query("create table if not exists " ~ target.schema ~ ".ops (who text)") %}
                  {% for i in range(times) %}
                    {% do run_query("insert into " ~ target.schema ~ ".ops values ('" ~ who ~ "')") %}
                  {% endfor %}
                  {% set n = run_query("select count(*) as n from " ~ target.schema ~ ".ops").rows[0]['n'] %}
                  {{ log("recorded " ~ who ~ ", " ~ n ~ " rows", info=True) }}
                  {{ return(n) }}
                {% endmacro %}
                """);
    }

    private Sluice load() {
        return Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).listener(events::add)
                .load();
    }

    @Test
    void aModelCanReadValuesWithRunQuery() {
        try (Sluice sluice = load()) {
            assertThat(sluice.build(Selection.of("+by_country")).success()).isTrue();
        }
        assertThat(TestingDatabase.adapter().withConnection(c -> c.query("select de, fr from \"" + schema
                + "_mrt\".by_country")).rows()).containsExactly(List.of(1L, 2L));
    }

    @Test
    void runOperationCallsAMacroWithArguments() {
        Object returned;
        try (Sluice sluice = load()) {
            returned = sluice.runOperation("record", "{who: ada, times: 2}");
        }
        assertThat(returned).isEqualTo(2L);
        assertThat(events).filteredOn(e -> e instanceof SluiceEvent.Message m && m.level() == SluiceEvent.Level.INFO
                && m.text().equals("recorded ada, 2 rows")).hasSize(1);
        try (Sluice sluice = load()) {
            SluiceException e = catchThrowableOfType(SluiceException.class, () -> sluice.runOperation("recrod", null));
            assertThat(e.getMessage()).contains("Cannot run operation recrod: no macro named 'recrod' exists in the"
                    + " project; did you mean 'record'?");
            assertThat(catchThrowableOfType(SluiceException.class, () -> sluice.runOperation("record", "[1]"))
                    .getMessage()).contains("Cannot read --args: expected a YAML or JSON mapping");
        }
    }
}
