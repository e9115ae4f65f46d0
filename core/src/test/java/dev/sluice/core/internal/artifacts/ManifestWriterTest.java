package dev.sluice.core.internal.artifacts;

import static dev.sluice.core.internal.artifacts.TestingManifests.LEGACY;
import static dev.sluice.core.internal.artifacts.TestingManifests.MENTIONS;
import static dev.sluice.core.internal.artifacts.TestingManifests.NOT_NULL;
import static dev.sluice.core.internal.artifacts.TestingManifests.PUBMED;
import static dev.sluice.core.internal.artifacts.TestingManifests.SEED;
import static dev.sluice.core.internal.artifacts.TestingManifests.STG_PUBMED;
import static dev.sluice.core.internal.artifacts.TestingManifests.STG_TRIALS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.NodeConfig;
import dev.sluice.core.internal.model.RefCall;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ManifestWriter writer = new ManifestWriter(TestingManifests.metadata());

    @Test
    void parsedManifestValidatesAgainstDbtSchema() {
        assertThat(SchemaValidation.errors(SchemaValidation.MANIFEST, writer.toJson(TestingManifests.manifest())))
                .isEmpty();
    }

    @Test
    void compiledManifestValidatesAgainstDbtSchema() {
        String json = writer.toJson(TestingManifests.manifest(), TestingManifests.compiled());
        assertThat(SchemaValidation.errors(SchemaValidation.MANIFEST, json)).isEmpty();
    }

    @Test
    void everyKindOfNodeValidates() throws Exception {
        Manifest base = TestingManifests.manifest();
        Map<String, Node> nodes = new LinkedHashMap<>(base.nodes());
        for (Node n : List.of(
                other("snapshot.drug_mentions.drugs_history", ResourceType.SNAPSHOT, "snapshots/drugs_history.sql",
                        TestingManifests.config("strategy", "check", "check_cols", "all", "unique_key", "atccode")),
                other("analysis.drug_mentions.top_drugs", ResourceType.ANALYSIS, "analyses/top_drugs.sql",
                        TestingManifests.config()),
                other("operation.drug_mentions.drug_mentions-on-run-end-0", ResourceType.OPERATION,
                        "hooks/drug_mentions-on-run-end-0.sql", TestingManifests.config()),
                other("test.drug_mentions.assert_no_future_dates", ResourceType.TEST,
                        "tests/assert_no_future_dates.sql", TestingManifests.config()))) {
            nodes.put(n.uniqueId(), n);
        }
        Manifest manifest = new Manifest(base.projectName(), nodes, base.sources(), base.macros(), base.docs(),
                base.parentMap(), base.childMap());
        String json = writer.toJson(manifest, Map.of("analysis.drug_mentions.top_drugs",
                new CompiledNode("target/compiled/drug_mentions/analyses/top_drugs.sql", "select 1", List.of())));
        assertThat(SchemaValidation.errors(SchemaValidation.MANIFEST, json)).isEmpty();
        JsonNode written = parse(json).get("nodes");
        assertThat(written.at("/snapshot.drug_mentions.drugs_history/config/materialized").asText()).isEqualTo("snapshot");
        assertThat(written.at("/snapshot.drug_mentions.drugs_history/config/strategy").asText()).isEqualTo("check");
        assertThat(names(written.get("operation.drug_mentions.drug_mentions-on-run-end-0"))).contains("index");
        assertThat(names(written.get("test.drug_mentions.assert_no_future_dates"))).doesNotContain("test_metadata");
    }

    private static Node other(String id, ResourceType type, String file, NodeConfig config) {
        String name = id.substring(id.lastIndexOf('.') + 1);
        return TestingManifests.node(id, type, name, file.substring(file.indexOf('/') + 1), file,
                "select * from {{ ref('drug_mentions') }}", config, "", Map.of(),
                List.of(new RefCall(null, "drug_mentions", null, 1)), List.of(), List.of(MENTIONS), List.of(), null, null);
    }

    @Test
    void schemaValidationRejectsWhatDbtWouldNotWrite() throws Exception {
        ObjectNode manifest = (ObjectNode) parse(writer.toJson(TestingManifests.manifest()));
        ((ObjectNode) manifest.get("nodes").get(MENTIONS)).put("materialization", "table");
        ((ObjectNode) manifest.get("sources").get(PUBMED)).remove("identifier");
        List<String> errors = SchemaValidation.errors(SchemaValidation.MANIFEST, manifest.toString());
        assertThat(errors)
                .anyMatch(e -> e.contains("materialization")).anyMatch(e -> e.contains("identifier"));
    }

    @Test
    void parsedManifestMatchesGolden() {
        GoldenFiles.assertMatches("manifest-parsed.json", writer.toJson(TestingManifests.manifest()));
    }

    @Test
    void compiledManifestMatchesGolden() {
        GoldenFiles.assertMatches("manifest-compiled.json",
                writer.toJson(TestingManifests.manifest(), TestingManifests.compiled()));
    }

    @Test
    void isOneLineWithPythonSeparatorsAndDbtMetadata() throws Exception {
        String json = writer.toJson(TestingManifests.manifest());
        assertThat(json).doesNotContain("\n").startsWith("{\"metadata\": {\"dbt_schema_version\": "
                + "\"https://schemas.getdbt.com/dbt/manifest/v12.json\", \"dbt_version\": \"1.10.0\", "
                + "\"generated_at\": \"2025-06-10T09:15:02.123456Z\", \"invocation_id\": "
                + "\"5f6c3a1e-2b7d-4c1a-9e3f-0a1b2c3d4e5f\", \"invocation_started_at\": \"2025-06-10T09:14:58.500000Z\", "
                + "\"env\": {\"JOB\": \"nightly\"}, \"project_name\": \"drug_mentions\", "
                + "\"project_id\": \"" + md5("drug_mentions") + "\", \"user_id\": null, "
                + "\"send_anonymous_usage_stats\": false, \"adapter_type\": \"postgres\", \"quoting\": "
                + "{\"database\": true, \"schema\": true, \"identifier\": true, \"column\": null}}, \"nodes\": {");
    }

    @Test
    void topLevelKeysInDbtOrder() throws Exception {
        JsonNode m = parse(writer.toJson(TestingManifests.manifest()));
        assertThat(names(m)).containsExactly("metadata", "nodes", "sources", "macros", "docs", "exposures", "metrics",
                "groups", "selectors", "disabled", "parent_map", "child_map", "group_map", "saved_queries",
                "semantic_models", "unit_tests");
    }

    @Test
    void modelConfigHasEveryDbtDefaultInOrderThenExtras() throws Exception {
        JsonNode config = parse(writer.toJson(TestingManifests.manifest())).at("/nodes/" + pointer(MENTIONS) + "/config");
        assertThat(names(config)).containsExactly("enabled", "alias", "schema", "database", "tags", "meta", "group",
                "materialized", "incremental_strategy", "batch_size", "lookback", "begin", "persist_docs", "post-hook",
                "pre-hook", "quoting", "column_types", "full_refresh", "unique_key", "on_schema_change",
                "on_configuration_change", "grants", "packages", "docs", "contract", "event_time", "concurrent_batches",
                "access", "freshness", "indexes");
        assertThat(config.get("materialized").asText()).isEqualTo("table");
        assertThat(config.at("/post-hook/0").toString())
                .isEqualTo("{\"sql\":\"analyze {{ this }}\",\"transaction\":true,\"index\":null}");
        assertThat(config.get("docs").toString()).isEqualTo("{\"show\":true,\"node_color\":\"#1f77b4\"}");
        assertThat(config.get("lookback").asInt()).isEqualTo(1);
    }

    @Test
    void seedAndTestConfigsHaveTheirOwnDefaults() throws Exception {
        JsonNode nodes = parse(writer.toJson(TestingManifests.manifest())).get("nodes");
        JsonNode seed = nodes.get(SEED).get("config");
        assertThat(seed.get("materialized").asText()).isEqualTo("seed");
        assertThat(seed.get("delimiter").asText()).isEqualTo(",");
        assertThat(seed.get("quote_columns").asBoolean(true)).isFalse();
        JsonNode test = nodes.get(NOT_NULL).get("config");
        assertThat(names(test)).containsExactly("enabled", "alias", "schema", "database", "tags", "meta", "group",
                "materialized", "severity", "store_failures", "store_failures_as", "where", "limit", "fail_calc",
                "warn_if", "error_if");
        assertThat(test.get("severity").asText()).isEqualTo("warn");
        assertThat(test.get("schema").asText()).isEqualTo("dbt_test__audit");
    }

    @Test
    void leavesOutWhatDbtLeavesOutOfTheArtifact() throws Exception {
        JsonNode view = parse(writer.toJson(TestingManifests.manifest())).get("nodes").get(STG_PUBMED);
        assertThat(names(view)).doesNotContain("config_call_dict", "unrendered_config_call_dict", "defer_relation",
                "compiled", "compiled_code", "extra_ctes", "extra_ctes_injected", "_pre_injected_sql", "functions");
        assertThat(view.get("compiled_path").isNull()).isTrue();
    }

    @Test
    void compiledNodesCarryTheirSqlAndInjectedCtes() throws Exception {
        JsonNode table = parse(writer.toJson(TestingManifests.manifest(), TestingManifests.compiled()))
                .get("nodes").get(MENTIONS);
        assertThat(table.get("compiled").asBoolean()).isTrue();
        assertThat(table.get("compiled_path").asText()).isEqualTo("target/compiled/drug_mentions/models/marts/drug_mentions.sql");
        assertThat(table.get("compiled_code").asText()).startsWith("with __dbt__cte__stg_trials as (");
        assertThat(table.at("/extra_ctes/0/id").asText()).isEqualTo(STG_TRIALS);
        assertThat(table.get("extra_ctes_injected").asBoolean()).isTrue();
    }

    @Test
    void sortsByUniqueIdAndSetsDisabledNodesApart() throws Exception {
        JsonNode m = parse(writer.toJson(TestingManifests.manifest()));
        assertThat(names(m.get("nodes"))).containsExactly(MENTIONS, STG_PUBMED, STG_TRIALS, SEED, NOT_NULL);
        assertThat(names(m.get("disabled"))).containsExactly(LEGACY);
        assertThat(m.at("/disabled/" + pointer(LEGACY) + "/0/config/enabled").asBoolean(true)).isFalse();
        assertThat(names(m.get("macros"))).containsExactly("macro.dbt.materialization_view_default",
                "macro.dbt.run_hooks", "macro.drug_mentions.normalize_title");
    }

    @Test
    void parentAndChildMapsListEveryNodeAndSourceSorted() throws Exception {
        JsonNode m = parse(writer.toJson(TestingManifests.manifest()));
        assertThat(m.get("parent_map").get(MENTIONS).toString())
                .isEqualTo("[\"" + STG_PUBMED + "\",\"" + STG_TRIALS + "\",\"" + SEED + "\"]");
        assertThat(names(m.get("parent_map"))).containsExactlyElementsOf(names(m.get("child_map")))
                .contains(PUBMED, SEED).doesNotContain(LEGACY);
    }

    @Test
    void resolvesDocBlocksAndInfersPrimaryKey() throws Exception {
        JsonNode m = parse(writer.toJson(TestingManifests.manifest()));
        assertThat(m.at("/nodes/" + pointer(STG_PUBMED) + "/columns/title/doc_blocks").toString())
                .isEqualTo("[\"doc.drug_mentions.article_title\"]");
        assertThat(m.at("/sources/" + pointer(PUBMED) + "/columns/title/doc_blocks/0").asText())
                .isEqualTo("doc.drug_mentions.article_title");
        assertThat(m.at("/nodes/" + pointer(MENTIONS) + "/primary_key").toString()).isEqualTo("[\"mention_id\"]");
    }

    @Test
    void genericTestsCarryTheirMetadata() throws Exception {
        JsonNode test = parse(writer.toJson(TestingManifests.manifest())).get("nodes").get(NOT_NULL);
        assertThat(test.get("attached_node").asText()).isEqualTo(MENTIONS);
        assertThat(test.get("column_name").asText()).isEqualTo("mention_id");
        assertThat(test.get("file_key_name").asText()).isEqualTo("models.drug_mentions");
        assertThat(test.at("/test_metadata/name").asText()).isEqualTo("not_null");
        assertThat(test.at("/test_metadata/kwargs/model").asText())
                .isEqualTo("{{ get_where_subquery(ref('drug_mentions')) }}");
    }

    @Test
    void twoWritesGiveTheSameBytes() {
        assertThat(writer.toJson(TestingManifests.manifest())).isEqualTo(writer.toJson(TestingManifests.manifest()));
    }

    @Test
    void writesTheFileAtomically(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("manifest.json"), "old");
        Path written = writer.write(TestingManifests.manifest(), Map.of(), target);
        assertThat(written).isEqualTo(target.resolve("manifest.json"));
        assertThat(Files.readString(written)).isEqualTo(writer.toJson(TestingManifests.manifest()));
        try (var files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("manifest.json");
        }
    }

    static JsonNode parse(String json) throws Exception {
        return MAPPER.readTree(json);
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String pointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
