package dev.sluice.jinja.internal.py;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Python's text forms of floats: {@code repr()} (shortest round-trip) and fixed/scientific formats. */
public final class PyFloat {
    private PyFloat() {
    }

    /** Python's {@code repr(x)} (and {@code str(x)}): e.g. {@code 1.0}, {@code 0.1}, {@code 1e+16}, {@code 1e-05}. */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        Digits d = shortest(Math.abs(x));
        StringBuilder sb = new StringBuilder(24);
        if (x < 0) {
            sb.append('-');
        }
        int decpt = d.decpt;
        String digits = d.digits;
        if (decpt <= -4 || decpt > 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            appendExponent(sb, decpt - 1);
        } else if (decpt <= 0) {
            sb.append("0.");
            sb.append("0".repeat(-decpt));
            sb.append(digits);
        } else if (decpt >= digits.length()) {
            sb.append(digits);
            sb.append("0".repeat(decpt - digits.length()));
            sb.append(".0");
        } else {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return sb.toString();
    }

    /** Appends Python's exponent suffix: {@code e+16}, {@code e-05}. */
    static void appendExponent(StringBuilder sb, int exp) {
        sb.append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) {
            sb.append('0');
        }
        sb.append(a);
    }

    /** Significant digits (no leading/trailing zeros) and the decimal point position. */
    record Digits(String digits, int decpt) {
    }

    /** The shortest digit string that reads back as {@code x} (x finite and positive). */
    static Digits shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == x) {
                return digitsOf(r);
            }
        }
        return digitsOf(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    static Digits digitsOf(BigDecimal r) {
        BigDecimal s = r.stripTrailingZeros();
        String unscaled = s.unscaledValue().abs().toString();
        int decpt = unscaled.length() - s.scale();
        return new Digits(unscaled, decpt);
    }

    /**
     * CPython's {@code PyOS_double_to_string}: {@code type} is one of {@code eEfFgG} or {@code r} (repr,
     * precision unused). {@code alt} is the '#' flag, {@code addDot0} keeps a ".0" on integral fixed-point
     * output (format()'s empty type), {@code noNeg0} drops the sign of a result that rounds to zero.
     * Digits come from the exact binary value rounded half-even, as C's dtoa does.
     */
    public static String format(double x, char type, int precision, boolean alt, boolean addDot0, boolean noNeg0) {
        boolean upper = type == 'E' || type == 'F' || type == 'G';
        char t = Character.toLowerCase(type);
        if (Double.isNaN(x)) {
            return upper ? "NAN" : "nan";
        }
        boolean negative = Double.doubleToRawLongBits(x) < 0;
        if (Double.isInfinite(x)) {
            return (negative ? "-" : "") + (upper ? "INF" : "inf");
        }
        if (t == 'e') {
            precision++;
        } else if (t == 'g' && precision == 0) {
            precision = 1;
        }
        Digits d = digitsFor(Math.abs(x), t, precision);
        if (noNeg0 && d.digits.equals("0")) {
            negative = false;
        }
        String digits = d.digits;
        int len = digits.length();
        int decpt = d.decpt;
        boolean useExp = false;
        int end = len;
        switch (t) {
            case 'e' -> {
                useExp = true;
                end = precision;
            }
            case 'f' -> end = decpt + precision;
            case 'g' -> {
                useExp = decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision);
                if (alt) {
                    end = precision;
                }
            }
            default -> useExp = decpt <= -4 || decpt > 16;
        }
        int exp = 0;
        if (useExp) {
            exp = decpt - 1;
            decpt = 1;
        }
        int start = decpt <= 0 ? decpt - 1 : 0;
        end = Math.max(end, !useExp && addDot0 ? decpt + 1 : decpt);
        StringBuilder sb = new StringBuilder(Math.max(end - start, 0) + 8);
        if (negative) {
            sb.append('-');
        }
        if (decpt <= 0) {
            sb.append("0.");
            zeros(sb, -decpt);
        }
        if (0 < decpt && decpt <= len) {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, len);
        } else {
            sb.append(digits);
        }
        if (len < decpt) {
            zeros(sb, decpt - len);
            sb.append('.');
            zeros(sb, end - decpt);
        } else {
            zeros(sb, end - len);
        }
        if (sb.charAt(sb.length() - 1) == '.' && !alt) {
            sb.setLength(sb.length() - 1);
        }
        if (useExp) {
            sb.append(upper ? 'E' : 'e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        }
        return sb.toString();
    }

    /** dtoa's digits: mode 0 (shortest) for r, 3 (fixed places) for f, 2 (significant digits) otherwise. */
    private static Digits digitsFor(double a, char t, int precision) {
        if (a == 0) {
            return new Digits("0", 1);
        }
        if (t == 'r') {
            return shortest(a);
        }
        BigDecimal r = t == 'f'
                ? new BigDecimal(a).setScale(precision, RoundingMode.HALF_EVEN)
                : new BigDecimal(a).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        return r.signum() == 0 ? new Digits("0", 1) : digitsOf(r);
    }

    private static void zeros(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append('0');
        }
    }

    /** The exact value of {@code x} rounded half-even to {@code decimals} places, as Python's {@code %.Nf} does. */
    public static BigDecimal roundToPlaces(double x, int decimals) {
        return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN);
    }

    /** Python's {@code round(x, ndigits)} for a float. */
    public static double round(double x, int ndigits) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
            return x;
        }
        if (ndigits > 330) {
            return x;
        }
        if (ndigits < -330) {
            return 0.0 * x;
        }
        double r = new BigDecimal(x).setScale(ndigits, RoundingMode.HALF_EVEN).doubleValue();
        if (r == 0) {
            return x < 0 ? -0.0 : 0.0;
        }
        return r;
    }
}
