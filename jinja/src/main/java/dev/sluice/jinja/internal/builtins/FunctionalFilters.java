package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyAccess;
import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyMethods;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaFilter;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.JinjaTest;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Signature;
import dev.sluice.jinja.spi.Undefined;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;

/** The filters that apply other filters, tests or lookups: map select reject selectattr rejectattr attr default. */
final class FunctionalFilters {
    private static final Signature DEFAULT = Signature.of("do_default").required("value")
            .optional("default_value", "").optional("boolean", false).build();
    private static final Signature ATTR = Signature.of("do_attr").required("environment", "obj", "name").build();
    private static final Signature MAP = Signature.of("sync_do_map").required("context", "value").varargs().varkw()
            .build();
    private static final Signature SELECT = Signature.of("sync_do_select").required("context", "value").varargs()
            .varkw().build();
    private static final Signature REJECT = Signature.of("sync_do_reject").required("context", "value").varargs()
            .varkw().build();
    private static final Signature SELECTATTR = Signature.of("sync_do_selectattr").required("context", "value")
            .varargs().varkw().build();
    private static final Signature REJECTATTR = Signature.of("sync_do_rejectattr").required("context", "value")
            .varargs().varkw().build();

    private FunctionalFilters() {
    }

    static void register(Map<String, JinjaFilter> f) {
        JinjaFilter dflt = (ctx, v, a) -> {
            Object[] b = Sig.bind(DEFAULT, v, a);
            if (b[0] instanceof Undefined || (PyOps.truthy(b[2]) && !PyOps.truthy(b[0]))) {
                return b[1];
            }
            return b[0];
        };
        f.put("default", dflt);
        f.put("d", dflt);
        f.put("attr", (ctx, v, a) -> {
            Object[] b = Sig.bindPassed(ATTR, v, a);
            return attr(ctx, b[1], b[2]);
        });
        f.put("map", FunctionalFilters::map);
        f.put("select", (ctx, v, a) -> selectOrReject(ctx, Sig.bindPassed(SELECT, v, a), true, false));
        f.put("reject", (ctx, v, a) -> selectOrReject(ctx, Sig.bindPassed(REJECT, v, a), false, false));
        f.put("selectattr", (ctx, v, a) -> selectOrReject(ctx, Sig.bindPassed(SELECTATTR, v, a), true, true));
        f.put("rejectattr", (ctx, v, a) -> selectOrReject(ctx, Sig.bindPassed(REJECTATTR, v, a), false, true));
    }

    /** {@code obj|attr(name)}: an attribute only, never an item, with the sandbox's rules. */
    static Object attr(CallContext ctx, Object obj, Object name) {
        if (!(name instanceof String n)) {
            throw PyErrors.type("attribute name must be string, not '" + Py.typeName(name) + "'");
        }
        UndefinedPolicy policy = ctx.environment().undefinedPolicy();
        if (obj instanceof Undefined u) {
            if (u.policy().chains()) {
                return u;
            }
            throw u.failure();
        }
        if (n.startsWith("__") && n.endsWith("__")) {
            return PyAccess.getattr(policy, obj, n);
        }
        if (obj instanceof JinjaObject o) {
            if (o.attribute(n) == JinjaObject.ABSENT) {
                return Undefined.member(policy, obj, n);
            }
            return PyAccess.getattr(policy, obj, n);
        }
        if (PyMethods.bind(obj, n) != null) {
            return PyAccess.getattr(policy, obj, n);
        }
        Object data = PyMethods.attribute(obj, n);
        return data != PyMethods.NO_METHOD ? data : Undefined.member(policy, obj, n);
    }

    private static Object map(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bindPassed(MAP, value, args);
        PyTuple positional = (PyTuple) b[2];
        @SuppressWarnings("unchecked")
        Map<String, Object> keywords = new LinkedHashMap<>((Map<String, Object>) b[3]);
        return PyIterator.generator("sync_do_map", () -> {
            if (!PyOps.truthy(b[1])) {
                return Collections.emptyIterator();
            }
            Function<Object, Object> func;
            if (positional.isEmpty() && keywords.containsKey("attribute")) {
                Object attribute = keywords.remove("attribute");
                Object dflt = keywords.remove("default");
                if (!keywords.isEmpty()) {
                    throw PyErrors.filterArgument("Unexpected keyword argument "
                            + PyRepr.repr(keywords.keySet().iterator().next()));
                }
                func = AttrGetter.of(ctx, attribute, false, dflt);
            } else {
                if (positional.isEmpty()) {
                    throw PyErrors.filterArgument("map requires a filter argument");
                }
                Object name = positional.get(0);
                Arguments rest = Arguments.of(positional.subList(1, positional.size()), keywords);
                func = item -> filter(ctx, name).apply(ctx, item, rest);
            }
            return SequenceFilters.mapped(PyOps.iterate(b[1]), func);
        });
    }

    private static JinjaFilter filter(CallContext ctx, Object name) {
        JinjaFilter f = name instanceof String s ? ctx.environment().filter(s).orElse(null) : null;
        if (f == null) {
            throw PyErrors.runtime("No filter named " + PyRepr.repr(name) + ".");
        }
        return f;
    }

    private static JinjaTest test(CallContext ctx, Object name) {
        JinjaTest t = name instanceof String s ? ctx.environment().test(s).orElse(null) : null;
        if (t == null) {
            throw PyErrors.runtime("No test named " + PyRepr.repr(name) + ".");
        }
        return t;
    }

    private static Object selectOrReject(CallContext ctx, Object[] b, boolean select, boolean lookupAttr) {
        PyTuple positional = (PyTuple) b[2];
        @SuppressWarnings("unchecked")
        Map<String, Object> keywords = (Map<String, Object>) b[3];
        return PyIterator.generator("select_or_reject", () -> {
            if (!PyOps.truthy(b[1])) {
                return Collections.emptyIterator();
            }
            Function<Object, Object> transform = Function.identity();
            int off = 0;
            if (lookupAttr) {
                if (positional.isEmpty()) {
                    throw PyErrors.filterArgument("Missing parameter for attribute name");
                }
                transform = AttrGetter.of(ctx, positional.get(0), false, null);
                off = 1;
            }
            Predicate<Object> test;
            if (positional.size() > off) {
                Object name = positional.get(off);
                Arguments rest = Arguments.of(positional.subList(off + 1, positional.size()), keywords);
                test = item -> test(ctx, name).test(ctx, item, rest);
            } else {
                test = PyOps::truthy;
            }
            Function<Object, Object> t = transform;
            Predicate<Object> keep = item -> test.test(t.apply(item)) == select;
            return filtered(PyOps.iterate(b[1]), keep);
        });
    }

    /** The items of {@code source} that {@code keep} accepts, lazily. */
    static Iterator<Object> filtered(Iterator<Object> source, Predicate<Object> keep) {
        return new Iterator<>() {
            private Object pending;
            private boolean has;

            @Override
            public boolean hasNext() {
                while (!has && source.hasNext()) {
                    Object item = source.next();
                    if (keep.test(item)) {
                        pending = item;
                        has = true;
                    }
                }
                return has;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                has = false;
                return pending;
            }
        };
    }
}
