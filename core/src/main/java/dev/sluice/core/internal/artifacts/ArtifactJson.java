package dev.sluice.core.internal.artifacts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Writes a tree of ordered maps, lists and scalars as dbt writes its artifacts, which is Python's
 * {@code json.dumps} with its defaults: one line, {@code ", "} and {@code ": "} between items,
 * non-ASCII escaped as lower-case {@code \}{@code u00e9}, floats as Python's {@code repr}. Keys
 * keep the maps' iteration order; every string value passes through {@link Secrets#scrub}.
 */
final class ArtifactJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final CharacterEscapes ESCAPES = new PythonEscapes();

    private ArtifactJson() {
    }

    static String write(Object tree, Secrets secrets) {
        StringWriter out = new StringWriter(1 << 16);
        try {
            write(tree, secrets, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Streams {@code tree} to {@code out} (left open). A {@link Supplier} in the tree stands for
     * its value, built only when written: a manifest of 10,000 nodes then never holds all their
     * JSON maps at once.
     */
    static void write(Object tree, Secrets secrets, Writer out) throws IOException {
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.setPrettyPrinter(new PythonSeparators());
            gen.setCharacterEscapes(ESCAPES);
            value(gen, tree, secrets);
        }
    }

    private static void value(JsonGenerator gen, Object v, Secrets secrets) throws IOException {
        if (v == null) {
            gen.writeNull();
        } else if (v instanceof String s) {
            gen.writeString(secrets.scrub(s));
        } else if (v instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            gen.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger i) {
            gen.writeNumber(i);
        } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                gen.writeNumber(PythonFloat.repr(d));
            } else {
                gen.writeNull();
            }
        } else if (v instanceof Map<?, ?> map) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> e : stable(map).entrySet()) {
                gen.writeFieldName(String.valueOf(e.getKey()));
                value(gen, e.getValue(), secrets);
            }
            gen.writeEndObject();
        } else if (v instanceof Collection<?> list) {
            gen.writeStartArray();
            for (Object item : stable(list)) {
                value(gen, item, secrets);
            }
            gen.writeEndArray();
        } else if (v instanceof Supplier<?> lazy) {
            value(gen, lazy.get(), secrets);
        } else if (v instanceof Object[] array) {
            value(gen, java.util.Arrays.asList(array), secrets);
        } else {
            // dates from YAML, enums and the like: their text, as dbt's encoder falls back to str()
            gen.writeString(secrets.scrub(v.toString()));
        }
    }

    /**
     * The map itself when it has an order (linked or sorted); sorted by key when it has none, as
     * {@code Map.of}, {@code Map.copyOf} and {@code HashMap} iterate in an order that changes from
     * one JVM to the next, and two runs must write the same bytes.
     */
    static Map<?, ?> stable(Map<?, ?> map) {
        if (map.size() < 2 || !unordered(map)) {
            return map;
        }
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        return sorted;
    }

    private static Collection<?> stable(Collection<?> items) {
        if (items.size() < 2 || !(items instanceof Set<?>) || !unordered(items)) {
            return items;
        }
        List<Object> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(String::valueOf));
        return sorted;
    }

    private static boolean unordered(Object container) {
        return (container instanceof HashMap<?, ?> && !(container instanceof LinkedHashMap<?, ?>))
                || (container instanceof HashSet<?> && !(container instanceof LinkedHashSet<?>))
                || container.getClass().getName().startsWith("java.util.ImmutableCollections$");
    }

    /** Python's default separators: {@code ", "} and {@code ": "}, no newlines. */
    private static final class PythonSeparators implements PrettyPrinter {
        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            g.writeRaw('}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw(']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {
        }
    }

    /**
     * Python's {@code ensure_ascii}: control characters other than {@code \b \t \n \f \r}, DEL and
     * everything beyond ASCII as lower-case {@code \}{@code uXXXX} (astral characters as their two
     * UTF-16 halves, which is what Python writes too).
     */
    private static final class PythonEscapes extends CharacterEscapes {
        private final int[] ascii;

        PythonEscapes() {
            ascii = standardAsciiEscapesForJSON();
            for (int c = 0; c < 0x20; c++) {
                if ("\b\t\n\f\r".indexOf(c) < 0) {
                    ascii[c] = ESCAPE_CUSTOM;
                }
            }
            ascii[0x7F] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch < 0x20 || ch >= 0x7F) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
