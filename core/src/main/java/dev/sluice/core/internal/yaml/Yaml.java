package dev.sluice.core.internal.yaml;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import java.util.List;
import java.util.Map;

/** Typed reads of values from a {@link YamlDoc} with errors that say what was expected where. */
public final class Yaml {
    private Yaml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(YamlDoc doc, Object value, String what) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw typeError(doc, value, what, "a mapping");
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(YamlDoc doc, Object value, String what) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw typeError(doc, value, what, "a list");
    }

    public static String string(YamlDoc doc, Object value, String what) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw typeError(doc, value, what, "a string");
        }
        return value.toString();
    }

    /** A list of strings; a single string is a one-element list (as dbt accepts for paths and tags). */
    public static List<String> strings(YamlDoc doc, Object value, String what) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(v -> string(doc, v, what)).toList();
        }
        return List.of(string(doc, value, what));
    }

    private static SluiceException typeError(YamlDoc doc, Object value, String what, String expected) {
        Location where = doc.locate(value);
        return SluiceException.user("yaml.type", where, "Cannot read " + what + ": expected " + expected + ", got "
                + describe(value));
    }

    private static String describe(Object v) {
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        return "'" + v + "'";
    }
}
