package dev.sluice.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.TestingProjects;
import dev.sluice.core.internal.artifacts.SchemaValidation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docs generate} on the built showcase: the artifacts against dbt's schemas, and what the pages say. */
class ShowcaseDocsIT {
    @TempDir
    static Path dir;
    static TestingShowcaseDocs showcase;

    @BeforeAll
    static void generate() {
        showcase = new TestingShowcaseDocs(dir);
    }

    @AfterAll
    static void drop() {
        if (showcase != null) {
            showcase.drop();
        }
    }

    private static String read(String file) {
        return TestingProjects.read(showcase.target().resolve(file));
    }

    private static String page(String uniqueId) {
        return TestingProjects.read(showcase.page(uniqueId));
    }

    @Test
    void artifactsValidateAgainstDbtsSchemas() {
        assertThat(SchemaValidation.errors(SchemaValidation.CATALOG, read("catalog.json"))).isEmpty();
        assertThat(SchemaValidation.errors(SchemaValidation.MANIFEST, read("manifest.json"))).isEmpty();
        assertThat(SchemaValidation.errors(SchemaValidation.RUN_RESULTS, read("run_results.json"))).isEmpty();
    }

    @Test
    void theCatalogHasEveryBuiltRelationWithItsColumnTypes() throws IOException {
        JsonNode catalog = new ObjectMapper().readTree(read("catalog.json"));
        List<String> ids = new ArrayList<>();
        catalog.get("nodes").fieldNames().forEachRemaining(ids::add);
        assertThat(ids).hasSize(14).contains("seed.drugs.pubmed_json", "model.drugs.mrt_drug_graph")
                .doesNotContain("model.drugs.rsv_publications_checked"); // ephemeral: no relation
        JsonNode graph = catalog.get("nodes").get("model.drugs.mrt_drug_graph");
        assertThat(graph.get("metadata").get("type").asText()).isEqualTo("BASE TABLE");
        assertThat(graph.get("metadata").get("schema").asText()).isEqualTo("dev_" + showcase.developer + "_mrt");
        assertThat(graph.get("columns").get("pubmed").get("type").asText()).isEqualTo("json");
        assertThat(graph.get("columns").get("atccode").get("index").asInt()).isEqualTo(1);
        assertThat(showcase.docs.catalogRelations()).isEqualTo(14);
    }

    @Test
    void theManifestHasTheExposureAndRenderedDocBlocks() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(read("manifest.json"));
        JsonNode exposure = manifest.get("exposures").get("exposure.drugs.drug_mentions_file");
        assertThat(exposure.get("depends_on").get("nodes").get(0).asText()).isEqualTo("model.drugs.mrt_drug_graph");
        assertThat(manifest.get("child_map").get("model.drugs.mrt_drug_graph").toString())
                .contains("exposure.drugs.drug_mentions_file");
        assertThat(manifest.get("nodes").get("model.drugs.rsv_drugs").get("columns").get("drug").get("description")
                .asText()).startsWith("The drug's name in capitals, as the referential spells it");
    }

    @Test
    void theIndexShowsTheOverviewAndLoadsTheGraph() {
        String index = read("index.html");
        assertThat(index).contains("<h1>Drug mentions</h1>").contains("docs/graph-data.js")
                .contains("docs/assets/sluice-docs.js");
        String data = read("docs/graph-data.js");
        assertThat(data).startsWith("window.SLUICE_DOCS = {").contains("\"mrt_drug_graph\"")
                .contains("\"drug_mentions.json\"").contains("\"rsv_publications_checked\",\"model\""); // ephemeral too
        // seeds, models, analyses, the exposure, and the data tests (23 generic, 1 singular) have pages
        assertThat(showcase.docs.pages()).isEqualTo(6 + 9 + 4 + 1 + 24);
    }

    @Test
    void theDatamartPageShowsColumnLineageBackToTheReservoir() {
        String mrt = page("model.drugs.mrt_drug_graph");
        assertThat(mrt).contains("<h1 id=\"title\">mrt_drug_graph")
                .contains("Last build: <strong>success</strong>")
                .contains("id=\"column-graph\"");
        String atccode = row(mrt, "col-atccode");
        assertThat(atccode).contains("direct").contains("href=\"model.drugs.rsv_drugs.html#col-atccode\">rsv_drugs.atccode</a>");
        String journals = row(mrt, "col-journals");
        assertThat(journals).contains("expression").contains("cmp_journal_mentions.journal")
                .contains("cmp_journal_mentions.mentioned_on");
        String cmp = page("model.drugs.cmp_publication_mentions");
        // through the union in a CTE: the title comes from both reservoir tables
        assertThat(row(cmp, "col-title")).contains("rsv_pubmed.title").contains("rsv_clinical_trials.scientific_title");
        assertThat(row(cmp, "col-publication_type")).contains("constant");
        // an ephemeral model is inlined: its consumer's columns lead back to the seeds
        String pubmed = page("model.drugs.rsv_pubmed");
        assertThat(row(pubmed, "col-journal")).contains("pubmed.journal").contains("pubmed_json.journal");
    }

    @Test
    void pagesCarryYamlDescriptionsTestsAndLinks() {
        String drugs = page("model.drugs.rsv_drugs");
        assertThat(row(drugs, "col-drug")).contains("The drug's name in capitals, as the referential spells it (e.g. <code>DIPHENHYDRAMINE</code>)").contains(">unique<")
                .contains(">not_null<");
        assertThat(drugs).contains("href=\"seed.drugs.drugs.html\">drugs</a>")
                .contains("href=\"model.drugs.cmp_publication_mentions.html\">cmp_publication_mentions</a>");
        String exposure = page("exposure.drugs.drug_mentions_file");
        assertThat(exposure).contains("application").contains("Data team")
                .contains("href=\"model.drugs.mrt_drug_graph.html\">mrt_drug_graph</a>");
        String seed = page("seed.drugs.pubmed_json");
        assertThat(seed).contains("seeds/pubmed.json").contains("ids are numbers, strings or empty");
    }

    /** The table row of a column, by its anchor. */
    private static String row(String html, String anchor) {
        int at = html.indexOf("<tr id=\"" + anchor + "\"");
        assertThat(at).as("row %s", anchor).isGreaterThanOrEqualTo(0);
        return html.substring(at, html.indexOf("</tr>", at));
    }
}
