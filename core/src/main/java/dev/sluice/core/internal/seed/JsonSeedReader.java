package dev.sluice.core.internal.seed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON seed (one array of objects) or JSON Lines seed (one object per line) through Jackson's
 * streaming parser. Columns are the keys in first-seen order; objects and arrays inside a row are
 * kept as JSON text; numbers keep their exact text. A key repeated within an object is an error.
 */
final class JsonSeedReader implements SeedReader {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private final SeedSpec spec;
    private final boolean lines;
    private final JsonParser parser;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<Position> positions = new ArrayList<>();
    private int rows;
    private boolean done;

    JsonSeedReader(SeedSpec spec, InputStream in, boolean lines) {
        this.spec = spec;
        this.lines = lines;
        try {
            this.parser = MAPPER.createParser(new TrackedReader(in, spec, false));
        } catch (IOException e) {
            throw SeedErrors.at(spec, "read", Position.UNKNOWN, "cannot read the file: " + e.getMessage(), e);
        }
        if (!lines && token() != JsonToken.START_ARRAY) {
            throw error("a .json seed holds one array of objects ([{...}, {...}]), but this file starts with "
                    + describe(parser.currentToken()) + "; for one object per line name the file .jsonl");
        }
    }

    @Override
    public List<String> columns() {
        return names;
    }

    @Override
    public Position columnPosition(int i) {
        return positions.get(i);
    }

    @Override
    public boolean columnsKnownUpFront() {
        return false;
    }

    @Override
    public SeedRow next() {
        if (done) {
            return null;
        }
        JsonToken t = token();
        if (t == null || (!lines && t == JsonToken.END_ARRAY)) {
            if (!lines && token() != null) {
                throw error("there is more after the array ends; a .json seed holds exactly one array");
            }
            done = true;
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw error(lines ? "each line of a JSON Lines seed must be an object, found " + describe(t)
                    : "element " + (rows + 1) + " of the array is " + describe(t) + ", not an object");
        }
        rows++;
        Position at = position(parser.currentTokenLocation());
        String[] values = new String[names.size()];
        ValueKind[] kinds = new ValueKind[names.size()];
        while (token() == JsonToken.FIELD_NAME) {
            int i = column(fieldName());
            if (i >= values.length) {
                values = Arrays.copyOf(values, names.size());
                kinds = Arrays.copyOf(kinds, names.size());
            }
            read(token(), values, kinds, i);
        }
        return new SeedRow(at.line(), at.column(), values, kinds);
    }

    private void read(JsonToken t, String[] values, ValueKind[] kinds, int i) {
        try {
            switch (t) {
                case VALUE_STRING -> set(values, kinds, i, parser.getText(), ValueKind.JSON_STRING);
                case VALUE_NUMBER_INT -> set(values, kinds, i, parser.getText(), ValueKind.JSON_INTEGER);
                case VALUE_NUMBER_FLOAT -> set(values, kinds, i, parser.getText(), ValueKind.JSON_DECIMAL);
                case VALUE_TRUE, VALUE_FALSE -> set(values, kinds, i, parser.getText(), ValueKind.JSON_BOOLEAN);
                case START_OBJECT, START_ARRAY -> set(values, kinds, i,
                        MAPPER.writeValueAsString(MAPPER.readTree(parser)), ValueKind.JSON_NESTED);
                default -> set(values, kinds, i, null, null);
            }
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static void set(String[] values, ValueKind[] kinds, int i, String value, ValueKind kind) {
        values[i] = value;
        kinds[i] = kind;
    }

    private String fieldName() {
        try {
            return parser.currentName();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private int column(String name) {
        Integer i = index.get(name);
        if (i == null) {
            i = names.size();
            index.put(name, i);
            names.add(name);
            positions.add(position(parser.currentTokenLocation()));
        }
        return i;
    }

    private JsonToken token() {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private RuntimeException unreadable(IOException e) {
        return SeedErrors.at(spec, "read", Position.UNKNOWN, "cannot read the file: " + e.getMessage(), e);
    }

    private static final java.util.regex.Pattern START_MARKER = java.util.regex.Pattern.compile(
            "\\(start marker at \\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]\\)");

    private RuntimeException invalid(JsonProcessingException e) {
        Position at = e.getLocation() == null ? Position.UNKNOWN : position(e.getLocation());
        // Jackson names where an unclosed array or object started in its own words: say it in ours
        String reason = START_MARKER.matcher(e.getOriginalMessage()).replaceAll("(it opens at line $1, column $2)");
        return SeedErrors.at(spec, "json", at, "the file is not valid JSON: " + reason, e);
    }

    private RuntimeException error(String reason) {
        return SeedErrors.at(spec, "json", position(parser.currentTokenLocation()), reason);
    }

    private static Position position(JsonLocation l) {
        return new Position(Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
