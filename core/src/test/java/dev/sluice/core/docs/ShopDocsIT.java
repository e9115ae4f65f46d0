package dev.sluice.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.Sluice;
import dev.sluice.core.TestingDatabase;
import dev.sluice.core.TestingProjects;
import dev.sluice.core.api.DocsResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.internal.artifacts.SchemaValidation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docs of the shop project: its source in the catalog and on its page, views' catalog kind, a second run's status. */
class ShopDocsIT {
    @TempDir
    Path dir;

    @Test
    void sourcesAndViewsAreCatalogued() throws Exception {
        Path project = TestingProjects.copy("shop", dir);
        String schema = TestingDatabase.freshSchema("shop_docs");
        TestingProjects.writeProfiles(project, "shop", TestingDatabase.targetConfig(schema));
        DocsResult docs;
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load()) {
            assertThat(sluice.build(Selection.all()).success()).isTrue();
            docs = sluice.docsGenerate();
        }
        String json = TestingProjects.read(docs.catalog());
        assertThat(SchemaValidation.errors(SchemaValidation.CATALOG, json)).isEmpty();
        JsonNode catalog = new ObjectMapper().readTree(json);
        JsonNode payments = catalog.get("sources").get("source.shop.billing.payments");
        assertThat(payments.get("metadata").get("schema").asText()).isEqualTo(schema + "_raw");
        assertThat(payments.get("columns").get("order_id").get("index").asInt()).isEqualTo(2);
        assertThat(catalog.get("nodes").get("model.shop.stg_orders").get("metadata").get("type").asText()).isEqualTo("VIEW");
        assertThat(catalog.get("nodes").has("model.shop.big_orders")).isFalse(); // ephemeral

        String source = TestingProjects.read(project.resolve("target/docs/nodes/source.shop.billing.payments.html"));
        assertThat(source).contains("Payments as the billing system exports them")
                .contains("href=\"model.shop.stg_payments.html\">stg_payments</a>");
        String staging = TestingProjects.read(project.resolve("target/docs/nodes/model.shop.stg_payments.html"));
        assertThat(staging).contains("Last build: <strong>success</strong>");
    }
}
