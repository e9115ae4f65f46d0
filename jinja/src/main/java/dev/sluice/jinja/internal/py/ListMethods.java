package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The methods of Python's {@code list}, {@code tuple} and {@code range}. */
final class ListMethods {
    private static final String[] SORT_NAMES = {"key", "reverse"};
    private static final Object[] SORT_DEFAULTS = {null, false};

    static final Map<String, PyMethod> LIST = buildList();
    static final Map<String, PyMethod> TUPLE = Map.of(
            "count", (ctx, self, a) -> count((List<?>) self, MethodArgs.one(a, "tuple.count")),
            "index", (ctx, self, a) -> index((List<?>) self, a, "tuple.index", "tuple.index(x): x not in tuple"));
    static final Map<String, PyMethod> RANGE = Map.of(
            "count", (ctx, self, a) -> rangeCount((PyRange) self, MethodArgs.one(a, "range.count")),
            "index", (ctx, self, a) -> rangeIndex((PyRange) self, MethodArgs.one(a, "range.index")));

    private ListMethods() {
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object self) {
        return (List<Object>) self;
    }

    private static Map<String, PyMethod> buildList() {
        Map<String, PyMethod> m = new HashMap<>(16);
        m.put("append", (ctx, self, a) -> {
            Object x = MethodArgs.one(a, "list.append");
            Mutation.run("append to", "list", () -> list(self).add(x));
            return null;
        });
        m.put("clear", (ctx, self, a) -> {
            MethodArgs.none(a, "list.clear");
            Mutation.run("clear", "list", () -> list(self).clear());
            return null;
        });
        m.put("copy", (ctx, self, a) -> {
            MethodArgs.none(a, "list.copy");
            return new ArrayList<>(list(self));
        });
        m.put("count", (ctx, self, a) -> count(list(self), MethodArgs.one(a, "list.count")));
        m.put("extend", (ctx, self, a) -> {
            List<Object> items = PyOps.toList(MethodArgs.one(a, "list.extend"));
            Mutation.run("extend", "list", () -> list(self).addAll(items));
            return null;
        });
        m.put("index", (ctx, self, a) -> index(list(self), a, "list.index", null));
        m.put("insert", (ctx, self, a) -> {
            MethodArgs.positional(a, "list.insert", 2, 2);
            List<Object> l = list(self);
            long where = MethodArgs.index(a.get(0));
            int n = l.size();
            if (where < 0) {
                where = Math.max(where + n, 0);
            }
            int at = (int) Math.min(where, n);
            Mutation.run("insert into", "list", () -> l.add(at, a.get(1)));
            return null;
        });
        m.put("pop", (ctx, self, a) -> pop(list(self), a));
        m.put("remove", (ctx, self, a) -> {
            Object x = MethodArgs.one(a, "list.remove");
            List<Object> l = list(self);
            for (int i = 0; i < l.size(); i++) {
                Object y = l.get(i);
                if (y == x || PyOps.eq(y, x)) {
                    int at = i;
                    Mutation.run("remove from", "list", () -> l.remove(at));
                    return null;
                }
            }
            throw PyErrors.value("list.remove(x): x not in list");
        });
        m.put("reverse", (ctx, self, a) -> {
            MethodArgs.none(a, "list.reverse");
            Mutation.run("reverse", "list", () -> Collections.reverse(list(self)));
            return null;
        });
        m.put("sort", ListMethods::sort);
        return Map.copyOf(m);
    }

    static long count(List<?> l, Object x) {
        long n = 0;
        for (Object y : l) {
            if (y == x || PyOps.eq(y, x)) {
                n++;
            }
        }
        return n;
    }

    /** {@code index(value, start=0, stop=sys.maxsize, /)}; {@code missing} null means "<repr> is not in list". */
    private static long index(List<?> l, Arguments a, String qualname, String missing) {
        MethodArgs.positional(a, qualname, 1, 3);
        Object x = a.get(0);
        int n = l.size();
        long start = a.size() > 1 ? MethodArgs.sliceIndex(a.get(1), false, 0) : 0;
        long stop = a.size() > 2 ? MethodArgs.sliceIndex(a.get(2), false, 0) : Long.MAX_VALUE;
        if (start < 0) {
            start = Math.max(start + n, 0);
        }
        if (stop < 0) {
            stop = Math.max(stop + n, 0);
        }
        for (long i = start; i < stop && i < l.size(); i++) {
            Object y = l.get((int) i);
            if (y == x || PyOps.eq(y, x)) {
                return i;
            }
        }
        throw PyErrors.value(missing != null ? missing : PyRepr.repr(x) + " is not in list");
    }

    private static Object pop(List<Object> l, Arguments a) {
        MethodArgs.positional(a, "list.pop", 0, 1);
        long i = a.size() > 0 ? MethodArgs.index(a.get(0)) : -1;
        int n = l.size();
        if (n == 0) {
            throw PyErrors.index("pop from empty list");
        }
        if (i < 0) {
            i += n;
        }
        if (i < 0 || i >= n) {
            throw PyErrors.index("pop index out of range");
        }
        int at = (int) i;
        Object[] removed = new Object[1];
        Mutation.run("pop from", "list", () -> removed[0] = l.remove(at));
        return removed[0];
    }

    private static Object sort(CallContext ctx, Object self, Arguments a) {
        Object[] p = MethodArgs.keywordOnly(a, "sort", SORT_NAMES, SORT_DEFAULTS);
        Object key = p[0];
        boolean reverse = MethodArgs.index(p[1]) != 0;
        List<Object> l = list(self);
        List<Object> sorted = PySorting.sort(ctx, l, key, reverse);
        Mutation.run("sort", "list", () -> {
            for (int i = 0; i < sorted.size(); i++) {
                l.set(i, sorted.get(i));
            }
        });
        return null;
    }

    private static boolean isExactInt(Object x) {
        return PyTypes.isIntegral(x);
    }

    /** The position of the int {@code x} in {@code r}, or -1; computed, not searched. */
    private static long rangePosition(PyRange r, Object x) {
        if (!PyTypes.fitsLong(x)) {
            return -1;
        }
        long v = PyTypes.asLong(x);
        long start = r.start();
        long step = r.step();
        boolean inside = step > 0 ? v >= start && v < r.stop() : v <= start && v > r.stop();
        if (!inside || (v - start) % step != 0) {
            return -1;
        }
        return (v - start) / step;
    }

    private static long rangeCount(PyRange r, Object x) {
        if (isExactInt(x)) {
            return rangePosition(r, x) >= 0 ? 1 : 0;
        }
        return count(r, x);
    }

    private static long rangeIndex(PyRange r, Object x) {
        if (isExactInt(x)) {
            long i = rangePosition(r, x);
            if (i < 0) {
                throw PyErrors.value(PyRepr.repr(x) + " is not in range");
            }
            return i;
        }
        for (int i = 0; i < r.size(); i++) {
            if (PyOps.eq(r.get(i), x)) {
                return i;
            }
        }
        throw PyErrors.value("sequence.index(x): x not in sequence");
    }
}
