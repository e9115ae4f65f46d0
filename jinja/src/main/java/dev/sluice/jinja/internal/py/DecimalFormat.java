package dev.sluice.jinja.internal.py;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code format(Decimal, spec)} after Python's {@code _pydecimal.Decimal.__format__}: no type means
 * 'G'-style (the value's own digits, scientific when its exponent is positive or it is very small),
 * and precision counts the Decimal's own digits. Rounding is half-even, the default context's.
 */
final class DecimalFormat {
    private DecimalFormat() {
    }

    static String format(BigDecimal value, FormatSpec f) {
        int type = f.type();
        switch (type) {
            case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
                break;
            default:
                throw PyErrors.value("invalid format string");
        }
        if (type == 0) {
            type = 'G';
        } else if (type == 'n') {
            type = 'g';
        }
        boolean negative = value.signum() < 0;
        BigDecimal v = value.abs();
        if (type == '%') {
            v = v.scaleByPowerOfTen(2);
        }
        long precision = f.precision();
        if (precision >= 0) {
            if (type == 'e' || type == 'E') {
                v = round(v, (int) precision + 1);
            } else if (type == 'f' || type == 'F' || type == '%') {
                v = v.setScale((int) precision, RoundingMode.HALF_EVEN);
            } else if (digits(v).length() > precision) {
                v = round(v, (int) Math.max(precision, 1));
            }
        }
        if (v.signum() == 0 && v.scale() < 0 && (type == 'f' || type == 'F' || type == '%')) {
            v = v.setScale(0);
        }
        if (v.signum() == 0 && f.noNeg0()) {
            negative = false;
        }
        String digits = digits(v);
        long exp = -(long) v.scale();
        long leftDigits = exp + digits.length();
        long dot;
        if (type == 'e' || type == 'E') {
            dot = v.signum() == 0 && precision >= 0 ? 1 - precision : 1;
        } else if (type == 'f' || type == 'F' || type == '%') {
            dot = leftDigits;
        } else {
            dot = exp <= 0 && leftDigits > -6 ? leftDigits : 1;
        }
        String intPart;
        String fracPart;
        if (dot < 0) {
            intPart = "0";
            fracPart = "0".repeat((int) -dot) + digits;
        } else if (dot > digits.length()) {
            intPart = digits + "0".repeat((int) (dot - digits.length()));
            fracPart = "";
        } else {
            intPart = dot == 0 ? "0" : digits.substring(0, (int) dot);
            fracPart = digits.substring((int) dot);
        }
        long shownExp = leftDigits - dot;
        StringBuilder rest = new StringBuilder(fracPart);
        if (shownExp != 0 || type == 'e' || type == 'E') {
            rest.append(type == 'E' || type == 'G' ? 'E' : 'e').append(shownExp < 0 ? '-' : '+').append(Math.abs(shownExp));
        }
        if (type == '%') {
            rest.append('%');
        }
        boolean hasDecimal = !fracPart.isEmpty() || f.alternate();
        int sep = f.type() == 'n' ? 0 : f.grouping();
        return NumberLayout.layout(f, negative, "", intPart, hasDecimal, rest.toString(), sep, 3);
    }

    /** The coefficient's digits, as Decimal's {@code _int}. */
    private static String digits(BigDecimal v) {
        return v.unscaledValue().abs().toString();
    }

    /** Decimal's {@code _round}: exactly {@code places} significant digits. */
    private static BigDecimal round(BigDecimal v, int places) {
        if (v.signum() == 0) {
            return v;
        }
        int adjusted = v.precision() - v.scale() - 1;
        BigDecimal r = v.setScale(places - 1 - adjusted, RoundingMode.HALF_EVEN);
        int adjustedAfter = r.precision() - r.scale() - 1;
        if (adjustedAfter != adjusted) {
            r = r.setScale(places - 1 - adjustedAfter, RoundingMode.HALF_EVEN);
        }
        return r;
    }
}
