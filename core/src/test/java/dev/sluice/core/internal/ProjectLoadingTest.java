package dev.sluice.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.TestingProjects;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and parsing the shop project: configs by dbt's precedence, names, refs, sources. No database needed. */
class ProjectLoadingTest {
    @TempDir
    static Path dir;
    static Manifest manifest;

    @BeforeAll
    static void load() {
        Path project = TestingProjects.copy("shop", dir);
        LoadedProject p = LoadedProject.load(new Settings(project, null, null, null, Map.of(), null, null, false, false,
                SluiceListener.NONE, Map.of("HOME", dir.toString())));
        manifest = p.parsed().manifest();
    }

    private static Node node(String id) {
        return manifest.nodes().get(id);
    }

    @Test
    void findsEveryResource() {
        assertThat(manifest.nodes().keySet()).containsExactlyInAnyOrder("model.shop.stg_orders", "model.shop.big_orders",
                "model.shop.stg_payments", "model.shop.customer_totals", "model.shop.countries", "seed.shop.orders",
                "seed.shop.customers", "seed.shop.payments", "analysis.shop.top_customers");
        assertThat(manifest.sources()).containsOnlyKeys("source.shop.billing.payments");
        assertThat(manifest.macros()).containsKeys("macro.shop.cents", "macro.dbt.generate_schema_name");
        assertThat(manifest.docs()).containsOnlyKeys("doc.shop.customer_totals");
    }

    @Test
    void configsFollowDbtsPrecedence() {
        // project folder says table; the property file says table; config() adds a tag
        Node totals = node("model.shop.customer_totals");
        assertThat(totals.materialized()).isEqualTo("table");
        assertThat(totals.tags()).containsExactly("shop", "nightly", "yml", "finance");
        assertThat(totals.meta()).containsEntry("owner", "data");
        // the property file overrides the folder's table with view
        assertThat(node("model.shop.countries").materialized()).isEqualTo("view");
        // config() in the file wins over the folder's view
        assertThat(node("model.shop.big_orders").materialized()).isEqualTo("ephemeral");
        assertThat(node("model.shop.big_orders").configCallDict()).containsEntry("materialized", "ephemeral");
    }

    @Test
    void customSchemasAreAppendedToTheTargetSchema() {
        assertThat(node("model.shop.stg_orders").schema()).isEqualTo("analytics_stg");
        assertThat(node("model.shop.customer_totals").schema()).isEqualTo("analytics_mrt");
        assertThat(node("seed.shop.orders").schema()).isEqualTo("analytics_raw");
        assertThat(node("model.shop.customer_totals").relationName())
                .isEqualTo("\"sluice\".\"analytics_mrt\".\"customer_totals\"");
        assertThat(node("model.shop.big_orders").relationName()).isNull();
    }

    @Test
    void refsAndSourcesBecomeDependencies() {
        assertThat(node("model.shop.customer_totals").dependsOnNodes())
                .containsExactly("model.shop.big_orders", "seed.shop.customers");
        assertThat(node("model.shop.stg_payments").dependsOnNodes()).containsExactly("seed.shop.payments",
                "source.shop.billing.payments");
        assertThat(node("model.shop.customer_totals").dependsOnMacros()).contains("macro.shop.cents");
        assertThat(manifest.childMap().get("model.shop.stg_orders")).containsExactly("model.shop.big_orders");
        assertThat(manifest.sources().get("source.shop.billing.payments").relationName())
                .isEqualTo("\"sluice\".\"analytics_raw\".\"payments\"");
    }

    @Test
    void nodesCarryTheirFileAndFqn() {
        Node n = node("model.shop.stg_orders");
        assertThat(n.originalFilePath()).isEqualTo("models/staging/stg_orders.sql");
        assertThat(n.path()).isEqualTo("staging/stg_orders.sql");
        assertThat(n.fqn()).isEqualTo(List.of("shop", "staging", "stg_orders"));
        assertThat(n.resourceType()).isEqualTo(ResourceType.MODEL);
        assertThat(node("model.shop.customer_totals").columns()).containsOnlyKeys("customer", "total_cents");
        assertThat(node("model.shop.customer_totals").description()).startsWith("What each customer spent");
    }
}
