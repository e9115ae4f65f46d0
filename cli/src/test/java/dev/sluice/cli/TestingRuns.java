package dev.sluice.cli;

import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic {@code build} of the drug-mentions project, as the engine would report it: two
 * seeds, three models (one fails, one is skipped because of it) and two tests (one fails).
 */
final class TestingRuns {
    static final Instant STARTED = Instant.parse("2024-05-01T12:01:02Z");

    static final NodeInfo DRUGS = node("seed.drugs.drugs", "drugs", ResourceType.SEED, "seeds/drugs.csv", "seed", "seed.drugs");
    static final NodeInfo PUBMED = node("seed.drugs.pubmed", "pubmed", ResourceType.SEED, "seeds/pubmed.csv", "seed", "seed.pubmed");
    static final NodeInfo RSV_DRUGS = node("model.drugs.rsv__drugs", "rsv__drugs", ResourceType.MODEL,
            "models/reservoir/rsv__drugs.sql", "table", "rsv.rsv__drugs");
    static final NodeInfo RSV_PUBMED = node("model.drugs.rsv__pubmed", "rsv__pubmed", ResourceType.MODEL,
            "models/reservoir/rsv__pubmed.sql", "view", "rsv.rsv__pubmed");
    static final NodeInfo MENTIONS = node("model.drugs.mentions", "mentions", ResourceType.MODEL,
            "models/core/mentions.sql", "table", "core.mentions");
    static final NodeInfo NOT_NULL = node("test.drugs.not_null_rsv__drugs_id.1a2b3c", "not_null_rsv__drugs_id",
            ResourceType.TEST, "models/reservoir/schema.yml", "test", null);
    static final NodeInfo UNIQUE = node("test.drugs.unique_rsv__drugs_id.4d5e6f", "unique_rsv__drugs_id",
            ResourceType.TEST, "models/reservoir/schema.yml", "test", null);

    static final SluiceException COLUMN_ERROR = new DatabaseException("42703", 31,
            new Location("models/reservoir/rsv__pubmed.sql", 12, 5), "column \"titel\" does not exist\n"
            + "compiled SQL at target/run/drugs/models/reservoir/rsv__pubmed.sql:12", null);

    private TestingRuns() {
    }

    static NodeInfo node(String id, String name, ResourceType type, String path, String materialized, String relation) {
        List<String> fqn = new java.util.ArrayList<>(List.of("drugs"));
        String[] parts = path.split("/");
        fqn.addAll(List.of(parts).subList(1, parts.length - 1));
        fqn.add(name);
        return new NodeInfo(id, name, type, path, materialized, relation, List.of(), fqn);
    }

    static NodeResult result(NodeInfo node, NodeStatus status, String message, long millis, long rows,
            SluiceException error) {
        return new NodeResult(node, status, message, STARTED, Duration.ofMillis(millis), rows, error);
    }

    static RunResult result(String command, List<NodeResult> results) {
        return new RunResult(command, "7c1d1c4e-0000-4000-8000-000000000001", STARTED, Duration.ofMillis(1234), results);
    }

    static final List<NodeResult> BUILD_RESULTS = List.of(
            result(DRUGS, NodeStatus.SUCCESS, "INSERT 40", 200, 40, null),
            result(PUBMED, NodeStatus.SUCCESS, "INSERT 12", 150, 12, null),
            result(RSV_DRUGS, NodeStatus.SUCCESS, "SELECT 42", 310, 42, null),
            result(NOT_NULL, NodeStatus.PASS, "PASS", 40, 0, null),
            result(UNIQUE, NodeStatus.FAIL, "Got 3 results, configured to fail if != 0", 50, 3, null),
            result(RSV_PUBMED, NodeStatus.ERROR, COLUMN_ERROR.getMessage(), 50, -1, COLUMN_ERROR),
            result(MENTIONS, NodeStatus.SKIPPED, "SKIP", 0, -1, null));

    static final List<String> DESCRIPTIONS = List.of("seed file seed.drugs", "seed file seed.pubmed",
            "sql table model rsv.rsv__drugs", "test not_null_rsv__drugs_id", "test unique_rsv__drugs_id",
            "sql view model rsv.rsv__pubmed", "sql table model core.mentions");

    /** The events of the build, in the order a single thread would send them. */
    static List<SluiceEvent> buildEvents() {
        List<SluiceEvent> events = new ArrayList<>();
        int total = BUILD_RESULTS.size();
        events.add(new SluiceEvent.Message(SluiceEvent.Level.WARN, "Unknown config key 'materialised'",
                Location.of("dbt_project.yml", 14)));
        events.add(new SluiceEvent.Message(SluiceEvent.Level.DEBUG, "Parsed 5 files in 12 ms", null));
        events.add(new SluiceEvent.RunStarted("build", total, "2 seeds, 3 models, 2 data tests, 0 sources, 12 macros", 4,
                "dev"));
        for (int i = 0; i < total; i++) {
            NodeResult result = BUILD_RESULTS.get(i);
            String description = DESCRIPTIONS.get(i);
            if (result.status() != NodeStatus.SKIPPED) {
                events.add(new SluiceEvent.NodeStarted(i + 1, total, result.node(), description));
            }
            events.add(new SluiceEvent.NodeFinished(i + 1, total, result, description));
        }
        events.add(new SluiceEvent.RunFinished(result("build", BUILD_RESULTS)));
        return events;
    }

    /** Replaces the time at the start of each line, which changes from run to run. */
    static String maskTime(String text) {
        return text.replaceAll("(?m)^\\d\\d:\\d\\d:\\d\\d", "HH:MM:SS");
    }
}
