package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyTypes;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaFilter;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Signature;
import dev.sluice.jinja.spi.Undefined;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The filters that order or aggregate: sort dictsort groupby unique min max sum. */
final class CollectionFilters {
    private static final Signature SORT = Signature.of("do_sort").required("environment", "value")
            .optional("reverse", false).optional("case_sensitive", false).optional("attribute", null).build();
    private static final Signature DICTSORT = Signature.of("do_dictsort").required("value")
            .optional("case_sensitive", false).optional("by", "key").optional("reverse", false).build();
    private static final Signature GROUPBY = Signature.of("sync_do_groupby").required("environment", "value",
            "attribute").optional("default", null).optional("case_sensitive", false).build();
    private static final Signature UNIQUE = Signature.of("do_unique").required("environment", "value")
            .optional("case_sensitive", false).optional("attribute", null).build();
    private static final Signature MIN = Signature.of("do_min").required("environment", "value")
            .optional("case_sensitive", false).optional("attribute", null).build();
    private static final Signature MAX = Signature.of("do_max").required("environment", "value")
            .optional("case_sensitive", false).optional("attribute", null).build();
    private static final Signature SUM = Signature.of("sync_do_sum").required("environment", "iterable")
            .optional("attribute", null).optional("start", 0L).build();

    private CollectionFilters() {
    }

    static void register(Map<String, JinjaFilter> f) {
        f.put("sort", CollectionFilters::sort);
        f.put("dictsort", CollectionFilters::dictsort);
        f.put("groupby", CollectionFilters::groupby);
        f.put("unique", CollectionFilters::unique);
        f.put("min", (ctx, v, a) -> minOrMax(ctx, Sig.bindPassed(MIN, v, a), false));
        f.put("max", (ctx, v, a) -> minOrMax(ctx, Sig.bindPassed(MAX, v, a), true));
        f.put("sum", CollectionFilters::sum);
    }

    /** {@code sorted()}'s reverse flag, which must be an int or bool. */
    private static boolean reverseFlag(Object v) {
        return Py.index(v) != 0;
    }

    private static Object sort(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bindPassed(SORT, value, args);
        Function<Object, Object> key = AttrGetter.multi(ctx, b[4], !PyOps.truthy(b[3]));
        List<Object> items = PyOps.toList(b[1]);
        return PySort.sorted(items, key, reverseFlag(b[2]));
    }

    private static Object dictsort(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bind(DICTSORT, value, args);
        int pos;
        if ("key".equals(b[2])) {
            pos = 0;
        } else if ("value".equals(b[2])) {
            pos = 1;
        } else {
            throw PyErrors.filterArgument("You can only sort by either \"key\" or \"value\"");
        }
        if (!(b[0] instanceof Map<?, ?> m)) {
            if (b[0] instanceof Undefined u) {
                throw u.failure();
            }
            throw PyErrors.attribute("'" + Py.typeName(b[0]) + "' object has no attribute 'items'");
        }
        boolean caseSensitive = PyOps.truthy(b[1]);
        List<Object> items = new ArrayList<>(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            items.add(PyTuple.of(e.getKey(), e.getValue()));
        }
        return PySort.sorted(items, item -> {
            Object v = ((PyTuple) item).get(pos);
            return caseSensitive ? v : AttrGetter.ignoreCase(v);
        }, reverseFlag(b[3]));
    }

    private static Object groupby(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bindPassed(GROUPBY, value, args);
        boolean caseSensitive = PyOps.truthy(b[4]);
        Function<Object, Object> expr = AttrGetter.of(ctx, b[2], !caseSensitive, b[3]);
        List<Object> sorted = PySort.sorted(PyOps.toList(b[1]), expr, false);
        List<Object> out = new ArrayList<>();
        Object currentKey = null;
        List<Object> current = null;
        for (Object item : sorted) {
            Object k = expr.apply(item);
            if (current == null || !PyOps.eq(k, currentKey)) {
                current = new ArrayList<>();
                currentKey = k;
                out.add(new GroupTuple(k, current));
            }
            current.add(item);
        }
        if (!caseSensitive) {
            Function<Object, Object> outputExpr = AttrGetter.of(ctx, b[2], false, b[3]);
            for (int i = 0; i < out.size(); i++) {
                List<Object> values = ((GroupTuple) out.get(i)).list();
                out.set(i, new GroupTuple(outputExpr.apply(values.get(0)), values));
            }
        }
        return out;
    }

    private static Object unique(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bindPassed(UNIQUE, value, args);
        return PyIterator.generator("do_unique", () -> {
            Function<Object, Object> getter = AttrGetter.of(ctx, b[3], !PyOps.truthy(b[2]), null);
            Iterator<Object> source = PyOps.iterate(b[1]);
            Set<Object> seen = new HashSet<>();
            return FunctionalFilters.filtered(source, item -> seen.add(HashKey.of(getter.apply(item))));
        });
    }

    private static Object minOrMax(CallContext ctx, Object[] b, boolean max) {
        Iterator<Object> it = PyOps.iterate(b[1]);
        if (!it.hasNext()) {
            return ctx.undefined("No aggregated item, sequence was empty.");
        }
        Function<Object, Object> key = AttrGetter.of(ctx, b[3], !PyOps.truthy(b[2]), null);
        Object best = it.next();
        Object bestKey = key.apply(best);
        while (it.hasNext()) {
            Object item = it.next();
            Object k = key.apply(item);
            if (max ? PyOps.gt(k, bestKey) : PyOps.lt(k, bestKey)) {
                best = item;
                bestKey = k;
            }
        }
        return best;
    }

    private static Object sum(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bindPassed(SUM, value, args);
        Object start = b[3];
        if (PyTypes.isString(start)) {
            throw PyErrors.type("sum() can't sum strings [use ''.join(seq) instead]");
        }
        Iterator<Object> it = PyOps.iterate(b[1]);
        Function<Object, Object> getter = b[2] == null ? null : AttrGetter.of(ctx, b[2], false, null);
        Object total = start;
        while (it.hasNext()) {
            Object item = it.next();
            total = PyOps.add(total, getter == null ? item : getter.apply(item));
        }
        return total;
    }
}
