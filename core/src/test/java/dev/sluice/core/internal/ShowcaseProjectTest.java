package dev.sluice.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.TestingProjects;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.internal.export.ExportSpec;
import dev.sluice.core.internal.model.ColumnDef;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The showcase at the repository's root, loaded without a database: its seeds' names, the stage
 * schemas each target of profiles.example.yml gives, its documentation and its export.
 */
class ShowcaseProjectTest {
    @TempDir
    Path dir;

    private Manifest load(String target, Map<String, String> env) throws Exception {
        Path project = TestingProjects.copyShowcase(dir);
        if (target != null && !Files.exists(project.resolve("profiles.yml"))) {
            Files.copy(project.resolve("profiles.example.yml"), project.resolve("profiles.yml"));
        }
        LoadedProject p = LoadedProject.load(new Settings(project, null, target, null, Map.of(), null, null, false, false,
                SluiceListener.NONE, env));
        return p.parsed().manifest();
    }

    private static String schemaOf(Manifest m, String id) {
        return m.nodes().get(id).schema();
    }

    @Test
    void aJsonSeedSharingACsvSeedsNameIsNamedAfterItsExtension() throws Exception {
        Manifest m = load(null, Map.of("HOME", dir.toString()));
        assertThat(m.nodes().values().stream().filter(n -> n.resourceType() == ResourceType.SEED).map(Node::name))
                .containsExactlyInAnyOrder("drugs", "pubmed", "pubmed_json", "clinical_trials", "transactions",
                        "product_nomenclature");
        assertThat(m.nodes().get("seed.drugs.pubmed_json").originalFilePath()).isEqualTo("seeds/pubmed.json");
        assertThat(m.nodes().get("seed.drugs.pubmed").originalFilePath()).isEqualTo("seeds/pubmed.csv");
        assertThat(m.nodes().get("model.drugs.rsv_publications_checked").dependsOnNodes())
                .containsExactlyInAnyOrder("seed.drugs.pubmed", "seed.drugs.pubmed_json", "seed.drugs.clinical_trials");
    }

    @Test
    void withoutProfilesTheEmbeddedTargetUsesBareStageSchemas() throws Exception {
        Manifest m = load(null, Map.of("HOME", dir.toString()));
        assertThat(schemaOf(m, "seed.drugs.pubmed")).isEqualTo("seed");
        assertThat(schemaOf(m, "model.drugs.rsv_pubmed")).isEqualTo("rsv");
        assertThat(schemaOf(m, "model.drugs.cmp_journal_mentions")).isEqualTo("cmp");
        assertThat(schemaOf(m, "model.drugs.mrt_drug_graph")).isEqualTo("mrt");
    }

    @Test
    void devPrefixesStagesWithTheDevelopersSchema() throws Exception {
        Manifest m = load("dev", Map.of("HOME", dir.toString(), "USER", "alice"));
        assertThat(schemaOf(m, "seed.drugs.drugs")).isEqualTo("dev_alice_seed");
        assertThat(schemaOf(m, "model.drugs.rsv_drugs")).isEqualTo("dev_alice_rsv");
        assertThat(schemaOf(m, "model.drugs.cmp_publication_mentions")).isEqualTo("dev_alice_cmp");
        assertThat(m.nodes().get("model.drugs.mrt_drug_graph").relationName())
                .isEqualTo("\"drugs\".\"dev_alice_mrt\".\"mrt_drug_graph\"");
    }

    @Test
    void prodUsesBareStageNames() throws Exception {
        Manifest m = load("prod", Map.of("HOME", dir.toString(), "SLUICE_PROD_HOST", "db.example.com",
                "SLUICE_PROD_USER", "loader", "SLUICE_PROD_PASSWORD", "secret"));
        assertThat(schemaOf(m, "seed.drugs.clinical_trials")).isEqualTo("seed");
        assertThat(schemaOf(m, "model.drugs.mrt_drug_graph")).isEqualTo("mrt");
    }

    @Test
    void everyModelAndColumnIsDescribed() throws Exception {
        Manifest m = load(null, Map.of("HOME", dir.toString()));
        List<Node> described = m.nodes().values().stream()
                .filter(n -> n.resourceType() == ResourceType.MODEL || n.resourceType() == ResourceType.SEED).toList();
        assertThat(described).hasSize(15);
        for (Node n : described) {
            assertThat(n.description()).as("description of %s", n.name()).isNotBlank();
            assertThat(n.columns()).as("columns of %s", n.name()).isNotEmpty();
            for (ColumnDef c : n.columns().values()) {
                assertThat(c.description()).as("description of %s.%s", n.name(), c.name()).isNotBlank();
            }
        }
    }

    @Test
    void theGraphIsExportedAsAJsonArrayOrderedByDrug() throws Exception {
        Manifest m = load(null, Map.of("HOME", dir.toString()));
        ExportSpec spec = ExportSpec.of(m.nodes().get("model.drugs.mrt_drug_graph"));
        assertThat(spec).isEqualTo(new ExportSpec("output/drug_mentions.json", ExportSpec.Format.JSON, false,
                List.of("drug")));
    }
}
