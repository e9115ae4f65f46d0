package dev.sluice.core.internal.artifacts;

import static dev.sluice.core.internal.artifacts.ManifestWriterTest.names;
import static dev.sluice.core.internal.artifacts.ManifestWriterTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.FreshnessResult;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.SourceFreshness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sources.json as dbt's sources v3 schema and dbt's own files have it. */
class SourceFreshnessArtifactTest {
    private static final Instant CHECKED = Instant.parse("2025-06-10T09:15:00.250Z");
    private final SourcesWriter writer = new SourcesWriter(TestingManifests.metadata());

    private static NodeInfo source(String id, String table) {
        return new NodeInfo(id, table, ResourceType.SOURCE, "models/staging/sources.yml", null, "raw." + table, List.of(),
                List.of(TestingManifests.PROJECT, "staging", "raw", table));
    }

    private static FreshnessResult result() {
        NodeInfo pubmed = source(TestingManifests.PUBMED, "pubmed");
        NodeInfo trials = source(TestingManifests.TRIALS, "clinical_trials");
        Instant loaded = Instant.parse("2025-06-09T07:00:00Z");
        Instant snapshotted = Instant.parse("2025-06-10T09:15:00.312345Z");
        NodeResult warned = new NodeResult(pubmed, NodeStatus.WARN, "Source raw.pubmed is 1 day 2 hours old, past its "
                + "warn_after of 1 day", CHECKED, Duration.ofMillis(62), -1, null);
        DatabaseException missing = new DatabaseException("42P01", 0, new Location("models/staging/sources.yml", 12, 0),
                "Database error in freshness of source raw.clinical_trials (SQLSTATE 42P01): relation does not exist",
                null);
        NodeResult failed = new NodeResult(trials, NodeStatus.RUNTIME_ERROR, missing.getMessage(), CHECKED,
                Duration.ofMillis(8), -1, missing);
        List<SourceFreshness> sources = List.of(
                new SourceFreshness(warned, loaded, snapshotted, Duration.between(loaded, snapshotted), Duration.ofDays(1),
                        null, null),
                new SourceFreshness(failed, null, null, null, null, null, null));
        RunResult run = new RunResult("freshness", TestingManifests.INVOCATION_ID, CHECKED, Duration.ofMillis(1500),
                List.of(warned, failed));
        return new FreshnessResult(run, sources, Path.of("target/sources.json"));
    }

    private static Map<String, ExecutionDetails> details() {
        return Map.of(TestingManifests.PUBMED, new ExecutionDetails("sluice-worker", "select max(loaded_at) ...",
                "\"sluice\".\"raw\".\"pubmed\"", CHECKED, CHECKED.plusMillis(1)));
    }

    private String json() {
        return writer.toJson(result(), TestingManifests.manifest(), details());
    }

    @Test
    void validatesAgainstDbtsSchema() {
        assertThat(SchemaValidation.errors(SchemaValidation.SOURCES, json())).isEmpty();
    }

    @Test
    void schemaValidationRejectsAStatusDbtDoesNotWrite() {
        assertThat(SchemaValidation.errors(SchemaValidation.SOURCES, json().replace("\"status\": \"warn\"",
                "\"status\": \"stale\""))).isNotEmpty();
    }

    @Test
    void matchesGolden() {
        GoldenFiles.assertMatches("sources.json", json());
    }

    @Test
    void resultsHaveDbtsKeysTimesAndThresholds() throws Exception {
        JsonNode root = parse(json());
        assertThat(names(root)).containsExactly("metadata", "results", "elapsed_time");
        assertThat(root.at("/metadata/dbt_schema_version").asText()).isEqualTo("https://schemas.getdbt.com/dbt/sources/v3.json");
        JsonNode warned = root.at("/results/0");
        assertThat(names(warned)).containsExactly("unique_id", "max_loaded_at", "snapshotted_at",
                "max_loaded_at_time_ago_in_s", "status", "criteria", "adapter_response", "timing", "thread_id",
                "execution_time");
        // times from the database as Python's isoformat() writes aware times, no fraction when it is zero
        assertThat(warned.get("max_loaded_at").asText()).isEqualTo("2025-06-09T07:00:00+00:00");
        assertThat(warned.get("snapshotted_at").asText()).isEqualTo("2025-06-10T09:15:00.312345+00:00");
        assertThat(warned.get("max_loaded_at_time_ago_in_s").asDouble()).isEqualTo(94_500.312345);
        // the thresholds as the manifest's source has them
        assertThat(warned.get("criteria").toString()).isEqualTo("{\"warn_after\":{\"count\":1,\"period\":\"day\"},"
                + "\"error_after\":{\"count\":null,\"period\":null},\"filter\":null}");
        assertThat(warned.at("/timing/0/name").asText()).isEqualTo("compile");
        assertThat(warned.at("/timing/1/name").asText()).isEqualTo("execute");
        assertThat(warned.at("/timing/1/completed_at").asText()).isEqualTo("2025-06-10T09:15:00.312000Z");
        JsonNode failed = root.at("/results/1");
        assertThat(names(failed)).containsExactly("unique_id", "error", "status");
        assertThat(failed.get("status").asText()).isEqualTo("runtime error");
        assertThat(failed.get("error").asText()).isEqualTo("models/staging/sources.yml:12: Database error in freshness "
                + "of source raw.clinical_trials (SQLSTATE 42P01): relation does not exist");
        assertThat(root.get("elapsed_time").asDouble()).isEqualTo(1.5);
    }
}
