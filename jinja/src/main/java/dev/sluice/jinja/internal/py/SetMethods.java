package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Markup;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The common methods of Python's {@code set}; membership compares as Python does (1 == 1.0 == True). */
final class SetMethods {
    static final Map<String, PyMethod> TABLE = build();
    private static final Object ABSENT = JinjaObject.ABSENT;

    private SetMethods() {
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> set(Object self) {
        return (Set<Object>) self;
    }

    private static Map<String, PyMethod> build() {
        Map<String, PyMethod> m = new HashMap<>(24);
        m.put("add", (ctx, self, a) -> {
            add(set(self), MethodArgs.one(a, "set.add"));
            return null;
        });
        m.put("discard", (ctx, self, a) -> {
            remove(set(self), MethodArgs.one(a, "set.discard"), false);
            return null;
        });
        m.put("remove", (ctx, self, a) -> {
            remove(set(self), MethodArgs.one(a, "set.remove"), true);
            return null;
        });
        m.put("pop", (ctx, self, a) -> {
            MethodArgs.none(a, "set.pop");
            Set<Object> s = set(self);
            Iterator<Object> it = s.iterator();
            if (!it.hasNext()) {
                throw PyErrors.key("pop from an empty set");
            }
            Object x = it.next();
            Mutation.run("pop from", "set", () -> s.remove(x));
            return x;
        });
        m.put("clear", (ctx, self, a) -> {
            MethodArgs.none(a, "set.clear");
            Mutation.run("clear", "set", () -> set(self).clear());
            return null;
        });
        m.put("copy", (ctx, self, a) -> {
            MethodArgs.none(a, "set.copy");
            return new LinkedHashSet<>(set(self));
        });
        m.put("update", (ctx, self, a) -> {
            MethodArgs.tuple(a, "set.update", 0, Integer.MAX_VALUE);
            Set<Object> s = set(self);
            for (Object other : a.positional()) {
                for (Object x : PyOps.toList(other)) {
                    add(s, x);
                }
            }
            return null;
        });
        m.put("union", (ctx, self, a) -> {
            MethodArgs.tuple(a, "set.union", 0, Integer.MAX_VALUE);
            Set<Object> out = new LinkedHashSet<>(set(self));
            for (Object other : a.positional()) {
                for (Object x : PyOps.toList(other)) {
                    add(out, x);
                }
            }
            return out;
        });
        m.put("intersection", (ctx, self, a) -> {
            MethodArgs.tuple(a, "set.intersection", 0, Integer.MAX_VALUE);
            Set<Object> out = new LinkedHashSet<>(set(self));
            for (Object other : a.positional()) {
                out = intersection(out, other);
            }
            return out;
        });
        m.put("difference", (ctx, self, a) -> {
            MethodArgs.tuple(a, "set.difference", 0, Integer.MAX_VALUE);
            Set<Object> out = new LinkedHashSet<>(set(self));
            for (Object other : a.positional()) {
                List<Object> items = PyOps.toList(other);
                out.removeIf(x -> containsEq(items, x));
            }
            return out;
        });
        m.put("symmetric_difference", (ctx, self, a) -> {
            List<Object> items = PyOps.toList(MethodArgs.one(a, "set.symmetric_difference"));
            Set<Object> out = new LinkedHashSet<>(set(self));
            for (Object x : items) {
                if (find(set(self), x) != ABSENT) {
                    out.remove(find(out, x));
                } else {
                    add(out, x);
                }
            }
            return out;
        });
        m.put("issubset", (ctx, self, a) -> {
            List<Object> items = PyOps.toList(MethodArgs.one(a, "set.issubset"));
            return set(self).stream().allMatch(x -> containsEq(items, x));
        });
        m.put("issuperset", (ctx, self, a) -> {
            List<Object> items = PyOps.toList(MethodArgs.one(a, "set.issuperset"));
            Set<Object> s = set(self);
            return items.stream().allMatch(x -> find(s, x) != ABSENT);
        });
        m.put("isdisjoint", (ctx, self, a) -> {
            List<Object> items = PyOps.toList(MethodArgs.one(a, "set.isdisjoint"));
            Set<Object> s = set(self);
            return items.stream().noneMatch(x -> find(s, x) != ABSENT);
        });
        return Map.copyOf(m);
    }

    /** CPython's set_intersection: iterates the smaller side and keeps the elements it iterated. */
    private static Set<Object> intersection(Set<Object> s, Object other) {
        List<Object> items = PyOps.toList(other);
        Set<Object> out = new LinkedHashSet<>();
        if (other instanceof Set<?> o && o.size() > s.size()) {
            for (Object x : s) {
                if (containsEq(items, x)) {
                    out.add(x);
                }
            }
        } else {
            for (Object x : items) {
                if (find(s, x) != ABSENT && find(out, x) == ABSENT) {
                    out.add(x);
                }
            }
        }
        return out;
    }

    /** The element of {@code s} equal to {@code x} in Python's sense, or ABSENT. */
    private static Object find(Set<Object> s, Object x) {
        if (s.contains(x)) {
            return x;
        }
        if (x instanceof Number || x instanceof Boolean || x instanceof Markup) {
            for (Object y : s) {
                if (y != null && PyOps.eq(y, x)) {
                    return y;
                }
            }
        }
        return ABSENT;
    }

    private static boolean containsEq(List<Object> items, Object x) {
        for (Object y : items) {
            if (y == x || PyOps.eq(y, x)) {
                return true;
            }
        }
        return false;
    }

    private static void add(Set<Object> s, Object x) {
        DictMethods.checkHashable(x);
        if (find(s, x) == ABSENT) {
            Mutation.run("add to", "set", () -> s.add(x));
        }
    }

    private static void remove(Set<Object> s, Object x, boolean required) {
        DictMethods.checkHashable(x);
        Object y = find(s, x);
        if (y == ABSENT) {
            if (required) {
                throw PyErrors.key(x);
            }
            return;
        }
        Mutation.run("remove from", "set", () -> s.remove(y));
    }
}
