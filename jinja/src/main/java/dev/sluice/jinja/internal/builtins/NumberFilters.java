package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateRuntimeException;
import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyFloat;
import dev.sluice.jinja.internal.py.PyNumbers;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyTypes;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaFilter;
import dev.sluice.jinja.spi.Signature;
import dev.sluice.jinja.spi.Undefined;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/** The number filters: abs int float round filesizeformat. */
final class NumberFilters {
    private static final Signature INT = Signature.of("do_int").required("value").optional("default", 0L)
            .optional("base", 10L).build();
    private static final Signature FLOAT = Signature.of("do_float").required("value").optional("default", 0.0)
            .build();
    private static final Signature ROUND = Signature.of("do_round").required("value").optional("precision", 0L)
            .optional("method", "common").build();
    private static final Signature FILESIZE = Signature.of("do_filesizeformat").required("value")
            .optional("binary", false).build();
    private static final String[] DECIMAL_PREFIXES = {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    private static final String[] BINARY_PREFIXES = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};

    private NumberFilters() {
    }

    static void register(Map<String, JinjaFilter> f) {
        f.put("abs", (ctx, v, a) -> {
            Sig.exactlyOne("abs", a);
            return abs(v);
        });
        f.put("int", NumberFilters::toInt);
        f.put("float", (ctx, v, a) -> {
            Object[] b = Sig.bind(FLOAT, v, a);
            try {
                return toFloat(b[0]);
            } catch (TemplateRuntimeException e) {
                if (e.kind() == ErrorKind.TYPE || e.kind() == ErrorKind.VALUE) {
                    return b[1];
                }
                throw e;
            }
        });
        f.put("round", NumberFilters::round);
        f.put("filesizeformat", NumberFilters::filesizeformat);
    }

    static Object abs(Object v) {
        if (v instanceof Double d) {
            return Math.abs(d);
        }
        if (PyTypes.isIntegral(v)) {
            return PyTypes.normalizeInt(PyTypes.bigInt(v).abs());
        }
        if (v instanceof BigDecimal d) {
            return d.abs();
        }
        if (v instanceof Number n) {
            return Math.abs(n.doubleValue());
        }
        throw PyErrors.type("bad operand type for abs(): '" + Py.typeName(v) + "'");
    }

    private static Object toInt(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bind(INT, value, args);
        Object v = b[0];
        try {
            if (PyTypes.isString(v)) {
                if (!PyTypes.isIntegral(b[2])) {
                    throw PyErrors.type("'" + Py.typeName(b[2]) + "' object cannot be interpreted as an integer");
                }
                return IntParse.parseInt(v.toString(), Py.index(b[2]));
            }
            return pyInt(v);
        } catch (TemplateRuntimeException e) {
            if (e.kind() != ErrorKind.TYPE && e.kind() != ErrorKind.VALUE) {
                throw e;
            }
        }
        try {
            return pyInt(toFloat(v));
        } catch (TemplateRuntimeException e) {
            if (e.kind() == ErrorKind.TYPE || e.kind() == ErrorKind.VALUE) {
                return b[1];
            }
            throw e;
        }
    }

    /** Python's {@code int(v)} for a non-string. */
    static Object pyInt(Object v) {
        if (PyTypes.isIntegral(v)) {
            return v instanceof Boolean ? (Object) PyTypes.asLong(v) : PyTypes.normalize(v);
        }
        if (PyTypes.isFloat(v)) {
            return floatToInt(PyTypes.asDouble(v));
        }
        if (v instanceof BigDecimal d) {
            return PyTypes.normalizeInt(d.setScale(0, RoundingMode.DOWN).toBigInteger());
        }
        if (v instanceof Undefined u) {
            throw u.failure();
        }
        throw PyErrors.type("int() argument must be a string, a bytes-like object or a real number, not '"
                + Py.typeName(v) + "'");
    }

    static Object floatToInt(double d) {
        if (Double.isNaN(d)) {
            throw PyErrors.value("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw PyErrors.overflow("cannot convert float infinity to integer");
        }
        if (Math.abs(d) < 9.0e18) {
            return (long) d;
        }
        return PyTypes.normalizeInt(new BigDecimal(d).toBigInteger());
    }

    /** Python's {@code float(v)}. */
    static double toFloat(Object v) {
        if (PyTypes.isString(v)) {
            return IntParse.parseFloat(v.toString());
        }
        if (v instanceof BigInteger b) {
            double d = b.doubleValue();
            if (Double.isInfinite(d)) {
                throw PyErrors.overflow("int too large to convert to float");
            }
            return d;
        }
        if (PyNumbers.isNumeric(v)) {
            return PyTypes.asDouble(v);
        }
        if (v instanceof Undefined u) {
            throw u.failure();
        }
        throw PyErrors.type("float() argument must be a string or a real number, not '" + Py.typeName(v) + "'");
    }

    private static Object round(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bind(ROUND, value, args);
        Object v = b[0];
        Object precision = b[1];
        Object method = b[2];
        if (!"common".equals(method) && !"ceil".equals(method) && !"floor".equals(method)) {
            throw PyErrors.filterArgument("method must be common, ceil or floor");
        }
        if (method.equals("common")) {
            return commonRound(v, precision);
        }
        Object scale = PyOps.pow(10L, precision);
        Object scaled = PyOps.mul(v, scale);
        if (!PyNumbers.isNumeric(scaled)) {
            throw PyErrors.type("must be real number, not " + Py.typeName(scaled));
        }
        Object rounded;
        if (PyTypes.isIntegral(scaled)) {
            rounded = scaled instanceof Boolean ? (Object) PyTypes.asLong(scaled) : scaled;
        } else if (scaled instanceof BigDecimal d) {
            rounded = PyTypes.normalizeInt(d.setScale(0, method.equals("ceil") ? RoundingMode.CEILING
                    : RoundingMode.FLOOR).toBigInteger());
        } else {
            double d = PyTypes.asDouble(scaled);
            rounded = floatToInt(method.equals("ceil") ? Math.ceil(d) : Math.floor(d));
        }
        return PyOps.truediv(rounded, scale);
    }

    /** Python's builtin {@code round(v, ndigits)}. */
    private static Object commonRound(Object v, Object ndigits) {
        if (PyTypes.isFloat(v)) {
            if (ndigits == null) {
                return floatToInt(Math.rint(PyTypes.asDouble(v)));
            }
            long n = Py.index(ndigits);
            return PyFloat.round(PyTypes.asDouble(v), (int) Math.max(-400, Math.min(400, n)));
        }
        if (PyTypes.isIntegral(v)) {
            BigInteger i = PyTypes.bigInt(v);
            if (ndigits == null) {
                return PyTypes.normalizeInt(i);
            }
            long n = Py.index(ndigits);
            if (n >= 0) {
                return PyTypes.normalizeInt(i);
            }
            if (n < -4000) {
                return 0L;
            }
            BigDecimal r = new BigDecimal(i).setScale((int) n, RoundingMode.HALF_EVEN);
            return PyTypes.normalizeInt(r.setScale(0, RoundingMode.UNNECESSARY).toBigInteger());
        }
        if (v instanceof BigDecimal d) {
            int n = ndigits == null ? 0 : (int) Py.index(ndigits);
            BigDecimal r = d.setScale(n, RoundingMode.HALF_EVEN);
            return ndigits == null ? PyTypes.normalizeInt(r.toBigInteger()) : r;
        }
        throw PyErrors.type("type " + Py.typeName(v) + " doesn't define __round__ method");
    }

    private static Object filesizeformat(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bind(FILESIZE, value, args);
        double bytes = toFloat(b[0]);
        boolean binary = PyOps.truthy(b[1]);
        int base = binary ? 1024 : 1000;
        String[] prefixes = binary ? BINARY_PREFIXES : DECIMAL_PREFIXES;
        if (bytes == 1) {
            return "1 Byte";
        }
        if (bytes < base) {
            return floatToInt(bytes) + " Bytes";
        }
        BigInteger bigBase = BigInteger.valueOf(base);
        double unit = 0;
        for (int i = 0; i < prefixes.length; i++) {
            unit = bigBase.pow(i + 2).doubleValue();
            if (bytes < unit) {
                return oneDecimal(base * bytes / unit) + " " + prefixes[i];
            }
        }
        return oneDecimal(base * bytes / unit) + " " + prefixes[prefixes.length - 1];
    }

    /** Python's {@code f"{x:.1f}"}. */
    private static String oneDecimal(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        String s = PyFloat.roundToPlaces(x, 1).toPlainString();
        return (x < 0 || (x == 0 && 1 / x < 0)) && !s.startsWith("-") ? "-" + s : s;
    }
}
