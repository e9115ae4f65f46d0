package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyRange;
import dev.sluice.jinja.internal.py.PyTypes;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaFilter;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Signature;
import dev.sluice.jinja.spi.Undefined;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** The sequence filters: first last random length count list reverse batch slice join items. */
final class SequenceFilters {
    private static final Signature FIRST = Signature.of("sync_do_first").required("environment", "seq").build();
    private static final Signature LAST = Signature.of("do_last").required("environment", "seq").build();
    private static final Signature RANDOM = Signature.of("do_random").required("context", "seq").build();
    private static final Signature LIST = Signature.of("sync_do_list").required("value").build();
    private static final Signature REVERSE = Signature.of("do_reverse").required("value").build();
    private static final Signature BATCH = Signature.of("do_batch").required("value", "linecount")
            .optional("fill_with", null).build();
    private static final Signature SLICE = Signature.of("sync_do_slice").required("value", "slices")
            .optional("fill_with", null).build();
    private static final Signature JOIN = Signature.of("sync_do_join").required("eval_ctx", "value")
            .optional("d", "").optional("attribute", null).build();
    private static final Signature ITEMS = Signature.of("do_items").required("value").build();

    private SequenceFilters() {
    }

    static void register(Map<String, JinjaFilter> f) {
        f.put("first", (ctx, v, a) -> {
            Iterator<Object> it = PyOps.iterate(Sig.bindPassed(FIRST, v, a)[1]);
            return it.hasNext() ? it.next() : ctx.undefined("No first item, sequence was empty.");
        });
        f.put("last", (ctx, v, a) -> {
            Iterator<Object> it = reversed(Sig.bindPassed(LAST, v, a)[1]);
            return it.hasNext() ? it.next() : ctx.undefined("No last item, sequence was empty.");
        });
        f.put("random", (ctx, v, a) -> random(ctx, Sig.bindPassed(RANDOM, v, a)[1]));
        JinjaFilter length = (ctx, v, a) -> {
            Sig.exactlyOne("len", a);
            return (long) PyOps.len(v);
        };
        f.put("length", length);
        f.put("count", length);
        f.put("list", (ctx, v, a) -> PyOps.toList(Sig.bind(LIST, v, a)[0]));
        f.put("reverse", (ctx, v, a) -> reverse(Sig.bind(REVERSE, v, a)[0]));
        f.put("batch", SequenceFilters::batch);
        f.put("slice", SequenceFilters::slice);
        f.put("join", SequenceFilters::join);
        f.put("items", (ctx, v, a) -> {
            Object value = Sig.bind(ITEMS, v, a)[0];
            return PyIterator.generator("do_items", () -> items(value));
        });
    }

    /** Python's {@code iter(reversed(value))}. */
    static Iterator<Object> reversed(Object value) {
        if (PyTypes.isString(value)) {
            List<Object> chars = PyOps.toList(value);
            Collections.reverse(chars);
            return chars.iterator();
        }
        if (value instanceof Map<?, ?> m) {
            List<Object> keys = new ArrayList<>(m.keySet());
            Collections.reverse(keys);
            return keys.iterator();
        }
        if (value instanceof List<?> l && !(value instanceof PyIterator)) {
            List<Object> items = new ArrayList<>(l);
            Collections.reverse(items);
            return items.iterator();
        }
        if (value instanceof Undefined u) {
            u.checkUsable();
            return Collections.emptyIterator();
        }
        throw PyErrors.type("'" + Py.typeName(value) + "' object is not reversible");
    }

    static Object reverse(Object value) {
        if (PyTypes.isString(value)) {
            return Py.like(value, new StringBuilder(value.toString()).reverse().toString());
        }
        String type;
        if (value instanceof PyTuple || value instanceof GroupTuple) {
            type = "reversed";
        } else if (value instanceof PyRange) {
            type = "range_iterator";
        } else if (value instanceof Map) {
            type = "dict_reversekeyiterator";
        } else if (value instanceof Undefined) {
            type = "reversed";
        } else if (value instanceof List && !(value instanceof dev.sluice.jinja.internal.py.PyTyped)) {
            type = "list_reverseiterator";
        } else {
            if (!PyOps.isIterable(value)) {
                throw PyErrors.filterArgument("argument must be iterable");
            }
            List<Object> items = PyOps.toList(value);
            Collections.reverse(items);
            return items;
        }
        return PyIterator.of(type, reversed(value));
    }

    private static Object random(CallContext ctx, Object seq) {
        int n = PyOps.len(seq);
        if (n == 0) {
            return ctx.undefined("No random item, sequence was empty.");
        }
        long i = ThreadLocalRandom.current().nextInt(n);
        if (seq instanceof Map<?, ?> m) {
            Object v = PyOps.mapGet(m, i, JinjaObject.ABSENT);
            if (v == JinjaObject.ABSENT) {
                throw PyErrors.key(i);
            }
            return v;
        }
        if (seq instanceof List<?> l) {
            return l.get((int) i);
        }
        if (PyTypes.isString(seq)) {
            String s = seq.toString();
            int start = s.offsetByCodePoints(0, (int) i);
            return Py.like(seq, s.substring(start, s.offsetByCodePoints(start, 1)));
        }
        throw PyErrors.type("'" + Py.typeName(seq) + "' object is not subscriptable");
    }

    private static Object batch(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bind(BATCH, value, args);
        Object linecount = b[1];
        Object fill = b[2];
        return PyIterator.generator("do_batch", () -> {
            Iterator<Object> source = PyOps.iterate(b[0]);
            return new Iterator<>() {
                private List<Object> tmp = new ArrayList<>();
                private boolean done;
                private List<Object> ready;

                @Override
                public boolean hasNext() {
                    while (ready == null && !done) {
                        if (source.hasNext()) {
                            Object item = source.next();
                            if (PyOps.eq((long) tmp.size(), linecount)) {
                                ready = tmp;
                                tmp = new ArrayList<>();
                            }
                            tmp.add(item);
                        } else {
                            done = true;
                            if (!tmp.isEmpty()) {
                                if (fill != null && PyOps.lt((long) tmp.size(), linecount)) {
                                    Object n = PyOps.sub(linecount, (long) tmp.size());
                                    if (!PyTypes.isIntegral(n)) {
                                        throw PyErrors.type("can't multiply sequence by non-int of type '"
                                                + Py.typeName(n) + "'");
                                    }
                                    long missing = Py.index(n);
                                    for (long k = 0; k < missing; k++) {
                                        tmp.add(fill);
                                    }
                                }
                                ready = tmp;
                            }
                        }
                    }
                    return ready != null;
                }

                @Override
                public Object next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    List<Object> r = ready;
                    ready = null;
                    return r;
                }
            };
        });
    }

    private static Object slice(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bind(SLICE, value, args);
        Object slices = b[1];
        Object fill = b[2];
        return PyIterator.generator("sync_do_slice", () -> {
            List<Object> seq = PyOps.toList(b[0]);
            long length = seq.size();
            long perSlice = Py.index(PyOps.floordiv(length, slices));
            long withExtra = Py.index(PyOps.mod(length, slices));
            long count = Py.index(slices);
            List<Object> out = new ArrayList<>();
            long offset = 0;
            for (long n = 0; n < count; n++) {
                long start = offset + n * perSlice;
                if (n < withExtra) {
                    offset++;
                }
                long end = offset + (n + 1) * perSlice;
                List<Object> tmp = new ArrayList<>(pySlice(seq, start, end));
                if (fill != null && n >= withExtra) {
                    tmp.add(fill);
                }
                out.add(tmp);
            }
            return out.iterator();
        });
    }

    private static List<Object> pySlice(List<Object> seq, long start, long end) {
        int n = seq.size();
        long a = start < 0 ? Math.max(0, start + n) : Math.min(start, n);
        long z = end < 0 ? Math.max(0, end + n) : Math.min(end, n);
        return z <= a ? List.of() : seq.subList((int) a, (int) z);
    }

    private static Object join(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bindPassed(JOIN, value, args);
        Object d = b[2];
        Iterator<Object> items = PyOps.iterate(b[1]);
        if (b[3] != null) {
            Function<Object, Object> getter = AttrGetter.of(ctx, b[3], false, null);
            Iterator<Object> source = items;
            items = mapped(source, getter);
        }
        if (!ctx.autoescape()) {
            String sep = Py.str(d);
            StringBuilder sb = new StringBuilder();
            boolean first = true;
            while (items.hasNext()) {
                Object item = items.next();
                if (!first) {
                    sb.append(sep);
                }
                first = false;
                sb.append(Py.str(item));
            }
            return sb.toString();
        }
        List<Object> values = new ArrayList<>();
        boolean markup = d instanceof Markup;
        while (items.hasNext()) {
            Object item = items.next();
            if (item instanceof Markup) {
                markup = true;
                values.add(item);
            } else {
                values.add(d instanceof Markup ? Py.softStr(item) : Py.str(item));
            }
        }
        if (!markup) {
            return String.join(Py.str(d), values.stream().map(Object::toString).toList());
        }
        String sep = Html.escape(d).toString();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(Html.escape(values.get(i)));
        }
        return new Markup(sb.toString());
    }

    static Iterator<Object> mapped(Iterator<Object> source, Function<Object, Object> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Object next() {
                return f.apply(source.next());
            }
        };
    }

    private static Iterator<Object> items(Object value) {
        if (value instanceof Undefined) {
            return Collections.emptyIterator();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw PyErrors.type("Can only get item pairs from a mapping.");
        }
        List<Object> pairs = new ArrayList<>(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            pairs.add(PyTuple.of(e.getKey(), e.getValue()));
        }
        return pairs.iterator();
    }
}
