package dev.sluice.core.internal.context;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A render's variables: fixed entries, then every macro a name can reach, created on first use
 * (a project has hundreds of macros; a render calls a few).
 */
final class ContextMap extends AbstractMap<String, Object> {
    private final Map<String, Object> base;
    private final Set<String> lazyNames;
    private final Function<String, Object> lazy;
    private final Map<String, Object> made = new HashMap<>();

    ContextMap(Map<String, Object> base, Set<String> lazyNames, Function<String, Object> lazy) {
        this.base = base;
        this.lazyNames = lazyNames;
        this.lazy = lazy;
    }

    @Override
    public Object get(Object key) {
        Object v = base.get(key);
        if (v != null || base.containsKey(key)) {
            return v;
        }
        if (key instanceof String name && lazyNames.contains(name)) {
            return made.computeIfAbsent(name, lazy);
        }
        return null;
    }

    /** Adds or replaces a fixed entry. */
    void define(String name, Object value) {
        base.put(name, value);
    }

    @Override
    public boolean containsKey(Object key) {
        return base.containsKey(key) || lazyNames.contains(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String name : lazyNames) {
            all.put(name, get(name));
        }
        all.putAll(base);
        return all.entrySet();
    }
}
