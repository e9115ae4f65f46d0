package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.PyTuple;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;

/** A live view of a dict: {@code dict_keys}, {@code dict_values} or {@code dict_items} (which yields (key, value) tuples). */
public final class PyDictView extends AbstractCollection<Object> implements PyTyped, PyStringable {
    /** Which view. */
    public enum Kind {
        KEYS("dict_keys"), VALUES("dict_values"), ITEMS("dict_items");

        private final String typeName;

        Kind(String typeName) {
            this.typeName = typeName;
        }
    }

    private final Map<?, ?> map;
    private final Kind kind;

    public PyDictView(Map<?, ?> map, Kind kind) {
        this.map = map;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public Iterator<Object> iterator() {
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Object next() {
                Map.Entry<?, ?> e;
                try {
                    e = entries.next();
                } catch (ConcurrentModificationException ex) {
                    throw PyErrors.runtime("dictionary changed size during iteration");
                }
                return switch (kind) {
                    case KEYS -> e.getKey();
                    case VALUES -> e.getValue();
                    case ITEMS -> PyTuple.of(e.getKey(), e.getValue());
                };
            }
        };
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean contains(Object o) {
        switch (kind) {
            case KEYS:
                return PyOps.mapContains(map, o);
            case ITEMS:
                if (o instanceof PyTuple t && t.size() == 2 && PyOps.mapContains(map, t.get(0))) {
                    Object v = PyOps.mapGet(map, t.get(0), null);
                    return v == t.get(1) || PyOps.eq(v, t.get(1));
                }
                return false;
            default:
                for (Object v : map.values()) {
                    if (v == o || PyOps.eq(v, o)) {
                        return true;
                    }
                }
                return false;
        }
    }

    @Override
    public String pyTypeName() {
        return kind.typeName;
    }

    @Override
    public String pyStr() {
        return kind.typeName + "(" + PyRepr.repr(new ArrayList<>(this)) + ")";
    }

    @Override
    public String toString() {
        return pyStr();
    }
}
