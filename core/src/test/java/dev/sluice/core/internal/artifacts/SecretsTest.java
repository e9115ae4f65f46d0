package dev.sluice.core.internal.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.ResourceType;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.NodeConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final String ENV_PASSWORD = "s3cr3t-from-env";
    private static final String CUSTOM_PASSWORD = "hunter2-custom";
    private static final String DBT_SECRET = "dbt-secret-token-42";
    private static final String TARGET_PASSWORD = "target-pw-9f8e";

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "PGPASSWORD", ENV_PASSWORD,
            "SLUICE_DB_PASSWORD", ENV_PASSWORD,
            "DBT_ENV_CUSTOM_ENV_DB_PASSWORD", CUSTOM_PASSWORD,
            "DBT_ENV_CUSTOM_ENV_TEAM", "pharma",
            "DBT_ENV_SECRET_GIT_TOKEN", DBT_SECRET);

    private final ArtifactMetadata metadata = ArtifactMetadata.builder(TestingManifests.PROJECT, "postgres")
            .invocationId(TestingManifests.INVOCATION_ID)
            .generatedAt(TestingManifests.GENERATED_AT)
            .environment(ENVIRONMENT)
            .secret(TARGET_PASSWORD)
            .arg("which", "run")
            .arg("vars", Map.of("db_password", ENV_PASSWORD, "year", 2024))
            .build();

    @Test
    void noPasswordFromTheEnvironmentReachesTheArtifacts() {
        String manifest = new ManifestWriter(metadata).toJson(manifestWithSecrets());
        String runResults = new RunResultsWriter(metadata).toJson(TestingManifests.successfulRun(), Map.of());
        for (String json : List.of(manifest, runResults)) {
            assertThat(json).doesNotContain("PGPASSWORD", "DB_PASSWORD", ENV_PASSWORD, CUSTOM_PASSWORD, DBT_SECRET, TARGET_PASSWORD)
                    .contains("\"env\": {\"TEAM\": \"pharma\"}");
        }
    }

    @Test
    void passwordLikeConfigValuesAreMasked() throws Exception {
        String manifest = new ManifestWriter(metadata).toJson(manifestWithSecrets());
        var node = ManifestWriterTest.parse(manifest).get("nodes").get(TestingManifests.STG_PUBMED);
        assertThat(node.at("/config/password").asText()).isEqualTo(Secrets.MASK);
        assertThat(node.at("/config/meta/api_token").asText()).isEqualTo(Secrets.MASK);
        assertThat(node.at("/unrendered_config/password").asText()).isEqualTo(Secrets.MASK);
        assertThat(node.get("raw_code").asText()).contains("'" + Secrets.MASK + "'").contains("'" + Secrets.MASK + "' as t");
    }

    @Test
    void argsWithPasswordNamesAreMasked() throws Exception {
        String runResults = new RunResultsWriter(metadata).toJson(TestingManifests.successfulRun(), Map.of());
        var args = ManifestWriterTest.parse(runResults).get("args");
        assertThat(args.at("/vars/db_password").asText()).isEqualTo(Secrets.MASK);
        assertThat(args.at("/vars/year").asInt()).isEqualTo(2024);
    }

    @Test
    void scrubsKnownValuesButNotShortOnes() {
        Secrets secrets = new Secrets(Set.of("abc", "longer-secret"));
        assertThat(secrets.scrub("abc and longer-secret")).isEqualTo("abc and *****");
        assertThat(Secrets.isSecretName("DBT_ENV_CUSTOM_ENV_DB_PASSWORD")).isTrue();
        assertThat(Secrets.isSecretName("private_key_path")).isTrue();
        assertThat(Secrets.isSecretName("schema")).isFalse();
    }

    /** The fixture with a model whose config holds a password (an env_var() rendered into it) and SQL holding secrets. */
    private static Manifest manifestWithSecrets() {
        Manifest base = TestingManifests.manifest();
        Node n = base.nodes().get(TestingManifests.STG_PUBMED);
        Map<String, Object> cfg = new LinkedHashMap<>(n.config().values());
        cfg.put("password", ENV_PASSWORD);
        cfg.put("meta", Map.of("api_token", CUSTOM_PASSWORD));
        Node secretive = TestingManifests.node(n.uniqueId(), ResourceType.MODEL, n.name(), n.path(),
                n.originalFilePath(), "select '" + TARGET_PASSWORD + "', '" + DBT_SECRET + "' as t",
                new NodeConfig(cfg), n.description(), n.columns(), n.refs(),
                n.sources(), n.dependsOnNodes(), n.dependsOnMacros(), n.relationName(), n.patchPath());
        Map<String, Node> nodes = new LinkedHashMap<>(base.nodes());
        nodes.put(secretive.uniqueId(), secretive);
        return new Manifest(base.projectName(), nodes, base.sources(), base.macros(), base.docs(), base.parentMap(),
                base.childMap());
    }
}
