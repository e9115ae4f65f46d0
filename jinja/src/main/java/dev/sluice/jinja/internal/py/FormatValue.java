package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Undefined;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** Python's {@code format(value, spec)}: the {@code __format__} of int, bool, float, str and object. */
final class FormatValue {
    private FormatValue() {
    }

    static String format(Object value, String spec) {
        if (value instanceof Undefined u) {
            if (!spec.isEmpty()) {
                throw unsupported(value);
            }
            u.checkUsable();
            return "";
        }
        if (spec.isEmpty()) {
            return PyRepr.str(value);
        }
        if (PyTypes.isIntegral(value)) {
            return formatInt(value, FormatSpec.parse(spec, MethodArgs.tpName(value), 'd', '>'));
        }
        if (PyTypes.isFloat(value)) {
            return formatFloat(PyTypes.asDouble(value), FormatSpec.parse(spec, "float", 0, '>'), "float");
        }
        if (value instanceof BigDecimal d) {
            return DecimalFormat.format(d, FormatSpec.parse(spec, "Decimal", 0, '>'));
        }
        if (PyTypes.isString(value)) {
            return formatString(value.toString(), FormatSpec.parse(spec, MethodArgs.tpName(value), 's', '<'),
                    MethodArgs.tpName(value));
        }
        throw unsupported(value);
    }

    private static RuntimeException unsupported(Object value) {
        return PyErrors.type("unsupported format string passed to " + MethodArgs.tpName(value) + ".__format__");
    }

    static String formatInt(Object value, FormatSpec f) {
        switch (f.type()) {
            case 'b', 'c', 'd', 'o', 'x', 'X', 'n':
                return formatLong(PyTypes.bigInt(value), f);
            case 'e', 'E', 'f', 'F', 'g', 'G', '%':
                return formatFloat(toDouble(value), f, "float");
            default:
                throw FormatSpec.unknownType(f.type(), MethodArgs.tpName(value));
        }
    }

    /** Python's {@code float(int)}, which refuses ints beyond the double range. */
    static double toDouble(Object integral) {
        if (PyTypes.fitsLong(integral)) {
            return PyTypes.asLong(integral);
        }
        double d = PyTypes.bigInt(integral).doubleValue();
        if (Double.isInfinite(d)) {
            throw PyErrors.overflow("int too large to convert to float");
        }
        return d;
    }

    private static String formatLong(BigInteger v, FormatSpec f) {
        if (f.precision() != -1) {
            throw PyErrors.value("Precision not allowed in integer format specifier");
        }
        if (f.noNeg0()) {
            throw PyErrors.value("Negative zero coercion (z) not allowed in integer format specifier");
        }
        int type = f.type();
        if (type == 'c') {
            if (f.sign() != 0) {
                throw PyErrors.value("Sign not allowed with integer format specifier 'c'");
            }
            if (f.alternate()) {
                throw PyErrors.value("Alternate form (#) not allowed with integer format specifier 'c'");
            }
            if (v.bitLength() >= 64) {
                throw PyErrors.overflow("Python int too large to convert to C long");
            }
            long x = v.longValue();
            if (x < 0 || x > 0x10ffff) {
                throw PyErrors.overflow("%c arg not in range(0x110000)");
            }
            return NumberLayout.layout(f, false, "", "", false, new String(Character.toChars((int) x)), 0, 3);
        }
        int base = switch (type) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String digits = v.abs().toString(base);
        String prefix = "";
        if (f.alternate() && base != 10) {
            prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
        }
        if (type == 'X') {
            digits = digits.toUpperCase(Locale.ROOT);
            prefix = prefix.toUpperCase(Locale.ROOT);
        }
        int sep = type == 'n' ? 0 : f.grouping();
        int size = sep == '_' && base != 10 ? 4 : 3;
        return NumberLayout.layout(f, v.signum() < 0, prefix, digits, false, "", sep, size);
    }

    static String formatFloat(double value, FormatSpec f, String typeName) {
        int type = f.type();
        switch (type) {
            case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
                break;
            default:
                throw FormatSpec.unknownType(type, typeName);
        }
        if (f.precision() > Integer.MAX_VALUE) {
            throw PyErrors.value("precision too big");
        }
        boolean addDot0 = false;
        int defaultPrecision = 6;
        char t = (char) type;
        if (type == 0) {
            addDot0 = true;
            t = 'r';
            defaultPrecision = 0;
        } else if (type == 'n') {
            t = 'g';
        }
        boolean percent = type == '%';
        if (percent) {
            t = 'f';
            value *= 100;
        }
        int precision = (int) f.precision();
        if (precision < 0) {
            precision = defaultPrecision;
        } else if (t == 'r') {
            t = 'g';
        }
        String text = PyFloat.format(value, t, precision, f.alternate(), addDot0, f.noNeg0());
        if (percent) {
            text += "%";
        }
        boolean negative = text.startsWith("-");
        int start = negative ? 1 : 0;
        int i = start;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        boolean hasDecimal = i < text.length() && text.charAt(i) == '.';
        String remainder = text.substring(hasDecimal ? i + 1 : i);
        int sep = type == 'n' ? 0 : f.grouping();
        return NumberLayout.layout(f, negative, "", text.substring(start, i), hasDecimal, remainder, sep, 3);
    }

    static String formatString(String s, FormatSpec f, String typeName) {
        if (f.type() != 's') {
            throw FormatSpec.unknownType(f.type(), typeName);
        }
        if (f.sign() != 0) {
            throw PyErrors.value(f.sign() == ' ' ? "Space not allowed in string format specifier"
                    : "Sign not allowed in string format specifier");
        }
        if (f.noNeg0()) {
            throw PyErrors.value("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (f.alternate()) {
            throw PyErrors.value("Alternate form (#) not allowed in string format specifier");
        }
        if (f.align() == '=') {
            throw PyErrors.value("'=' alignment not allowed in string format specifier");
        }
        int len = StrSearch.cpLen(s);
        if (f.precision() >= 0 && len >= f.precision()) {
            s = s.substring(0, s.offsetByCodePoints(0, (int) f.precision()));
            len = (int) f.precision();
        }
        if (f.width() <= len) {
            return s;
        }
        StrPad.checkWidth(f.width());
        long pad = f.width() - len;
        long left = switch (f.align()) {
            case '>' -> pad;
            case '^' -> pad / 2;
            default -> 0;
        };
        return StrPad.pad(s, left, pad - left, f.fill());
    }
}
