package dev.sluice.core.internal.artifacts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double as Python's {@code repr(float)} does, which is what dbt's JSON holds: the
 * shortest decimal that reads back as the same double, plain between 1e-4 and 1e16
 * ({@code 1718000000.123456}, {@code 0.25}, {@code 3.0}) and scientific outside
 * ({@code 1e-05}, {@code 1.5e+16}). Java's {@code Double.toString} switches to {@code 1.7E9}
 * already at 1e7.
 */
final class PythonFloat {
    private PythonFloat() {
    }

    static String repr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(d).stripTrailingZeros();
        double abs = Math.abs(d);
        if (abs >= 1e-4 && abs < 1e16) {
            String plain = shortest.toPlainString();
            return plain.indexOf('.') >= 0 ? plain : plain + ".0";
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code d}. Java's
     * {@code Double.toString} always reads back (though before JDK 19 not always with the fewest
     * digits), so its digits are rounded to ever fewer until they no longer read back; the exact
     * binary value is only expanded when that finds nothing shorter.
     */
    private static BigDecimal shortest(double d) {
        BigDecimal javas = new BigDecimal(Double.toString(d));
        BigDecimal best = javas;
        for (int precision = javas.precision() - 1; precision >= 1; precision--) {
            BigDecimal rounded = javas.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() != d) {
                break;
            }
            best = rounded;
        }
        return best;
    }
}
