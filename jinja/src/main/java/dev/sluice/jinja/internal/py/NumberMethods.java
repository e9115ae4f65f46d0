package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.PyTuple;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** The methods of Python 3.11's {@code int} (and {@code bool}) and {@code float} that templates use. */
final class NumberMethods {
    static final Map<String, PyMethod> INT = Map.of(
            "bit_length", (ctx, self, a) -> {
                MethodArgs.none(a, "int.bit_length");
                return (long) PyTypes.bigInt(self).abs().bitLength();
            },
            "bit_count", (ctx, self, a) -> {
                MethodArgs.none(a, "int.bit_count");
                return (long) PyTypes.bigInt(self).abs().bitCount();
            },
            "conjugate", (ctx, self, a) -> {
                MethodArgs.none(a, "int.conjugate");
                return self instanceof Boolean b ? (b ? 1L : 0L) : PyTypes.normalize(self);
            },
            "as_integer_ratio", (ctx, self, a) -> {
                MethodArgs.none(a, "int.as_integer_ratio");
                return PyTuple.of(self instanceof Boolean b ? (b ? 1L : 0L) : PyTypes.normalize(self), 1L);
            });

    static final Map<String, PyMethod> FLOAT = Map.of(
            "is_integer", (ctx, self, a) -> {
                MethodArgs.none(a, "float.is_integer");
                double d = PyTypes.asDouble(self);
                return !Double.isInfinite(d) && d == Math.rint(d);
            },
            "conjugate", (ctx, self, a) -> {
                MethodArgs.none(a, "float.conjugate");
                return PyTypes.asDouble(self);
            },
            "as_integer_ratio", (ctx, self, a) -> {
                MethodArgs.none(a, "float.as_integer_ratio");
                return ratio(PyTypes.asDouble(self));
            });

    private NumberMethods() {
    }

    private static PyTuple ratio(double d) {
        if (Double.isInfinite(d)) {
            throw PyErrors.overflow("cannot convert Infinity to integer ratio");
        }
        if (Double.isNaN(d)) {
            throw PyErrors.value("cannot convert NaN to integer ratio");
        }
        BigDecimal exact = new BigDecimal(d);
        BigInteger num = exact.unscaledValue();
        BigInteger den = BigInteger.ONE;
        if (exact.scale() > 0) {
            den = BigInteger.TEN.pow(exact.scale());
        } else if (exact.scale() < 0) {
            num = num.multiply(BigInteger.TEN.pow(-exact.scale()));
        }
        BigInteger g = num.gcd(den);
        if (g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        return PyTuple.of(PyTypes.normalizeInt(num), PyTypes.normalizeInt(den));
    }
}
