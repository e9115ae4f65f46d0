package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.JinjaOperand;
import dev.sluice.jinja.spi.PyTuple;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Python's iteration, {@code ==} and {@code +} over template values, for {@code itertools}. */
final class PyIter {
    private PyIter() {
    }

    @SuppressWarnings("unchecked")
    static Iterator<Object> iterate(Object v) {
        if (v instanceof Map<?, ?> m) {
            return (Iterator<Object>) m.keySet().iterator();
        }
        if (v instanceof Iterable<?> it) {
            return (Iterator<Object>) it.iterator();
        }
        if (v instanceof CharSequence cs) {
            return cs.toString().codePoints().mapToObj(Character::toString).map(Object.class::cast).iterator();
        }
        throw PyValues.typeError("'" + PyValues.typeName(v) + "' object is not iterable");
    }

    static List<Object> list(Object v) {
        if (v instanceof Collection<?> c && !(v instanceof Map)) {
            return new ArrayList<>(c);
        }
        List<Object> out = new ArrayList<>();
        iterate(v).forEachRemaining(out::add);
        return out;
    }

    static boolean eq(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && !(a instanceof BigInteger) && !(b instanceof BigInteger)) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Boolean x && b instanceof Number y) {
            return (x ? 1 : 0) == y.doubleValue();
        }
        if (b instanceof Boolean && a instanceof Number) {
            return eq(b, a);
        }
        return Objects.equals(a, b);
    }

    static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            try {
                return Math.addExact(x, y);
            } catch (ArithmeticException e) {
                return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
            }
        }
        if (PyValues.isInt(a) && PyValues.isInt(b)) {
            BigInteger r = big(a).add(big(b));
            return r.bitLength() < 64 ? (Object) r.longValue() : r;
        }
        if ((a instanceof Number || a instanceof Boolean) && (b instanceof Number || b instanceof Boolean)
                && (a instanceof Double || b instanceof Double)) {
            return asDouble(a) + asDouble(b);
        }
        if (a instanceof CharSequence && b instanceof CharSequence) {
            return a.toString() + b;
        }
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
            List<Object> all = new ArrayList<>(x);
            all.addAll(y);
            return PyTuple.copyOf(all);
        }
        if (a instanceof List<?> x && b instanceof List<?> y && !(a instanceof PyTuple) && !(b instanceof PyTuple)) {
            List<Object> all = new ArrayList<>(x);
            all.addAll(y);
            return all;
        }
        Object r = a instanceof JinjaOperand o ? o.binary("+", b, false) : JinjaOperand.NOT_IMPLEMENTED;
        if (r == JinjaOperand.NOT_IMPLEMENTED && b instanceof JinjaOperand o) {
            r = o.binary("+", a, true);
        }
        if (r == JinjaOperand.NOT_IMPLEMENTED) {
            throw PyValues.typeError("unsupported operand type(s) for +: '" + PyValues.typeName(a) + "' and '"
                    + PyValues.typeName(b) + "'");
        }
        return r;
    }

    private static BigInteger big(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(PyValues.toLong(v));
    }

    private static double asDouble(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
    }

    static String repr(Object v) {
        if (v instanceof String s) {
            return PyValues.repr(s);
        }
        if (v instanceof JinjaObject o) {
            return o.repr();
        }
        return String.valueOf(v);
    }

    /** {@code islice(iterable, stop)} or {@code islice(iterable, start, stop[, step])}, lazily consumed. */
    static List<Object> islice(Arguments args) {
        if (args.keywordCount() > 0) {
            throw PyValues.typeError("islice() takes no keyword arguments");
        }
        int n = args.size();
        if (n < 2 || n > 4) {
            throw PyValues.typeError("islice expected at most 4 arguments, got " + n);
        }
        long start = 0;
        long step = 1;
        Object stopArg = n == 2 ? args.get(1) : args.get(2);
        if (n >= 3 && args.get(1) != null) {
            start = index(args.get(1), "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        }
        long stop = stopArg == null ? Long.MAX_VALUE : index(stopArg, n == 2
                ? "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
                : "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        if (n == 4 && args.get(3) != null) {
            step = PyValues.isInt(args.get(3)) ? PyValues.toLong(args.get(3)) : 0;
            if (step < 1) {
                throw PyValues.valueError("Step for islice() must be a positive integer or None.");
            }
        }
        List<Object> out = new ArrayList<>();
        Iterator<Object> it = iterate(args.get(0));
        for (long i = 0; i < stop && it.hasNext(); i++) {
            Object x = it.next();
            if (i >= start && (i - start) % step == 0) {
                out.add(x);
            }
        }
        return out;
    }

    private static long index(Object v, String message) {
        if (!PyValues.isInt(v) || PyValues.toLong(v) < 0) {
            throw PyValues.valueError(message);
        }
        return PyValues.toLong(v);
    }
}
