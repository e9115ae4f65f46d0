package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiling needs no database: compiled SQL is compared with golden files, selection and ls with expectations. */
class CompileTest {
    @TempDir
    Path dir;

    private Sluice load(Path project) {
        return Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load();
    }

    @Test
    void compiledSqlMatchesGoldenFiles() throws Exception {
        Path project = TestingProjects.copy("shop", dir);
        try (Sluice sluice = load(project)) {
            RunResult result = sluice.compile(Selection.all());
            assertThat(result.results()).allMatch(r -> r.status() == NodeStatus.SUCCESS);
            assertThat(result.results()).hasSize(6);
        }
        Path compiled = project.resolve("target/compiled/shop");
        List<Path> files;
        try (Stream<Path> s = Files.walk(compiled)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSize(6);
        for (Path f : files) {
            Goldens.check("compiled/shop/" + compiled.relativize(f).toString().replace('\\', '/'), TestingProjects.read(f));
        }
        assertThat(project.resolve("target/manifest.json")).exists();
        assertThat(project.resolve("target/run_results.json")).exists();
    }

    @Test
    void inlineSnippetsCompileInTheProjectsContext() {
        Path project = TestingProjects.copy("shop", dir);
        try (Sluice sluice = load(project)) {
            assertThat(sluice.compileInline("select {{ cents('x') }} from {{ ref('big_orders') }}"))
                    .isEqualTo("with __dbt__cte__big_orders as (\n\nselect * from \"sluice\".\"analytics_stg\".\"stg_orders\""
                            + " where amount > 10\n) select round(x * 100)::bigint from __dbt__cte__big_orders");
        }
    }

    @Test
    void selectionFollowsDbtsSyntax() {
        Path project = TestingProjects.copy("shop", dir);
        try (Sluice sluice = load(project)) {
            assertThat(ids(sluice.list(Selection.of("+customer_totals"))))
                    .containsExactly("seed.shop.customers", "seed.shop.orders", "model.shop.stg_orders",
                            "model.shop.big_orders", "model.shop.customer_totals");
            assertThat(ids(sluice.list(Selection.of("stg_orders+")))).startsWith("model.shop.stg_orders",
                    "model.shop.big_orders", "model.shop.customer_totals").containsExactlyInAnyOrder(
                    "model.shop.stg_orders", "model.shop.big_orders", "model.shop.customer_totals",
                    "model.shop.countries", "analysis.shop.top_customers");
            assertThat(ids(sluice.list(Selection.of("tag:nightly")))).containsExactly("model.shop.customer_totals",
                    "model.shop.countries");
            assertThat(ids(sluice.list(Selection.of("staging")))).containsExactlyInAnyOrder("model.shop.big_orders",
                    "model.shop.stg_orders", "model.shop.stg_payments");
            assertThat(ids(sluice.list(Selection.of("path:models/marts").excluding("countries"))))
                    .containsExactlyInAnyOrder("source.shop.billing.payments", "model.shop.customer_totals");
            assertThat(ids(sluice.list(Selection.of("tag:shop,config.materialized:view"))))
                    .containsExactlyInAnyOrder("model.shop.stg_orders", "model.shop.stg_payments", "model.shop.countries");
            assertThat(ids(sluice.list(Selection.of("source:billing+")))).containsExactly("source.shop.billing.payments",
                    "model.shop.stg_payments");
        }
    }

    private static List<String> ids(List<NodeInfo> nodes) {
        return nodes.stream().map(NodeInfo::uniqueId).toList();
    }
}
