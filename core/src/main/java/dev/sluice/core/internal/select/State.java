package dev.sluice.core.internal.select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Another run's artifacts, for {@code state:} and {@code result:} selection: the nodes of its
 * manifest.json (checksum, config, relation, descriptions) and the statuses of its
 * run_results.json.
 */
public final class State {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final Map<String, JsonNode> nodes = new HashMap<>();
    private final Map<String, String> results = new HashMap<>();

    private State(Path dir) {
        this.dir = dir;
    }

    public static State load(Path dir) {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw SluiceException.user("state.missing", Location.of(dir.toString()), "Cannot compare with --state " + dir
                    + ": it has no manifest.json; point --state at the target directory of an earlier run");
        }
        State s = new State(dir);
        try {
            JsonNode root = MAPPER.readTree(manifest.toFile());
            root.path("nodes").fields().forEachRemaining(e -> s.nodes.put(e.getKey(), e.getValue()));
            root.path("sources").fields().forEachRemaining(e -> s.nodes.put(e.getKey(), e.getValue()));
            root.path("exposures").fields().forEachRemaining(e -> s.nodes.put(e.getKey(), e.getValue()));
            root.path("unit_tests").fields().forEachRemaining(e -> s.nodes.put(e.getKey(), e.getValue()));
            Path runResults = dir.resolve("run_results.json");
            if (Files.isRegularFile(runResults)) {
                for (JsonNode r : MAPPER.readTree(runResults.toFile()).path("results")) {
                    s.results.put(r.path("unique_id").asText(), r.path("status").asText());
                }
            }
        } catch (IOException e) {
            throw SluiceException.user("state.read", Location.of(manifest.toString()), "Cannot read " + manifest + ": "
                    + e.getMessage(), e);
        }
        return s;
    }

    public Path dir() {
        return dir;
    }

    /** The node as the other run's manifest has it, or null when it did not exist. */
    JsonNode node(String uniqueId) {
        return nodes.get(uniqueId);
    }

    /** The relation the other run built for the node (its manifest's database, schema and alias), or null. */
    public dev.sluice.core.spi.Relation relation(String uniqueId) {
        JsonNode n = nodes.get(uniqueId);
        if (n == null || n.path("relation_name").isNull() || n.path("schema").isMissingNode()) {
            return null;
        }
        String database = n.path("database").isNull() ? null : n.path("database").asText(null);
        String identifier = n.hasNonNull("alias") ? n.path("alias").asText() : n.path("identifier").asText(null);
        if (identifier == null) {
            return null;
        }
        String materialized = n.path("config").path("materialized").asText("");
        dev.sluice.core.spi.RelationType type = materialized.equals("view") ? dev.sluice.core.spi.RelationType.VIEW
                : dev.sluice.core.spi.RelationType.TABLE;
        return dev.sluice.core.spi.Relation.of(database == null || database.isEmpty() ? null : database,
                n.path("schema").asText(), identifier, type);
    }

    /** The node's status in the other run's run_results.json (success, error, fail, ...), or null. */
    String result(String uniqueId) {
        return results.get(uniqueId);
    }

    /** A value as JSON read back, so numbers compare alike however they were held (int, long, decimal). */
    static JsonNode normalize(Object value) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(value));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
