package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Arguments;
import java.math.BigInteger;

/**
 * Argument checks of CPython's builtin methods, with the wording of each calling convention:
 * no arguments, exactly one, positional-only (Argument Clinic), tuple-parsed ({@code str.count}),
 * and keyword-capable ({@code str.split}).
 */
final class MethodArgs {
    private MethodArgs() {
    }

    /** {@code str.upper()}: METH_NOARGS. */
    static void none(Arguments a, String qualname) {
        noKeywords(a, qualname);
        if (a.size() != 0) {
            throw PyErrors.type(qualname + "() takes no arguments (" + a.size() + " given)");
        }
    }

    /** {@code list.append(x)}: METH_O. */
    static Object one(Arguments a, String qualname) {
        noKeywords(a, qualname);
        if (a.size() != 1) {
            throw PyErrors.type(qualname + "() takes exactly one argument (" + a.size() + " given)");
        }
        return a.get(0);
    }

    /** {@code str.center(width, fillchar=' ', /)}: Argument Clinic, positional-only. */
    static void positional(Arguments a, String qualname, int min, int max) {
        noKeywords(a, qualname);
        int n = a.size();
        String name = qualname.substring(qualname.indexOf('.') + 1);
        if (n < min) {
            throw PyErrors.type(name + " expected " + (min == max ? "" : "at least ") + min + " argument"
                    + (min == 1 ? "" : "s") + ", got " + n);
        }
        if (n > max) {
            throw PyErrors.type(name + " expected " + (min == max ? "" : "at most ") + max + " argument"
                    + (max == 1 ? "" : "s") + ", got " + n);
        }
    }

    /** {@code str.count(sub[, start[, end]])}: parsed with PyArg_ParseTuple. */
    static void tuple(Arguments a, String qualname, int min, int max) {
        String name = qualname.substring(qualname.indexOf('.') + 1);
        // a bound METH_VARARGS method names itself without its type, unlike the other conventions
        noKeywords(a, name);
        int n = a.size();
        if (n < min || n > max) {
            int bound = n < min ? min : max;
            throw PyErrors.type(name + "() takes " + (min == max ? "exactly" : n < min ? "at least" : "at most") + " "
                    + bound + " argument" + (bound == 1 ? "" : "s") + " (" + n + " given)");
        }
    }

    /**
     * {@code str.split(sep=None, maxsplit=-1)}: Argument Clinic with keywords, every parameter optional.
     * Returns one slot per name, defaults filled in.
     */
    static Object[] keywords(Arguments a, String name, String[] names, Object[] defaults) {
        int n = a.size() + a.keywordCount();
        if (n > names.length) {
            throw PyErrors.type(name + "() takes at most " + names.length + " argument" + (names.length == 1 ? "" : "s")
                    + " (" + n + " given)");
        }
        Object[] out = defaults.clone();
        for (int i = 0; i < a.size(); i++) {
            out[i] = a.get(i);
        }
        for (int k = 0; k < a.keywordCount(); k++) {
            String kw = a.keywordName(k);
            int idx = indexOf(names, kw);
            if (idx < 0) {
                throw PyErrors.type("'" + kw + "' is an invalid keyword argument for " + name + "()");
            }
            if (idx < a.size()) {
                throw PyErrors.type("argument for " + name + "() given by name ('" + kw + "') and position ("
                        + (idx + 1) + ")");
            }
            out[idx] = a.keywordValue(k);
        }
        return out;
    }

    /** {@code list.sort(*, key=None, reverse=False)}: keyword-only parameters. */
    static Object[] keywordOnly(Arguments a, String name, String[] names, Object[] defaults) {
        if (a.size() > 0) {
            throw PyErrors.type(name + "() takes no positional arguments");
        }
        if (a.keywordCount() > names.length) {
            throw PyErrors.type(name + "() takes at most " + names.length + " keyword arguments ("
                    + a.keywordCount() + " given)");
        }
        return keywords(a, name, names, defaults);
    }

    private static void noKeywords(Arguments a, String qualname) {
        if (a.keywordCount() != 0) {
            throw PyErrors.type(qualname + "() takes no keyword arguments");
        }
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The positional argument {@code i}, or {@code fallback} when fewer were passed. */
    static Object arg(Arguments a, int i, Object fallback) {
        return i < a.size() ? a.get(i) : fallback;
    }

    /** Python's {@code operator.index(v)} as a C ssize_t (bools count as ints). */
    static long index(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (PyTypes.isIntegral(v)) {
            if (PyTypes.fitsLong(v)) {
                return PyTypes.asLong(v);
            }
            throw PyErrors.overflow("Python int too large to convert to C ssize_t");
        }
        throw PyErrors.type("'" + MethodArgs.tpName(v) + "' object cannot be interpreted as an integer");
    }

    /** An index clamped to the long range, as {@code _PyEval_SliceIndex} clamps to ssize_t. */
    static long sliceIndex(Object v, boolean noneAllowed, long fallback) {
        if (v == null && noneAllowed) {
            return fallback;
        }
        if (PyTypes.isIntegral(v)) {
            if (PyTypes.fitsLong(v)) {
                return PyTypes.asLong(v);
            }
            return ((BigInteger) v).signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        throw PyErrors.type(noneAllowed
                ? "slice indices must be integers or None or have an __index__ method"
                : "slice indices must be integers or have an __index__ method");
    }

    /** A str argument (Markup counts); {@code message} is the whole TypeError text otherwise. */
    static String str(Object v, String message) {
        if (v instanceof String s) {
            return s;
        }
        if (PyTypes.isString(v)) {
            return v.toString();
        }
        throw PyErrors.type(message);
    }

    /**
     * The type name CPython's C code puts in messages ({@code tp_name}): as {@code type(v).__name__},
     * except for types defined in C modules, which carry their module ({@code decimal.Decimal}).
     */
    static String tpName(Object v) {
        return v instanceof java.math.BigDecimal ? "decimal.Decimal" : PyTypes.typeName(v);
    }

    /** {@code must be str, not int}. */
    static String mustBeStr(Object v) {
        return str(v, "must be str, not " + MethodArgs.tpName(v));
    }
}
