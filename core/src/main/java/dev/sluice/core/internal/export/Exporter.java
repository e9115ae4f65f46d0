package dev.sluice.core.internal.export;

import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.Preview;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.io.OutputFiles;
import dev.sluice.core.spi.AdapterConnection;
import dev.sluice.core.spi.Column;
import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.QueryResult;
import dev.sluice.core.spi.Relation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a built model's rows to a file as its {@link ExportSpec} says: JSON (pretty, keys in
 * column order, json/jsonb columns nested as JSON), JSON Lines or CSV; sorted so that the same
 * rows give the same bytes; written atomically; never outside the project directory.
 */
public final class Exporter {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Exporter() {
    }

    /** What an export wrote. */
    public record Exported(Path file, String relativePath, long rows) {
    }

    public static Exported export(AdapterConnection c, Dialect d, Relation relation, ExportSpec spec, Path projectDir,
            String model, String modelFile) {
        Path file = confine(projectDir, spec.path(), model, modelFile);
        List<Column> columns = c.columns(relation);
        List<String> order = spec.orderBy().isEmpty() ? sortable(columns) : spec.orderBy();
        String sql = "select * from " + d.render(relation)
                + (order.isEmpty() ? "" : " order by " + String.join(", ", order.stream().map(d::quote).toList()));
        QueryResult rows = c.query(sql);
        String text = switch (spec.format()) {
            case JSON -> spec.document() ? document(rows, model, modelFile) : json(rows);
            case JSONL -> jsonl(rows);
            case CSV -> csv(rows);
        };
        OutputFiles.atomic(file, text);
        String rel = projectDir.relativize(file).toString().replace('\\', '/');
        return new Exported(file, rel, rows.rows().size());
    }

    /** {@code path} inside the project, or an error: exports never write outside it, even through links. */
    public static Path confine(Path projectDir, String path, String model, String modelFile) {
        Path root = projectDir.toAbsolutePath().normalize();
        Path p = root.resolve(path).normalize();
        boolean inside = p.startsWith(root) && !p.equals(root);
        if (inside) {
            try {
                Path realRoot = root.toRealPath();
                Path existing = p;
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                inside = existing != null && existing.toRealPath().startsWith(realRoot);
            } catch (IOException e) {
                inside = false;
            }
        }
        if (!inside) {
            throw SluiceException.user("export.path", Location.of(modelFile), "Cannot export model " + model + " to '"
                    + path + "': export paths must stay inside the project directory");
        }
        return p;
    }

    private static List<String> sortable(List<Column> columns) {
        List<String> out = new ArrayList<>();
        for (Column col : columns) {
            String t = col.dataType().toLowerCase(Locale.ROOT);
            if (!t.equals("json") && !t.equals("xml") && !t.startsWith("point")) {
                out.add(col.name());
            }
        }
        return out;
    }

    private static String json(QueryResult r) {
        ArrayNode array = NODES.arrayNode();
        for (List<Object> row : r.rows()) {
            array.add(object(r, row));
        }
        return pretty(array);
    }

    private static String document(QueryResult r, String model, String modelFile) {
        if (r.rows().size() != 1 || r.columns().size() != 1) {
            throw SluiceException.user("export.shape", Location.of(modelFile), "Cannot export model " + model
                    + " as a JSON document: it must return one row of one column, but returned " + r.rows().size()
                    + " rows of " + r.columns().size() + " columns");
        }
        return pretty(value(r.columnTypes().get(0), r.rows().get(0).get(0)));
    }

    private static String jsonl(QueryResult r) {
        StringBuilder sb = new StringBuilder();
        for (List<Object> row : r.rows()) {
            try {
                sb.append(MAPPER.writeValueAsString(object(r, row))).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }

    private static String csv(QueryResult r) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                .setHeader(r.columns().toArray(new String[0])).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (List<Object> row : r.rows()) {
                List<Object> values = new ArrayList<>(row.size());
                for (Object v : row) {
                    values.add(v == null ? null : text(v));
                }
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static ObjectNode object(QueryResult r, List<Object> row) {
        ObjectNode o = NODES.objectNode();
        for (int i = 0; i < r.columns().size(); i++) {
            o.set(r.columns().get(i), value(r.columnTypes().get(i), row.get(i)));
        }
        return o;
    }

    private static JsonNode value(String type, Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        String t = type.toLowerCase(Locale.ROOT);
        if ((t.equals("json") || t.equals("jsonb")) && v instanceof String s) {
            try {
                return MAPPER.readTree(s);
            } catch (IOException e) {
                return NODES.textNode(s);
            }
        }
        if (v instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode();
            String element = t.startsWith("_") ? t.substring(1) : "";
            for (Object x : list) {
                a.add(value(element, x));
            }
            return a;
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            return NODES.numberNode(((Number) v).doubleValue());
        }
        return NODES.textNode(text(v));
    }

    private static String text(Object v) {
        return Preview.text(v);
    }

    private static String pretty(JsonNode node) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayEmptySeparator("")
                .withObjectEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(pp).without(com.fasterxml.jackson.databind.SerializationFeature.FAIL_ON_EMPTY_BEANS)
                    .writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
