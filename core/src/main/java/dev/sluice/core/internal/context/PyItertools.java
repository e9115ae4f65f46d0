package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Signature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code modules.itertools}. Finite results are lists (tuples for combinations), which templates
 * loop over, index and print; {@code count()} and {@code repeat(x)} without {@code times} are lazy
 * and endless, for {@code islice} and {@code zip}.
 */
final class PyItertools {
    private static final Signature ITERABLES = Signature.of("chain").varargs().build();
    private static final Signature ONE = Signature.of("from_iterable").required("iterable").build();
    private static final Signature PRODUCT = Signature.of("product").optional("repeat", 1L).varargs().build();
    private static final Signature R = Signature.of("combinations").required("iterable", "r").build();
    private static final Signature PERMUTATIONS = Signature.of("permutations").required("iterable")
            .optional("r", null).build();
    private static final Signature GROUPBY = Signature.of("groupby").required("iterable").optional("key", null).build();
    private static final Signature ZIP_LONGEST = Signature.of("zip_longest").optional("fillvalue", null).varargs()
            .build();
    private static final Signature ACCUMULATE = Signature.of("accumulate").required("iterable").optional("func", null)
            .optional("initial", null).build();
    private static final Signature COUNT = Signature.of("count").optional("start", 0L).optional("step", 1L).build();
    private static final Signature REPEAT = Signature.of("repeat").required("object").optional("times", null).build();
    private static final Signature COMPRESS = Signature.of("compress").required("data", "selectors").build();
    private static final Signature PREDICATE = Signature.of("takewhile").required("predicate", "iterable").build();

    private PyItertools() {
    }

    static PyModule create() {
        Map<String, Object> m = new HashMap<>();
        m.put("chain", new PyType("itertools.chain", PyValues.fn(ITERABLES, a -> chain((List<?>) a[0])),
                Map.of("from_iterable", PyValues.fn(ONE, a -> chain(PyIter.list(a[0]))))));
        m.put("product", (JinjaCallable) (cc, args) -> product(args));
        m.put("combinations", PyValues.fn(R, a -> PyCombinatorics.combinations(PyIter.list(a[0]), r(a[1]), false)));
        m.put("combinations_with_replacement", PyValues.fn(R, a -> PyCombinatorics.combinations(PyIter.list(a[0]),
                r(a[1]), true)));
        m.put("permutations", PyValues.fn(PERMUTATIONS, a -> {
            List<Object> pool = PyIter.list(a[0]);
            return PyCombinatorics.permutations(pool, a[1] == null ? pool.size() : r(a[1]));
        }));
        m.put("groupby", (JinjaCallable) (cc, args) -> groupby(cc, GROUPBY.bind(args)));
        m.put("islice", (JinjaCallable) (cc, args) -> PyIter.islice(args));
        m.put("zip_longest", (JinjaCallable) (cc, args) -> zipLongest(args));
        m.put("accumulate", (JinjaCallable) (cc, args) -> accumulate(cc, ACCUMULATE.bind(args)));
        m.put("count", PyValues.fn(COUNT, a -> new Count(a[0], a[1])));
        m.put("repeat", PyValues.fn(REPEAT, a -> repeat(a[0], a[1])));
        m.put("compress", PyValues.fn(COMPRESS, a -> compress(a[0], a[1])));
        m.put("pairwise", PyValues.fn(ONE, a -> pairwise(PyIter.list(a[0]))));
        m.put("takewhile", (JinjaCallable) (cc, args) -> takeOrDrop(cc, PREDICATE.bind(args), true));
        m.put("dropwhile", (JinjaCallable) (cc, args) -> takeOrDrop(cc, PREDICATE.bind(args), false));
        m.put("filterfalse", (JinjaCallable) (cc, args) -> filterFalse(cc, PREDICATE.bind(args)));
        m.put("starmap", (JinjaCallable) (cc, args) -> starmap(cc, PREDICATE.bind(args)));
        return new PyModule("itertools", m);
    }

    private static int r(Object v) {
        long r = PyValues.toLong(v);
        if (r < 0) {
            throw PyValues.valueError("r must be non-negative");
        }
        return (int) Math.min(r, Integer.MAX_VALUE);
    }

    private static List<Object> chain(List<?> iterables) {
        List<Object> out = new ArrayList<>();
        for (Object it : iterables) {
            Iterator<Object> i = PyIter.iterate(it);
            while (i.hasNext()) {
                out.add(i.next());
            }
        }
        return out;
    }

    private static List<Object> product(Arguments args) {
        Object[] a = PRODUCT.bind(Arguments.of(List.of(), args.keywords()));
        long repeat = PyValues.toLong(a[0]);
        if (repeat < 0) {
            throw PyValues.valueError("repeat argument cannot be negative");
        }
        List<List<Object>> pools = new ArrayList<>();
        for (long r = 0; r < repeat; r++) {
            for (Object it : args.positional()) {
                pools.add(PyIter.list(it));
            }
        }
        List<Object> out = new ArrayList<>();
        out.add(PyTuple.EMPTY);
        for (List<Object> pool : pools) {
            List<Object> next = new ArrayList<>();
            for (Object prefix : out) {
                for (Object x : pool) {
                    List<Object> t = new ArrayList<>((PyTuple) prefix);
                    t.add(x);
                    next.add(PyTuple.copyOf(t));
                }
            }
            out = next;
        }
        return out;
    }

    private static List<Object> groupby(CallContext cc, Object[] a) {
        List<Object> out = new ArrayList<>();
        Object currentKey = null;
        List<Object> group = null;
        Iterator<Object> it = PyIter.iterate(a[0]);
        while (it.hasNext()) {
            Object item = it.next();
            Object key = a[1] == null ? item : cc.call(a[1], Arguments.of(item));
            if (group == null || !PyIter.eq(currentKey, key)) {
                group = new ArrayList<>();
                currentKey = key;
                out.add(PyTuple.of(key, group));
            }
            group.add(item);
        }
        return out;
    }

    private static List<Object> zipLongest(Arguments args) {
        Object[] a = ZIP_LONGEST.bind(Arguments.of(List.of(), args.keywords()));
        List<Iterator<Object>> its = new ArrayList<>();
        for (Object it : args.positional()) {
            its.add(PyIter.iterate(it));
        }
        List<Object> out = new ArrayList<>();
        while (true) {
            boolean any = false;
            Object[] row = new Object[its.size()];
            for (int i = 0; i < row.length; i++) {
                Iterator<Object> it = its.get(i);
                if (it.hasNext()) {
                    row[i] = it.next();
                    any = true;
                } else {
                    row[i] = a[0];
                }
            }
            if (!any) {
                return out;
            }
            out.add(PyTuple.wrap(row));
        }
    }

    private static List<Object> accumulate(CallContext cc, Object[] a) {
        List<Object> out = new ArrayList<>();
        Object total = a[2];
        boolean started = a[2] != null;
        if (started) {
            out.add(total);
        }
        Iterator<Object> it = PyIter.iterate(a[0]);
        while (it.hasNext()) {
            Object x = it.next();
            if (!started) {
                total = x;
                started = true;
            } else {
                total = a[1] == null ? PyIter.add(total, x) : cc.call(a[1], Arguments.of(total, x));
            }
            out.add(total);
        }
        return out;
    }

    private static Object repeat(Object x, Object times) {
        if (times == null) {
            return new Count(x, null);
        }
        List<Object> out = new ArrayList<>();
        for (long i = 0, n = PyValues.toLong(times); i < n; i++) {
            out.add(x);
        }
        return out;
    }

    private static List<Object> compress(Object data, Object selectors) {
        List<Object> out = new ArrayList<>();
        Iterator<Object> d = PyIter.iterate(data);
        Iterator<Object> s = PyIter.iterate(selectors);
        while (d.hasNext() && s.hasNext()) {
            Object x = d.next();
            if (PyValues.truthy(s.next())) {
                out.add(x);
            }
        }
        return out;
    }

    private static List<Object> pairwise(List<Object> items) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i + 1 < items.size(); i++) {
            out.add(PyTuple.of(items.get(i), items.get(i + 1)));
        }
        return out;
    }

    private static List<Object> takeOrDrop(CallContext cc, Object[] a, boolean take) {
        List<Object> out = new ArrayList<>();
        boolean dropping = !take;
        Iterator<Object> it = PyIter.iterate(a[1]);
        while (it.hasNext()) {
            Object x = it.next();
            boolean ok = PyValues.truthy(cc.call(a[0], Arguments.of(x)));
            if (take) {
                if (!ok) {
                    break;
                }
                out.add(x);
            } else if (!dropping || !ok) {
                dropping = false;
                out.add(x);
            }
        }
        return out;
    }

    private static List<Object> filterFalse(CallContext cc, Object[] a) {
        List<Object> out = new ArrayList<>();
        Iterator<Object> it = PyIter.iterate(a[1]);
        while (it.hasNext()) {
            Object x = it.next();
            boolean keep = a[0] == null ? PyValues.truthy(x) : PyValues.truthy(cc.call(a[0], Arguments.of(x)));
            if (!keep) {
                out.add(x);
            }
        }
        return out;
    }

    private static List<Object> starmap(CallContext cc, Object[] a) {
        List<Object> out = new ArrayList<>();
        Iterator<Object> it = PyIter.iterate(a[1]);
        while (it.hasNext()) {
            out.add(cc.call(a[0], Arguments.of(PyIter.list(it.next()).toArray())));
        }
        return out;
    }

    /** {@code count(start, step)}, or {@code repeat(x)} when {@code step} is null: endless. */
    static final class Count implements JinjaObject, Iterable<Object> {
        private final Object start;
        private final Object step;

        Count(Object start, Object step) {
            this.start = start;
            this.step = step;
        }

        @Override
        public Iterator<Object> iterator() {
            return new Iterator<>() {
                private Object next = start;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Object next() {
                    Object v = next;
                    if (step != null) {
                        next = PyIter.add(next, step);
                    }
                    return v;
                }
            };
        }

        @Override
        public String str() {
            if (step == null) {
                return "repeat(" + PyIter.repr(start) + ")";
            }
            return "count(" + PyIter.repr(start) + (PyIter.eq(step, 1L) ? "" : ", " + PyIter.repr(step)) + ")";
        }

        @Override
        public String typeName() {
            return step == null ? "itertools.repeat" : "itertools.count";
        }
    }
}
