package dev.sluice.core.internal.docs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the last {@code run}, {@code build} or {@code seed} said about each node, read from
 * {@code run_results.json} before {@code docs generate} overwrites it. Results of other commands
 * (compile, show) are not runs and are ignored; so is a missing or unreadable file.
 */
public record LastRun(String command, String generatedAt, Map<String, Result> results) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public LastRun {
        results = Map.copyOf(results);
    }

    /** One node's outcome: dbt's status word, seconds, the adapter's message. */
    public record Result(String status, double seconds, String message) {
        public Result {
            requireNonNull(status, "status is null");
        }
    }

    public static LastRun none() {
        return new LastRun(null, null, Map.of());
    }

    public static LastRun read(Path runResults) {
        if (!Files.isRegularFile(runResults)) {
            return none();
        }
        try {
            JsonNode root = MAPPER.readTree(runResults.toFile());
            String command = root.path("args").path("which").asText("");
            if (!(command.equals("run") || command.equals("build") || command.equals("seed"))) {
                return none();
            }
            Map<String, Result> results = new LinkedHashMap<>();
            for (JsonNode r : root.path("results")) {
                String id = r.path("unique_id").asText(null);
                if (id != null) {
                    results.put(id, new Result(r.path("status").asText("unknown"), r.path("execution_time").asDouble(),
                            r.path("message").isNull() ? null : r.path("message").asText(null)));
                }
            }
            return new LastRun(command, root.path("metadata").path("generated_at").asText(null), results);
        } catch (IOException e) {
            return none(); // a broken file only means the site shows no run status
        }
    }

    public Result of(String uniqueId) {
        return results.get(uniqueId);
    }
}
