package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyRange;
import dev.sluice.jinja.internal.py.PyTypes;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaTest;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Signature;
import dev.sluice.jinja.spi.Undefined;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/** Jinja2 3.1's builtin tests ({@code jinja2.tests.TESTS}). */
final class Tests {
    private static final Signature DIVISIBLEBY = Signature.of("test_divisibleby").required("value", "num").build();
    private static final Signature SAMEAS = Signature.of("test_sameas").required("value", "other").build();
    private static final Signature IN = Signature.of("test_in").required("value", "seq").build();
    private static final Signature FILTER = Signature.of("test_filter").required("env", "value").build();
    private static final Signature TEST = Signature.of("test_test").required("env", "value").build();

    private Tests() {
    }

    static Map<String, JinjaTest> all() {
        Map<String, JinjaTest> t = new HashMap<>();
        unary(t, "odd", v -> PyOps.eq(PyOps.mod(v, 2L), 1L));
        unary(t, "even", v -> PyOps.eq(PyOps.mod(v, 2L), 0L));
        t.put("divisibleby", (ctx, v, a) -> {
            Object[] b = Sig.bind(DIVISIBLEBY, v, a);
            return PyOps.eq(PyOps.mod(b[0], b[1]), 0L);
        });
        unary(t, "defined", v -> !(v instanceof Undefined));
        unary(t, "undefined", v -> v instanceof Undefined);
        t.put("filter", (ctx, v, a) -> {
            Object name = Sig.bindPassed(FILTER, v, a)[1];
            HashKey.of(name);
            return name instanceof String s && ctx.environment().filter(s).isPresent();
        });
        t.put("test", (ctx, v, a) -> {
            Object name = Sig.bindPassed(TEST, v, a)[1];
            HashKey.of(name);
            return name instanceof String s && ctx.environment().test(s).isPresent();
        });
        unary(t, "none", v -> v == null);
        unary(t, "boolean", v -> v instanceof Boolean);
        unary(t, "false", v -> Boolean.FALSE.equals(v));
        unary(t, "true", v -> Boolean.TRUE.equals(v));
        unary(t, "integer", PyTypes::isInt);
        unary(t, "float", PyTypes::isFloat);
        unary(t, "lower", v -> Py.isCase(Py.str(v), false));
        unary(t, "upper", v -> Py.isCase(Py.str(v), true));
        unary(t, "string", PyTypes::isString);
        unary(t, "mapping", v -> v instanceof Map);
        unary(t, "number", PyTypes::isNumber);
        unary(t, "sequence", Tests::isSequence);
        unary(t, "iterable", Tests::isIterable);
        t.put("callable", (ctx, v, a) -> {
            Sig.exactlyOne("callable", a);
            return isCallable(v);
        });
        t.put("sameas", (ctx, v, a) -> {
            Object[] b = Sig.bind(SAMEAS, v, a);
            return sameAs(b[0], b[1]);
        });
        unary(t, "escaped", v -> v instanceof Markup);
        t.put("in", (ctx, v, a) -> {
            Object[] b = Sig.bind(IN, v, a);
            return PyOps.contains(b[1], b[0]);
        });
        operator(t, "eq", PyOps::eq, "==", "eq", "equalto");
        operator(t, "ne", (x, y) -> !PyOps.eq(x, y), "!=", "ne");
        operator(t, "gt", PyOps::gt, ">", "gt", "greaterthan");
        operator(t, "ge", PyOps::ge, ">=", "ge");
        operator(t, "lt", PyOps::lt, "<", "lt", "lessthan");
        operator(t, "le", PyOps::le, "<=", "le");
        return t;
    }

    private static void unary(Map<String, JinjaTest> t, String name, Predicate<Object> p) {
        Signature sig = Signature.of("test_" + name).required("value").build();
        t.put(name, (ctx, v, a) -> {
            if (!a.isEmpty()) {
                Sig.bind(sig, v, a);
            }
            return p.test(v);
        });
    }

    private static void operator(Map<String, JinjaTest> t, String function, BiPredicate<Object, Object> op,
            String... names) {
        JinjaTest test = (ctx, v, a) -> op.test(v, Sig.operatorArgument(function, a));
        for (String name : names) {
            t.put(name, test);
        }
    }

    /** {@code len(v)} and {@code v.__getitem__} both work. */
    static boolean isSequence(Object v) {
        if (v instanceof Undefined u) {
            return u.policy() != UndefinedPolicy.STRICT;
        }
        return PyTypes.isString(v) || v instanceof Map || v instanceof PyRange || v instanceof PyTuple
                || v instanceof GroupTuple || (v instanceof List && !(v instanceof PyIterator));
    }

    static boolean isIterable(Object v) {
        if (v instanceof Undefined u) {
            u.checkUsable();
            return true;
        }
        return PyTypes.isString(v) || v instanceof Iterable || v instanceof Map;
    }

    static boolean isCallable(Object v) {
        return v instanceof JinjaCallable || v instanceof Undefined;
    }

    /** Python's {@code is}: immutable singletons and small ints are shared, anything else by identity. */
    static boolean sameAs(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.equals(y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.equals(y) && x >= -5 && x <= 256;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equals(y) && x.length() <= 1;
        }
        if (a instanceof Set<?> || b instanceof Set<?>) {
            return false;
        }
        return a instanceof PyTuple x && b instanceof PyTuple y && x.isEmpty() && y.isEmpty();
    }
}
