package dev.sluice.core.internal.datatest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** dbt's synthesized generic test names and the hash that ends a test's unique_id. */
final class TestNames {
    /** dbt truncates a synthesized name of this many characters or more. */
    static final int MAX_NAME = 64;
    private static final Pattern NOT_WORD = Pattern.compile("[^0-9a-zA-Z_]+");

    private TestNames() {
    }

    /**
     * {@code {short, full}}: full is {@code <type>_<target>_<flattened arguments>}, the arguments' values
     * in the order of their sorted names (a list's items, a mapping's values, each as Python's str)
     * with runs of other characters than letters, digits and _ made one _, joined by __. Short is full,
     * or when full has 64 characters or more, the first 30 of {@code <type>_<target>}, _ and full's md5.
     */
    static String[] synthesize(String type, String target, Map<String, Object> args) {
        List<String> flat = new ArrayList<>();
        List<String> keys = new ArrayList<>(args.keySet());
        keys.sort(PyText.CODE_POINT_ORDER);
        for (String key : keys) {
            if (key.equals("model")) {
                continue;
            }
            Object value = args.get(key);
            if (value instanceof Map<?, ?> m) {
                m.values().forEach(v -> flat.add(PyText.str(v)));
            } else if (value instanceof List<?> l) {
                l.forEach(v -> flat.add(PyText.str(v)));
            } else {
                flat.add(PyText.str(value));
            }
        }
        String unique = String.join("__", flat.stream().map(p -> NOT_WORD.matcher(p).replaceAll("_")).toList());
        String identifier = type + "_" + target;
        String full = identifier + "_" + unique;
        if (full.codePointCount(0, full.length()) < MAX_NAME) {
            return new String[] {full, full};
        }
        String head = identifier.codePointCount(0, identifier.length()) <= 30 ? identifier
                : identifier.substring(0, identifier.offsetByCodePoints(0, 30));
        return new String[] {head + "_" + PyText.md5(full), full};
    }

    /**
     * The last 10 hex digits of md5(name + repr(test_metadata)), where test_metadata's mappings have
     * their keys sorted and every leaf is turned into Python's str of it.
     */
    static String hash(GenericTestSpec spec) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("namespace", spec.namespace());
        metadata.put("name", spec.testName());
        metadata.put("kwargs", spec.testMetadataKwargs());
        String md5 = PyText.md5(spec.name() + PyText.repr(hashable(metadata)));
        return md5.substring(md5.length() - 10);
    }

    private static Object hashable(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>(PyText.CODE_POINT_ORDER);
            m.forEach((k, v) -> sorted.put(String.valueOf(k), hashable(v)));
            return sorted;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(hashable(v)));
            return out;
        }
        return PyText.str(value);
    }
}
