package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyTypes;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Undefined;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Puts into a dict with Python's key rules: unhashable keys fail, equal keys (1, 1.0, True) merge. */
final class DictKeys {
    private DictKeys() {
    }

    static void put(Map<Object, Object> map, Object key, Object value) {
        if ((key instanceof List && !(key instanceof PyTuple)) || key instanceof Map || key instanceof Set) {
            throw PyErrors.type("unhashable type: '" + PyTypes.typeName(key) + "'");
        }
        if (key instanceof Undefined u) {
            u.checkUsable();
        }
        if (!map.containsKey(key) && (key instanceof Number || key instanceof Boolean)) {
            for (Object existing : map.keySet()) {
                if (PyOps.eq(existing, key)) {
                    map.put(existing, value);
                    return;
                }
            }
        }
        map.put(PyTypes.normalize(key), value);
    }
}
