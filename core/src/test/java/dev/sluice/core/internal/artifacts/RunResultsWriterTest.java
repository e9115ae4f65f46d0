package dev.sluice.core.internal.artifacts;

import static dev.sluice.core.internal.artifacts.ManifestWriterTest.names;
import static dev.sluice.core.internal.artifacts.ManifestWriterTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultsWriterTest {
    private final RunResultsWriter writer = new RunResultsWriter(TestingManifests.metadata());

    @Test
    void successfulRunValidatesAgainstDbtSchema() {
        String json = writer.toJson(TestingManifests.successfulRun(), TestingManifests.executionDetails());
        assertThat(SchemaValidation.errors(SchemaValidation.RUN_RESULTS, json)).isEmpty();
    }

    @Test
    void failedRunValidatesAgainstDbtSchema() {
        String json = writer.toJson(TestingManifests.failedRun(), Map.of());
        assertThat(SchemaValidation.errors(SchemaValidation.RUN_RESULTS, json)).isEmpty();
    }

    @Test
    void schemaValidationRejectsAnUnknownStatus() {
        String json = writer.toJson(TestingManifests.successfulRun(), Map.of()).replace("\"status\": \"pass\"",
                "\"status\": \"passed\"");
        assertThat(SchemaValidation.errors(SchemaValidation.RUN_RESULTS, json)).isNotEmpty();
    }

    @Test
    void successfulRunMatchesGolden() {
        GoldenFiles.assertMatches("run_results-success.json",
                writer.toJson(TestingManifests.successfulRun(), TestingManifests.executionDetails()));
    }

    @Test
    void failedRunMatchesGolden() {
        GoldenFiles.assertMatches("run_results-failed.json",
                writer.toJson(TestingManifests.failedRun(), TestingManifests.manifest(), Map.of()));
    }

    @Test
    void resultsHaveDbtKeysInOrder() throws Exception {
        JsonNode run = parse(writer.toJson(TestingManifests.successfulRun(), TestingManifests.executionDetails()));
        assertThat(names(run)).containsExactly("metadata", "results", "elapsed_time", "args");
        assertThat(names(run.get("metadata"))).containsExactly("dbt_schema_version", "dbt_version", "generated_at",
                "invocation_id", "invocation_started_at", "env");
        assertThat(names(run.at("/results/0"))).containsExactly("status", "timing", "thread_id", "execution_time",
                "adapter_response", "message", "failures", "unique_id", "compiled", "compiled_code", "relation_name",
                "batch_results");
        assertThat(run.get("elapsed_time").asDouble()).isEqualTo(3.412);
    }

    @Test
    void modelsReportTheDatabaseResponseAndCompiledCode() throws Exception {
        JsonNode table = parse(writer.toJson(TestingManifests.successfulRun(), TestingManifests.executionDetails()))
                .at("/results/2");
        assertThat(table.get("status").asText()).isEqualTo("success");
        assertThat(table.get("adapter_response").toString())
                .isEqualTo("{\"_message\":\"SELECT 12\",\"code\":\"SELECT\",\"rows_affected\":12}");
        assertThat(table.get("message").asText()).isEqualTo("SELECT 12");
        assertThat(table.get("failures").isNull()).isTrue();
        assertThat(table.get("compiled").asBoolean()).isTrue();
        assertThat(table.get("relation_name").asText()).isEqualTo("\"sluice\".\"analytics\".\"drug_mentions\"");
        assertThat(table.at("/timing/0/name").asText()).isEqualTo("compile");
        assertThat(table.at("/timing/1/name").asText()).isEqualTo("execute");
        assertThat(table.at("/timing/1/started_at").asText()).isEqualTo("2025-06-10T09:14:59.100000Z");
        assertThat(table.at("/timing/1/completed_at").asText()).isEqualTo("2025-06-10T09:15:00.600000Z");
        assertThat(table.get("thread_id").asText()).isEqualTo("Thread-1 (worker)");
    }

    @Test
    void seedsAreNotCompiledNodes() throws Exception {
        JsonNode seed = parse(writer.toJson(TestingManifests.successfulRun(), Map.of())).at("/results/0");
        assertThat(seed.get("adapter_response").get("code").asText()).isEqualTo("INSERT");
        assertThat(seed.get("adapter_response").get("rows_affected").asLong()).isEqualTo(1);
        assertThat(seed.get("compiled").isNull()).isTrue();
        assertThat(seed.get("compiled_code").isNull()).isTrue();
        assertThat(seed.get("relation_name").isNull()).isTrue();
    }

    @Test
    void testsReportFailuresAndNoMessageWhenTheyPass() throws Exception {
        JsonNode passed = parse(writer.toJson(TestingManifests.successfulRun(), Map.of())).at("/results/3");
        assertThat(passed.get("status").asText()).isEqualTo("pass");
        assertThat(passed.get("message").isNull()).isTrue();
        assertThat(passed.get("failures").asInt()).isZero();
        assertThat(passed.get("adapter_response").size()).isZero();
        JsonNode warned = parse(writer.toJson(TestingManifests.failedRun(), Map.of())).at("/results/3");
        assertThat(warned.get("status").asText()).isEqualTo("warn");
        assertThat(warned.get("failures").asInt()).isEqualTo(2);
        assertThat(warned.get("message").asText()).isEqualTo("Got 2 results, configured to warn if != 0");
    }

    @Test
    void errorsCarryTheirMessageAndSkippedNodesNoTiming() throws Exception {
        JsonNode run = parse(writer.toJson(TestingManifests.failedRun(), Map.of()));
        JsonNode error = run.at("/results/1");
        assertThat(error.get("status").asText()).isEqualTo("error");
        assertThat(error.get("message").asText()).isEqualTo(
                "models/staging/stg_pubmed.sql:1: Cannot build model stg_pubmed: relation \"raw.pubmed\" does not exist");
        assertThat(error.get("adapter_response").size()).isZero();
        assertThat(error.get("compiled").asBoolean(true)).isFalse();
        JsonNode skipped = run.at("/results/2");
        assertThat(skipped.get("status").asText()).isEqualTo("skipped");
        assertThat(skipped.get("timing").size()).isZero();
        assertThat(skipped.get("message").isNull()).isTrue();
        assertThat(skipped.get("execution_time").asDouble()).isZero();
    }

    @Test
    void relationNamesComeFromTheManifestWhenTheExecutorDidNotSay() throws Exception {
        JsonNode run = parse(writer.toJson(TestingManifests.failedRun(), TestingManifests.manifest(), Map.of()));
        assertThat(run.at("/results/1/relation_name").asText()).isEqualTo("\"sluice\".\"analytics\".\"stg_pubmed\"");
        assertThat(run.at("/results/3/relation_name").isNull()).isTrue();
        JsonNode bare = parse(writer.toJson(TestingManifests.failedRun(), Map.of()));
        assertThat(bare.at("/results/1/relation_name").isNull()).isTrue();
    }

    @Test
    void compileReportsNoDatabaseResponse() throws Exception {
        RunResult base = TestingManifests.successfulRun();
        RunResult compile = new RunResult("compile", base.invocationId(), base.startedAt(), base.elapsed(),
                List.of(TestingManifests.result(TestingManifests.stgPubmed(),
                        NodeStatus.SUCCESS, "compiled", base.startedAt(), 0.01, -1, null)));
        String json = writer.toJson(compile, TestingManifests.executionDetails());
        assertThat(SchemaValidation.errors(SchemaValidation.RUN_RESULTS, json)).isEmpty();
        JsonNode result = parse(json).at("/results/0");
        assertThat(result.get("adapter_response").size()).isZero();
        assertThat(result.get("message").isNull()).isTrue();
        assertThat(result.get("compiled").asBoolean()).isTrue();
        assertThat(parse(json).at("/args/which").asText()).isEqualTo("compile");
    }

    @Test
    void argsAreSortedAndNameTheCommand() throws Exception {
        JsonNode args = parse(writer.toJson(TestingManifests.successfulRun(), Map.of())).get("args");
        assertThat(names(args)).containsExactly("invocation_command", "select", "threads", "which");
        assertThat(args.get("which").asText()).isEqualTo("build");
    }

    @Test
    void statusCodeIsTheMessageWithoutNumbers() {
        assertThat(RunResultsWriter.statusCode("INSERT 0 3")).isEqualTo("INSERT");
        assertThat(RunResultsWriter.statusCode("CREATE VIEW")).isEqualTo("CREATE VIEW");
        assertThat(RunResultsWriter.statusCode("SELECT 12")).isEqualTo("SELECT");
    }

    @Test
    void writesTheFile(@TempDir Path dir) throws Exception {
        Path written = writer.write(TestingManifests.successfulRun(), null, Map.of(), dir.resolve("target"));
        assertThat(Files.readString(written)).isEqualTo(writer.toJson(TestingManifests.successfulRun(), Map.of()));
        assertThat(written.getFileName().toString()).isEqualTo("run_results.json");
    }
}
