package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Undefined;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** One printf-style conversion ({@code %s}, {@code %d}, {@code %.2f}, ...) of one argument, before padding. */
final class PercentConversion {
    private static final int F_ALT = 8;

    /** The converted text; {@code numeric} when sign flags and zero padding apply to it. */
    record Result(String text, boolean numeric) {
    }

    private PercentConversion() {
    }

    static Result convert(int ch, Object v, int flags, int prec, int index) {
        switch (ch) {
            case 's':
                return new Result(str(v), false);
            case 'r':
                return new Result(repr(v), false);
            case 'a':
                return new Result(PercentFormat.ascii(repr(v)), false);
            case 'd', 'i', 'u', 'o', 'x', 'X':
                return new Result(formatLong(toInteger(v, (char) ch), (char) ch, (flags & F_ALT) != 0, prec), true);
            case 'e', 'E', 'f', 'F', 'g', 'G':
                return new Result(PyFloat.format(toDouble(v), (char) ch, prec < 0 ? 6 : prec, (flags & F_ALT) != 0,
                        false, false), true);
            case 'c':
                return new Result(character(v), false);
            default:
                String shown = ch >= 0x20 && ch < 0x7f ? String.valueOf((char) ch) : "?";
                throw PyErrors.value("unsupported format character '" + shown + "' (0x" + Integer.toHexString(ch)
                        + ") at index " + index);
        }
    }

    private static String str(Object v) {
        if (v instanceof EscapeHelper h) {
            return h.str();
        }
        if (v instanceof Undefined u) {
            u.checkUsable();
            return "";
        }
        return PyRepr.str(v);
    }

    private static String repr(Object v) {
        return v instanceof EscapeHelper h ? h.repr() : PyRepr.repr(v);
    }

    private static String character(Object v) {
        if (PyTypes.isString(v)) {
            String s = v.toString();
            if (StrSearch.cpLen(s) == 1) {
                return s;
            }
        } else if (PyTypes.isIntegral(v)) {
            BigInteger b = PyTypes.bigInt(v);
            if (b.signum() < 0 || b.compareTo(BigInteger.valueOf(0x10ffff)) > 0) {
                throw PyErrors.overflow("%c arg not in range(0x110000)");
            }
            return new String(Character.toChars(b.intValue()));
        }
        throw PyErrors.type("%c requires int or char");
    }

    /** {@code int(v)} for %d, {@code operator.index(v)} for %x and %o, with CPython's wording when it fails. */
    private static BigInteger toInteger(Object v, char type) {
        if (v instanceof Undefined u) {
            throw u.failure();
        }
        if (PyTypes.isIntegral(v)) {
            return PyTypes.bigInt(v);
        }
        boolean indexOnly = type == 'o' || type == 'x' || type == 'X';
        if (!indexOnly) {
            Object obj = v instanceof EscapeHelper h ? h.obj() : v;
            BigInteger r = v instanceof EscapeHelper ? PyConvert.intOf(obj) : PyConvert.truncate(obj);
            if (r != null) {
                return r;
            }
        }
        throw PyErrors.type("%" + type + " format: " + (indexOnly ? "an integer" : "a real number")
                + " is required, not " + MethodArgs.tpName(v));
    }

    /** CPython's {@code PyFloat_AsDouble}, with {@code float(obj)} for escape helpers. */
    private static double toDouble(Object v) {
        if (v instanceof Undefined u) {
            throw u.failure();
        }
        if (v instanceof EscapeHelper h) {
            return PyConvert.floatOf(h.obj());
        }
        if (PyTypes.isIntegral(v)) {
            return FormatValue.toDouble(v);
        }
        if (PyTypes.isFloat(v) || v instanceof BigDecimal) {
            return ((Number) v).doubleValue();
        }
        throw PyErrors.type("must be real number, not " + MethodArgs.tpName(v));
    }

    /** CPython's {@code _PyUnicode_FormatLong}: sign, "0x" prefix when alternate, digits zero-filled to prec. */
    private static String formatLong(BigInteger v, char type, boolean alt, int prec) {
        int base = type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
        String digits = v.abs().toString(base);
        StringBuilder sb = new StringBuilder(digits.length() + 4);
        if (v.signum() < 0) {
            sb.append('-');
        }
        if (alt && base != 10) {
            sb.append(base == 8 ? "0o" : "0x");
        }
        for (int i = digits.length(); i < prec; i++) {
            sb.append('0');
        }
        sb.append(digits);
        return type == 'X' ? sb.toString().toUpperCase(Locale.ROOT) : sb.toString();
    }
}
