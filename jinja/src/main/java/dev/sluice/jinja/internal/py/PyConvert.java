package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Arguments;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/** Python's {@code int(x)} and {@code float(x)} conversions, as markupsafe's escape helper needs them. */
final class PyConvert {
    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern FLOAT = Pattern.compile("[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\."
            + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private PyConvert() {
    }

    /** {@code int(v)} for a float or Decimal (truncating), or null when {@code v} is no number. */
    static BigInteger truncate(Object v) {
        if (PyTypes.isIntegral(v)) {
            return PyTypes.bigInt(v);
        }
        if (PyTypes.isFloat(v)) {
            double d = PyTypes.asDouble(v);
            if (Double.isInfinite(d)) {
                throw PyErrors.overflow("cannot convert float infinity to integer");
            }
            if (Double.isNaN(d)) {
                throw PyErrors.value("cannot convert float NaN to integer");
            }
            return new BigDecimal(d).toBigInteger();
        }
        if (v instanceof BigDecimal d) {
            return d.toBigInteger();
        }
        return null;
    }

    /** {@code int(v)}: numbers truncate, strings parse in base 10; null when Python would raise TypeError. */
    static BigInteger intOf(Object v) {
        if (PyTypes.isString(v)) {
            String s = StrSplit.strip(v.toString(), Arguments.EMPTY, "strip", true, true);
            String body = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
            if (!body.isEmpty() && body.codePoints().allMatch(c -> c == '_' || PyUnicode.isDecimal(c))
                    && !body.startsWith("_") && !body.endsWith("_") && !body.contains("__")) {
                StringBuilder digits = new StringBuilder(s.startsWith("-") ? "-" : "");
                body.codePoints().filter(c -> c != '_').forEach(c -> digits.append(Character.digit(c, 10)));
                return new BigInteger(digits.toString());
            }
            throw PyErrors.value("invalid literal for int() with base 10: " + PyRepr.repr(v));
        }
        return truncate(v);
    }

    /** {@code float(v)}: numbers convert, strings parse; anything else is a TypeError. */
    static double floatOf(Object v) {
        if (PyTypes.isIntegral(v)) {
            return FormatValue.toDouble(v);
        }
        if (PyTypes.isFloat(v) || v instanceof BigDecimal) {
            return ((Number) v).doubleValue();
        }
        if (PyTypes.isString(v)) {
            String s = StrSplit.strip(v.toString(), Arguments.EMPTY, "strip", true, true);
            if (FLOAT.matcher(s).matches()) {
                return Double.parseDouble(s.replace("_", ""));
            }
            if (SPECIAL.matcher(s).matches()) {
                String lower = s.toLowerCase(Locale.ROOT);
                boolean negative = lower.startsWith("-");
                if (lower.contains("nan")) {
                    return Double.NaN;
                }
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            throw PyErrors.value("could not convert string to float: " + PyRepr.repr(v));
        }
        throw PyErrors.type("float() argument must be a string or a real number, not '" + MethodArgs.tpName(v) + "'");
    }
}
