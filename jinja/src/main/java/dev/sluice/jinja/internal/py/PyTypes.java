package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Undefined;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Python type classification of Java values: null is None, Long/BigInteger int, Double float, ... */
public final class PyTypes {
    private PyTypes() {
    }

    /** Python's {@code type(x).__name__}. */
    public static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof String || v instanceof Character) {
            return "str";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (isInt(v)) {
            return "int";
        }
        if (v instanceof Double || v instanceof Float) {
            return "float";
        }
        if (v instanceof BigDecimal) {
            return "Decimal";
        }
        if (v instanceof Markup) {
            return "Markup";
        }
        if (v instanceof PyTuple) {
            return "tuple";
        }
        if (v instanceof PyTyped t) {
            return t.pyTypeName();
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof Map) {
            return "dict";
        }
        if (v instanceof Set) {
            return "set";
        }
        if (v instanceof Undefined u) {
            return switch (u.policy()) {
                case STRICT -> "StrictUndefined";
                case CHAINABLE -> "ChainableUndefined";
                default -> "Undefined";
            };
        }
        if (v instanceof JinjaObject o) {
            return o.typeName();
        }
        if (v instanceof JinjaCallable) {
            return "function";
        }
        if (v instanceof CharSequence) {
            return "str";
        }
        return v.getClass().getSimpleName();
    }

    /** True for Python ints, excluding bool. */
    public static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof BigInteger || v instanceof Short
                || v instanceof Byte;
    }

    /** True for ints and bools (bool is an int subclass in Python). */
    public static boolean isIntegral(Object v) {
        return v instanceof Boolean || isInt(v);
    }

    public static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float;
    }

    /** Python's {@code isinstance(v, numbers.Number)}: ints, bools, floats, Decimals. */
    public static boolean isNumber(Object v) {
        return v instanceof Number || v instanceof Boolean;
    }

    /** True for str and Markup. */
    public static boolean isString(Object v) {
        return v instanceof String || v instanceof Markup || v instanceof Character;
    }

    /** Normalizes an integral value to Long, or BigInteger when it does not fit. */
    public static Object normalizeInt(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    /** An int or bool as BigInteger. */
    public static BigInteger bigInt(Object v) {
        if (v instanceof BigInteger b) {
            return b;
        }
        if (v instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        return BigInteger.valueOf(((Number) v).longValue());
    }

    /** True when an int value fits a long (bools count). */
    public static boolean fitsLong(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof Boolean;
    }

    /** An int or bool that fits a long, as long. */
    public static long asLong(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) v).longValue();
    }

    /** A number or bool as double (Python's float(x)). */
    public static double asDouble(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        return ((Number) v).doubleValue();
    }

    /** Converts host-supplied Java values to engine values: Integer to Long, Float to Double, char to str. */
    public static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        return v;
    }
}
