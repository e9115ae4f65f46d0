package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad projects fail at load with one message that names the file, the line, and what to do. */
class ProjectErrorsTest {
    @TempDir
    Path dir;
    Path project;

    @BeforeEach
    void setUp() {
        project = TestingProjects.copy("shop", dir);
    }

    private SluiceException loadFails() {
        return catchThrowableOfType(SluiceException.class, () -> Sluice.configure().projectDir(project)
                .environment(Map.of("HOME", dir.toString())).load().compile(Selection.all()));
    }

    private void write(String file, String text) {
        TestingProjects.write(project.resolve(file), text);
    }

    @Test
    void unknownRefNamesFileLineAndSuggestion() {
        write("models/marts/countries.sql", "-- totals by country\nselect * from {{ ref('customer_total') }}\n");
        SluiceException e = loadFails();
        assertThat(e.getMessage()).isEqualTo("models/marts/countries.sql:2: Cannot resolve ref('customer_total') in "
                + "countries: no model, seed or snapshot named 'customer_total' exists; did you mean 'customer_totals'?");
        assertThat(e.kind()).isEqualTo(SluiceException.Kind.USER);
    }

    @Test
    void cyclesArePrintedWithTheirPath() {
        write("models/staging/stg_orders.sql", "select * from {{ ref('countries') }}\n");
        SluiceException e = loadFails();
        assertThat(e.getMessage()).contains("Cannot build the graph: found a cycle: ")
                .contains("model.shop.big_orders --> model.shop.customer_totals --> model.shop.countries --> "
                        + "model.shop.stg_orders --> model.shop.big_orders");
    }

    @Test
    void duplicateNamesNameBothFiles() {
        write("models/marts/stg_orders.sql", "select 1\n");
        assertThat(loadFails().getMessage()).isEqualTo("models/staging/stg_orders.sql: Cannot have two resources named "
                + "'stg_orders': models/marts/stg_orders.sql and models/staging/stg_orders.sql (rename one of them, or "
                + "disable one with enabled: false)");
    }

    @Test
    void yamlErrorsNameLineAndColumn() {
        write("models/marts/schema.yml", "version: 2\nmodels:\n  - name: countries\n\tdescription: tab\n");
        assertThat(loadFails().getMessage()).startsWith("models/marts/schema.yml:4:1: Cannot read YAML:");
        write("models/marts/schema.yml", "version: 2\nmodels:\n  - name: a\n    name: b\n");
        assertThat(loadFails().getMessage()).isEqualTo("models/marts/schema.yml:4:5: Cannot read YAML: duplicate key 'name'");
    }

    @Test
    void jinjaSyntaxErrorsPointAtTheTemplateLine() {
        write("models/marts/countries.sql", "select\n  {{ 1 + }}\nfrom x\n");
        assertThat(loadFails().getMessage()).startsWith("models/marts/countries.sql:2:10: Cannot parse "
                + "models/marts/countries.sql: unexpected 'end of print statement'");
    }

    @Test
    void missingVarsFailTheNodeNamingTheCallAndTheFix() {
        write("models/marts/countries.sql", "select\n{{ var('nope') }} as x\n");
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load()) {
            RunResult r = sluice.compile(Selection.of("countries"));
            assertThat(r.success()).isFalse();
            assertThat(r.results().get(0).error().getMessage()).startsWith("models/marts/countries.sql:2: Cannot compile: "
                    + "required var 'nope' not found in config").contains("--vars");
        }
    }

    @Test
    void unknownSourceIsReportedWithItsLine() {
        write("models/staging/stg_payments.sql", "\nselect * from {{ source('billing', 'refunds') }}\n");
        assertThat(loadFails().getMessage()).startsWith("models/staging/stg_payments.sql:2: Cannot resolve "
                + "source('billing', 'refunds')");
    }

    @Test
    void aMissingProfileTargetListsTheTargets() {
        write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    prod:\n      type: postgres\n      schema: x\n");
        SluiceException e = loadFails();
        assertThat(e.getMessage()).contains("Cannot find target 'dev' in profile 'shop' (its targets: prod)");
        assertThat(e.location().file()).endsWith("profiles.yml");
    }

    @Test
    void projectOverridesOfNamingMacrosAreUsed() {
        write("macros/naming.sql", """
                {% macro generate_schema_name(custom_schema_name, node) -%}
                  {{ custom_schema_name if custom_schema_name else target.schema }}
                {%- endmacro %}
                """);
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load()) {
            assertThat(sluice.list(Selection.of("customer_totals")).get(0).relation()).isEqualTo("mrt.customer_totals");
            assertThat(sluice.list(Selection.of("orders")).get(0).relation()).isEqualTo("raw.orders");
        }
    }
}
