package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.artifacts.SchemaValidation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt's model versions on real PostgreSQL, after the docs' dim_customers example: two versions
 * of one model from dim_customers_v1.sql and a file named by defined_in, latest_version, plain and
 * versioned refs, the version: selector, version-level config, and the manifest's version fields.
 */
class ModelVersionsIT {
    @TempDir
    Path dir;
    Path project;
    String schema;

    @BeforeEach
    void setUp() {
        project = dir.resolve("mv");
        schema = TestingDatabase.freshSchema("versions");
        TestingProjects.newProject(project, "mv", schema, "");
        TestingProjects.write(project.resolve("models/dim_customers_v1.sql"),
                "select 1 as customer_id, 'ada' as name, 'FR' as country_name\n");
        TestingProjects.write(project.resolve("models/dim_customers_new.sql"),
                "select 1 as customer_id, 'ada' as name, 'FR' as country_code\n");
        TestingProjects.write(project.resolve("models/dim_customers_v3.sql"),
                "select 1 as customer_id, 'ada' as name, 'FR' as country_code, true as is_active\n");
        TestingProjects.write(project.resolve("models/schema.yml"), """
                models:
                  - name: dim_customers
                    description: One row per customer.
                    latest_version: 2
                    versions:
                      - v: 1
                      - v: 2
                        defined_in: dim_customers_new
                        config: {materialized: table}
                      - v: 3
                """);
        TestingProjects.write(project.resolve("models/customer_countries.sql"),
                "select country_code from {{ ref('dim_customers') }}\n");
        TestingProjects.write(project.resolve("models/legacy_countries.sql"),
                "select country_name from {{ ref('dim_customers', v=1) }}\n");
        TestingProjects.write(project.resolve("models/next_countries.sql"),
                "select is_active from {{ ref('dim_customers', version=3) }}\n");
    }

    private Sluice open() {
        return Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load();
    }

    private List<List<Object>> rows(String sql) {
        return TestingDatabase.adapter().withConnection(c -> c.query(sql).rows());
    }

    @Test
    void eachVersionIsBuiltAndRefsPickTheirs() throws Exception {
        RunResult r;
        try (Sluice sluice = open()) {
            r = sluice.run(Selection.all());
        }
        assertThat(r.success()).as(r.toString()).isTrue();
        assertThat(r.results()).extracting(n -> n.node().uniqueId()).contains("model.mv.dim_customers.v1",
                "model.mv.dim_customers.v2", "model.mv.dim_customers.v3");
        // each version is its own relation, named <model>_v<version>; v2 is a table by its own config
        assertThat(rows("select table_name, table_type from information_schema.tables where table_schema = '" + schema
                + "' and table_name like 'dim_customers%' order by 1")).containsExactly(
                        List.of("dim_customers_v1", "VIEW"), List.of("dim_customers_v2", "BASE TABLE"),
                        List.of("dim_customers_v3", "VIEW"));
        assertThat(TestingProjects.read(project.resolve("target/compiled/mv/models/customer_countries.sql")))
                .contains("\"dim_customers_v2\"");
        assertThat(TestingProjects.read(project.resolve("target/compiled/mv/models/legacy_countries.sql")))
                .contains("\"dim_customers_v1\"");
        assertThat(TestingProjects.read(project.resolve("target/compiled/mv/models/next_countries.sql")))
                .contains("\"dim_customers_v3\"");

        String manifest = TestingProjects.read(project.resolve("target/manifest.json"));
        assertThat(SchemaValidation.errors(SchemaValidation.MANIFEST, manifest)).isEmpty();
        JsonNode v1 = new ObjectMapper().readTree(manifest).path("nodes").path("model.mv.dim_customers.v1");
        assertThat(v1.path("name").asText()).isEqualTo("dim_customers");
        assertThat(v1.path("version").asLong()).isEqualTo(1);
        assertThat(v1.path("latest_version").asLong()).isEqualTo(2);
        assertThat(v1.path("description").asText()).isEqualTo("One row per customer.");
        assertThat(v1.path("fqn").toString()).isEqualTo("[\"mv\",\"dim_customers\",\"v1\"]");
    }

    @Test
    void selectionByNameAndByVersion() {
        try (Sluice sluice = open()) {
            assertThat(sluice.list(Selection.of("dim_customers"))).extracting(NodeInfo::uniqueId).containsExactlyInAnyOrder(
                    "model.mv.dim_customers.v1", "model.mv.dim_customers.v2", "model.mv.dim_customers.v3");
            assertThat(sluice.list(Selection.of("version:latest"))).extracting(NodeInfo::uniqueId)
                    .containsExactly("model.mv.dim_customers.v2");
            assertThat(sluice.list(Selection.of("version:old"))).extracting(NodeInfo::uniqueId)
                    .containsExactly("model.mv.dim_customers.v1");
            assertThat(sluice.list(Selection.of("version:prerelease"))).extracting(NodeInfo::uniqueId)
                    .containsExactly("model.mv.dim_customers.v3");
            assertThat(sluice.list(Selection.of("version:none"))).hasSize(3);
            assertThat(sluice.list(Selection.of("+legacy_countries"))).extracting(NodeInfo::uniqueId)
                    .containsExactly("model.mv.dim_customers.v1", "model.mv.legacy_countries");
        }
    }

    @Test
    void mistakesNameTheFile() {
        TestingProjects.write(project.resolve("models/next_countries.sql"),
                "select is_active from {{ ref('dim_customers', v=7) }}\n");
        assertThatThrownBy(this::open).isInstanceOf(SluiceException.class)
                .hasMessageContaining("models/next_countries.sql:1")
                .hasMessageContaining("ref('dim_customers', v=7)").hasMessageContaining("its versions are 1, 2, 3");

        TestingProjects.write(project.resolve("models/next_countries.sql"), "select 1 as x\n");
        TestingProjects.delete(project.resolve("models/dim_customers_v3.sql"));
        assertThatThrownBy(this::open).hasMessageContaining("models/schema.yml:2")
                .hasMessageContaining("no model file named dim_customers_v3.sql");
    }
}
