package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The methods of Python's {@code dict} (fromkeys is left out). Keys compare as in Python: 1 == 1.0 == True. */
final class DictMethods {
    static final Map<String, PyMethod> TABLE = build();
    private static final Object ABSENT = JinjaObject.ABSENT;

    private DictMethods() {
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> map(Object self) {
        return (Map<Object, Object>) self;
    }

    private static Map<String, PyMethod> build() {
        Map<String, PyMethod> m = new HashMap<>(16);
        m.put("keys", (ctx, self, a) -> view(self, a, "dict.keys", PyDictView.Kind.KEYS));
        m.put("values", (ctx, self, a) -> view(self, a, "dict.values", PyDictView.Kind.VALUES));
        m.put("items", (ctx, self, a) -> view(self, a, "dict.items", PyDictView.Kind.ITEMS));
        m.put("get", (ctx, self, a) -> {
            MethodArgs.positional(a, "dict.get", 1, 2);
            Object key = checkHashable(a.get(0));
            return PyOps.mapGet(map(self), key, MethodArgs.arg(a, 1, null));
        });
        m.put("copy", (ctx, self, a) -> {
            MethodArgs.none(a, "dict.copy");
            return new LinkedHashMap<>(map(self));
        });
        m.put("clear", (ctx, self, a) -> {
            MethodArgs.none(a, "dict.clear");
            Mutation.run("clear", "dict", () -> map(self).clear());
            return null;
        });
        m.put("pop", (ctx, self, a) -> {
            MethodArgs.positional(a, "dict.pop", 1, 2);
            Map<Object, Object> d = map(self);
            Object key = actualKey(d, checkHashable(a.get(0)));
            if (key == ABSENT) {
                if (a.size() > 1) {
                    return a.get(1);
                }
                throw PyErrors.key(a.get(0));
            }
            Object[] removed = new Object[1];
            Mutation.run("pop from", "dict", () -> removed[0] = d.remove(key));
            return removed[0];
        });
        m.put("popitem", (ctx, self, a) -> {
            MethodArgs.none(a, "dict.popitem");
            Map<Object, Object> d = map(self);
            if (d.isEmpty()) {
                throw PyErrors.key("popitem(): dictionary is empty");
            }
            Map.Entry<Object, Object> last = null;
            for (Map.Entry<Object, Object> e : d.entrySet()) {
                last = e;
            }
            PyTuple item = PyTuple.of(last.getKey(), last.getValue());
            Object key = last.getKey();
            Mutation.run("pop from", "dict", () -> d.remove(key));
            return item;
        });
        m.put("setdefault", (ctx, self, a) -> {
            MethodArgs.positional(a, "dict.setdefault", 1, 2);
            Map<Object, Object> d = map(self);
            Object key = actualKey(d, checkHashable(a.get(0)));
            if (key != ABSENT) {
                return d.get(key);
            }
            Object value = MethodArgs.arg(a, 1, null);
            Mutation.run("set a key of", "dict", () -> d.put(a.get(0), value));
            return value;
        });
        m.put("update", (ctx, self, a) -> {
            update(map(self), a);
            return null;
        });
        return Map.copyOf(m);
    }

    private static PyDictView view(Object self, Arguments a, String qualname, PyDictView.Kind kind) {
        MethodArgs.none(a, qualname);
        return new PyDictView(map(self), kind);
    }

    /** The key of {@code map} equal to {@code key} in Python's sense, or ABSENT. */
    static Object actualKey(Map<?, ?> map, Object key) {
        if (map.containsKey(key)) {
            return key;
        }
        if (key instanceof Number || key instanceof Boolean || key instanceof Markup) {
            for (Object k : map.keySet()) {
                if (k != null && PyOps.eq(k, key)) {
                    return k;
                }
            }
        }
        return ABSENT;
    }

    /** {@code d[key] = value}, keeping the existing key object when an equal one is there (as Python does). */
    static void put(Map<Object, Object> d, Object key, Object value) {
        Object k = actualKey(d, checkHashable(key));
        Object target = k == ABSENT ? key : k;
        Mutation.run("set a key of", "dict", () -> d.put(target, value));
    }

    private static void update(Map<Object, Object> d, Arguments a) {
        if (a.size() > 1) {
            throw PyErrors.type("update expected at most 1 argument, got " + a.size());
        }
        if (a.size() == 1) {
            Object other = a.get(0);
            if (other instanceof Map<?, ?> src) {
                for (Map.Entry<?, ?> e : new ArrayList<>(src.entrySet())) {
                    put(d, e.getKey(), e.getValue());
                }
            } else {
                Iterator<Object> it = PyOps.iterate(other);
                for (int i = 0; it.hasNext(); i++) {
                    Object pair = it.next();
                    if (!PyOps.isIterable(pair)) {
                        throw PyErrors.type("cannot convert dictionary update sequence element #" + i
                                + " to a sequence");
                    }
                    List<Object> kv = PyOps.toList(pair);
                    if (kv.size() != 2) {
                        throw PyErrors.value("dictionary update sequence element #" + i + " has length " + kv.size()
                                + "; 2 is required");
                    }
                    put(d, kv.get(0), kv.get(1));
                }
            }
        }
        for (int i = 0; i < a.keywordCount(); i++) {
            put(d, a.keywordName(i), a.keywordValue(i));
        }
    }

    /** Raises Python's TypeError for keys that are mutable containers. */
    static Object checkHashable(Object key) {
        if ((key instanceof List && !(key instanceof PyTuple) && !(key instanceof PyRange)) || key instanceof Map
                || key instanceof Set || key instanceof PyDictView) {
            throw PyErrors.type("unhashable type: '" + MethodArgs.tpName(key) + "'");
        }
        return key;
    }
}
