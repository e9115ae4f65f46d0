package dev.sluice.core.internal.export;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.model.Node;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model's {@code export} config: where its rows go after it is built, and how.
 *
 * <pre>
 * models:
 *   my_project:
 *     datamart:
 *       drug_graph:
 *         +export: {path: output/drug_mentions.json, format: json}
 * </pre>
 *
 * @param format {@code json} (an array of row objects; with {@code shape: document}, the single
 *     value of a one-row, one-column model), {@code jsonl} (one object per line) or {@code csv}
 * @param orderBy columns to sort by; by default every column that can be sorted, so exports are
 *     byte-for-byte repeatable
 */
public record ExportSpec(String path, Format format, boolean document, List<String> orderBy) {
    public enum Format { JSON, JSONL, CSV }

    /**
     * Checks every export config when the project loads, so that a bad one fails before anything
     * is built: the config's shape, a path inside {@code projectDir}, a model that has a relation.
     */
    public static void validateAll(Collection<Node> nodes, Path projectDir) {
        for (Node n : nodes) {
            ExportSpec spec = of(n);
            if (spec == null) {
                continue;
            }
            if (n.resourceType() != ResourceType.MODEL || n.isEphemeral()) {
                throw SluiceException.user("export.config", Location.of(n.originalFilePath()), "Cannot export "
                        + n.resourceType().dbtName() + " " + n.name() + ": only models built as a view or a table"
                        + " have rows to export (remove 'export' from its config, or materialize it)");
            }
            Exporter.confine(projectDir, spec.path(), n.name(), n.originalFilePath());
        }
    }

    /** The export of {@code node}, or null when it has none. */
    public static ExportSpec of(Node node) {
        Object raw = node.config().get("export");
        if (raw == null) {
            return null;
        }
        Location where = Location.of(node.originalFilePath());
        if (!(raw instanceof Map<?, ?> m)) {
            throw SluiceException.user("export.config", where, "Cannot export model " + node.name()
                    + ": 'export' must be a mapping such as {path: output/x.json, format: json}");
        }
        Object path = m.get("path");
        if (path == null || path.toString().isBlank()) {
            throw SluiceException.user("export.config", where, "Cannot export model " + node.name()
                    + ": 'export' needs a 'path' (e.g. output/" + node.name() + ".json)");
        }
        String p = path.toString();
        Object f = m.get("format");
        String format = f == null ? guess(p) : f.toString().toLowerCase(Locale.ROOT);
        Format fmt = switch (format) {
            case "json" -> Format.JSON;
            case "jsonl", "ndjson" -> Format.JSONL;
            case "csv" -> Format.CSV;
            default -> throw SluiceException.user("export.config", where, "Cannot export model " + node.name()
                    + ": format '" + format + "' is not one of json, jsonl, csv");
        };
        Object shape = m.get("shape");
        boolean document = shape != null && shape.toString().equals("document");
        if (shape != null && !document && !shape.toString().equals("rows")) {
            throw SluiceException.user("export.config", where, "Cannot export model " + node.name()
                    + ": shape '" + shape + "' is not one of rows, document");
        }
        if (document && fmt != Format.JSON) {
            throw SluiceException.user("export.config", where, "Cannot export model " + node.name()
                    + ": shape 'document' needs format json");
        }
        List<String> orderBy = m.get("order_by") instanceof List<?> l ? l.stream().map(Object::toString).toList()
                : m.get("order_by") != null ? List.of(m.get("order_by").toString()) : List.of();
        return new ExportSpec(p, fmt, document, orderBy);
    }

    private static String guess(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return "csv";
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return "jsonl";
        }
        return "json";
    }
}
