package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyRange;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.Signature;
import dev.sluice.jinja.spi.Undefined;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jinja2's default namespace in a sandboxed environment: range (safe_range) dict lipsum cycler joiner namespace. */
final class Globals {
    /** The sandbox's limit on the length of a range. */
    static final int MAX_RANGE = 100_000;

    private static final Signature JOINER = Signature.of("Joiner.__init__").required("self").optional("sep", ", ")
            .build();
    private static final Signature CYCLER = Signature.of("Cycler.__init__").required("self").varargs().build();

    private Globals() {
    }

    static Map<String, Object> all() {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("range", BuiltinCallable.function("safe_range", (ctx, args) -> range(args)));
        g.put("dict", BuiltinCallable.type("dict", (ctx, args) -> dict(args, "dict")));
        g.put("lipsum", BuiltinCallable.function("generate_lorem_ipsum", LoremIpsum::call));
        g.put("cycler", BuiltinCallable.type("jinja2.utils.Cycler", (ctx, args) -> {
            Object[] b = CYCLER.bind(args.prepend(Sig.PASSED));
            return new Cycler((dev.sluice.jinja.spi.PyTuple) b[1]);
        }));
        g.put("joiner", BuiltinCallable.type("jinja2.utils.Joiner", (ctx, args) -> {
            Object[] b = JOINER.bind(args.prepend(Sig.PASSED));
            return new Joiner(b[1]);
        }));
        g.put("namespace", BuiltinCallable.type("jinja2.utils.Namespace", (ctx, args) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> attrs = (Map<String, Object>) (Map<?, ?>) dict(args, "dict");
            return new Namespace(attrs);
        }));
        return g;
    }

    /** The sandbox's {@code safe_range(*args)}. */
    static PyRange range(Arguments args) {
        if (args.keywordCount() > 0) {
            throw PyErrors.type("safe_range() got an unexpected keyword argument '" + args.keywordName(0) + "'");
        }
        int n = args.size();
        if (n == 0) {
            throw PyErrors.type("range expected at least 1 argument, got 0");
        }
        if (n > 3) {
            throw PyErrors.type("range expected at most 3 arguments, got " + n);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = Py.index(args.get(i));
        }
        PyRange r = switch (n) {
            case 1 -> new PyRange(0, v[0], 1);
            case 2 -> new PyRange(v[0], v[1], 1);
            default -> new PyRange(v[0], v[1], v[2]);
        };
        if (r.size() > MAX_RANGE) {
            throw PyErrors.overflow("Range too big. The sandbox blocks ranges larger than MAX_RANGE (" + MAX_RANGE
                    + ").");
        }
        return r;
    }

    /** Python's {@code dict(*args, **kwargs)}; {@code name} is used in the arity error. */
    static Map<Object, Object> dict(Arguments args, String name) {
        if (args.size() > 1) {
            throw PyErrors.type(name + " expected at most 1 argument, got " + args.size());
        }
        DictBuilder d = new DictBuilder();
        if (args.size() == 1) {
            Object source = args.get(0);
            if (source instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    d.put(e.getKey(), e.getValue());
                }
            } else {
                if (source instanceof Undefined u) {
                    throw u.failure();
                }
                Iterator<Object> it = PyOps.iterate(source);
                for (int i = 0; it.hasNext(); i++) {
                    Object element = it.next();
                    if (!PyOps.isIterable(element) || element instanceof Undefined) {
                        throw PyErrors.type("cannot convert dictionary update sequence element #" + i
                                + " to a sequence");
                    }
                    List<Object> pair = PyOps.toList(element);
                    if (pair.size() != 2) {
                        throw PyErrors.value("dictionary update sequence element #" + i + " has length "
                                + pair.size() + "; 2 is required");
                    }
                    d.put(pair.get(0), pair.get(1));
                }
            }
        }
        for (int i = 0; i < args.keywordCount(); i++) {
            d.put(args.keywordName(i), args.keywordValue(i));
        }
        return d.map;
    }

    /** Inserts with Python's key equality: an equal key keeps its first spelling and takes the new value. */
    private static final class DictBuilder {
        final Map<Object, Object> map = new LinkedHashMap<>();
        private final Map<Object, Object> keys = new HashMap<>();

        void put(Object key, Object value) {
            Object existing = keys.putIfAbsent(HashKey.of(key), key);
            map.put(existing == null ? key : existing, value);
        }
    }
}
