package dev.sluice.jinja.spi;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a call from a template: positional values and keyword values in call order.
 * Null is Python's {@code None}. Immutable.
 *
 * <pre>{@code
 * JinjaCallable greet = (ctx, args) -> {
 *     Object[] a = GREET.bind(args);          // Signature GREET = Signature.of("greet").required("name").optional("punct", "!")
 *     return "hello " + a[0] + a[1];
 * };
 * }</pre>
 */
public final class Arguments {
    private static final Object[] NO_VALUES = new Object[0];
    private static final String[] NO_NAMES = new String[0];

    /** No arguments at all. */
    public static final Arguments EMPTY = new Arguments(NO_VALUES, NO_NAMES, NO_VALUES);

    private final Object[] positional;
    private final String[] names;
    private final Object[] keywordValues;

    private Arguments(Object[] positional, String[] names, Object[] keywordValues) {
        this.positional = positional;
        this.names = names;
        this.keywordValues = keywordValues;
    }

    /** Positional arguments only. */
    public static Arguments of(Object... positional) {
        return positional.length == 0 ? EMPTY : new Arguments(positional.clone(), NO_NAMES, NO_VALUES);
    }

    /** Positional and keyword arguments; the keywords keep the map's iteration order. */
    public static Arguments of(List<?> positional, Map<String, ?> keywords) {
        String[] names = keywords.isEmpty() ? NO_NAMES : new String[keywords.size()];
        Object[] values = keywords.isEmpty() ? NO_VALUES : new Object[keywords.size()];
        int i = 0;
        for (Map.Entry<String, ?> e : keywords.entrySet()) {
            names[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return new Arguments(positional.isEmpty() ? NO_VALUES : positional.toArray(), names, values);
    }

    /** Takes ownership of the arrays: the caller must not change them afterwards. */
    public static Arguments wrap(Object[] positional, String[] names, Object[] keywordValues) {
        if (names.length != keywordValues.length) {
            throw new IllegalArgumentException("names and keywordValues differ in length");
        }
        return new Arguments(positional, names, keywordValues);
    }

    /** The number of positional arguments. */
    public int size() {
        return positional.length;
    }

    /** The positional argument at {@code index}. */
    public Object get(int index) {
        return positional[index];
    }

    /** True when there are neither positional nor keyword arguments. */
    public boolean isEmpty() {
        return positional.length == 0 && names.length == 0;
    }

    public List<Object> positional() {
        return Collections.unmodifiableList(Arrays.asList(positional));
    }

    /** The number of keyword arguments. */
    public int keywordCount() {
        return names.length;
    }

    public String keywordName(int index) {
        return names[index];
    }

    public Object keywordValue(int index) {
        return keywordValues[index];
    }

    public boolean hasKeyword(String name) {
        return indexOf(name) >= 0;
    }

    /** The keyword argument {@code name}, or {@code fallback} when it was not passed. */
    public Object keyword(String name, Object fallback) {
        int i = indexOf(name);
        return i < 0 ? fallback : keywordValues[i];
    }

    /** The keyword arguments, in call order. */
    public Map<String, Object> keywords() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], keywordValues[i]);
        }
        return map;
    }

    /** These arguments with {@code first} put before the positional ones. */
    public Arguments prepend(Object first) {
        Object[] p = new Object[positional.length + 1];
        p[0] = first;
        System.arraycopy(positional, 0, p, 1, positional.length);
        return new Arguments(p, names, keywordValues);
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "Arguments" + Arrays.toString(positional) + keywords();
    }
}
