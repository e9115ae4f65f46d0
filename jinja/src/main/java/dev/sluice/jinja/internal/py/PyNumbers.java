package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.JinjaOperand;
import dev.sluice.jinja.spi.Undefined;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** Python arithmetic on ints (Long, promoted to BigInteger on overflow), floats (Double) and Decimals. */
public final class PyNumbers {
    static final MathContext DECIMAL_CONTEXT = new MathContext(28, RoundingMode.HALF_EVEN);

    private PyNumbers() {
    }

    private enum Kind { INT, FLOAT, DECIMAL }

    private static Kind kind(Object a, Object b) {
        boolean fa = PyTypes.isFloat(a);
        boolean fb = PyTypes.isFloat(b);
        boolean da = a instanceof BigDecimal;
        boolean db = b instanceof BigDecimal;
        if ((fa && db) || (da && fb)) {
            return null;
        }
        if (fa || fb) {
            return Kind.FLOAT;
        }
        if (da || db) {
            return Kind.DECIMAL;
        }
        return Kind.INT;
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        return new BigDecimal(PyTypes.bigInt(v));
    }

    static void checkDefined(Object a, Object b) {
        if (a instanceof Undefined u) {
            throw u.failure();
        }
        if (b instanceof Undefined u) {
            throw u.failure();
        }
    }

    public static boolean isNumeric(Object v) {
        return v instanceof Number || v instanceof Boolean;
    }

    /** Numeric {@code a + b}; both operands must be numeric. */
    public static Object add(Object a, Object b, String op) {
        Kind k = kind(a, b);
        if (k == null) {
            throw PyErrors.unsupported(op, a, b);
        }
        switch (k) {
            case FLOAT:
                return PyTypes.asDouble(a) + PyTypes.asDouble(b);
            case DECIMAL:
                return decimal(a).add(decimal(b), DECIMAL_CONTEXT);
            default:
                if (PyTypes.fitsLong(a) && PyTypes.fitsLong(b)) {
                    long x = PyTypes.asLong(a);
                    long y = PyTypes.asLong(b);
                    long r = x + y;
                    if (((x ^ r) & (y ^ r)) < 0) {
                        return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
                    }
                    return r;
                }
                return PyTypes.normalizeInt(PyTypes.bigInt(a).add(PyTypes.bigInt(b)));
        }
    }

    public static Object sub(Object a, Object b) {
        Kind k = kind(a, b);
        if (k == null) {
            throw PyErrors.unsupported("-", a, b);
        }
        switch (k) {
            case FLOAT:
                return PyTypes.asDouble(a) - PyTypes.asDouble(b);
            case DECIMAL:
                return decimal(a).subtract(decimal(b), DECIMAL_CONTEXT);
            default:
                if (PyTypes.fitsLong(a) && PyTypes.fitsLong(b)) {
                    long x = PyTypes.asLong(a);
                    long y = PyTypes.asLong(b);
                    long r = x - y;
                    if (((x ^ y) & (x ^ r)) < 0) {
                        return BigInteger.valueOf(x).subtract(BigInteger.valueOf(y));
                    }
                    return r;
                }
                return PyTypes.normalizeInt(PyTypes.bigInt(a).subtract(PyTypes.bigInt(b)));
        }
    }

    public static Object mul(Object a, Object b) {
        Kind k = kind(a, b);
        if (k == null) {
            throw PyErrors.unsupported("*", a, b);
        }
        switch (k) {
            case FLOAT:
                return PyTypes.asDouble(a) * PyTypes.asDouble(b);
            case DECIMAL:
                return decimal(a).multiply(decimal(b), DECIMAL_CONTEXT);
            default:
                if (PyTypes.fitsLong(a) && PyTypes.fitsLong(b)) {
                    long x = PyTypes.asLong(a);
                    long y = PyTypes.asLong(b);
                    long hi = Math.multiplyHigh(x, y);
                    long lo = x * y;
                    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                        return lo;
                    }
                    return BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
                }
                return PyTypes.normalizeInt(PyTypes.bigInt(a).multiply(PyTypes.bigInt(b)));
        }
    }

    /** Python 3 true division {@code a / b}: always a float for ints. */
    public static Object truediv(Object a, Object b) {
        Kind k = kind(a, b);
        if (k == null) {
            throw PyErrors.unsupported("/", a, b);
        }
        switch (k) {
            case DECIMAL: {
                BigDecimal d = decimal(b);
                if (d.signum() == 0) {
                    throw PyErrors.zeroDivision("[<class 'decimal.DivisionByZero'>]");
                }
                return decimal(a).divide(d, DECIMAL_CONTEXT);
            }
            case FLOAT: {
                double y = PyTypes.asDouble(b);
                if (y == 0) {
                    throw PyErrors.zeroDivision("float division by zero");
                }
                return PyTypes.asDouble(a) / y;
            }
            default: {
                if (PyTypes.fitsLong(a) && PyTypes.fitsLong(b)) {
                    long x = PyTypes.asLong(a);
                    long y = PyTypes.asLong(b);
                    if (y == 0) {
                        throw PyErrors.zeroDivision("division by zero");
                    }
                    if (Math.abs(x) < (1L << 53) && Math.abs(y) < (1L << 53)) {
                        return (double) x / (double) y;
                    }
                }
                BigInteger y = PyTypes.bigInt(b);
                if (y.signum() == 0) {
                    throw PyErrors.zeroDivision("division by zero");
                }
                return new BigDecimal(PyTypes.bigInt(a)).divide(new BigDecimal(y), MathContext.DECIMAL128)
                        .doubleValue();
            }
        }
    }

    /** Python floor division {@code a // b}. */
    public static Object floordiv(Object a, Object b) {
        Kind k = kind(a, b);
        if (k == null) {
            throw PyErrors.unsupported("//", a, b);
        }
        switch (k) {
            case FLOAT:
                return floatDivmod(PyTypes.asDouble(a), PyTypes.asDouble(b), "float floor division by zero")[0];
            case DECIMAL: {
                BigDecimal d = decimal(b);
                if (d.signum() == 0) {
                    throw PyErrors.zeroDivision("[<class 'decimal.DivisionByZero'>]");
                }
                return decimal(a).divideToIntegralValue(d, DECIMAL_CONTEXT);
            }
            default: {
                if (PyTypes.fitsLong(a) && PyTypes.fitsLong(b)) {
                    long x = PyTypes.asLong(a);
                    long y = PyTypes.asLong(b);
                    if (y == 0) {
                        throw PyErrors.zeroDivision("integer division or modulo by zero");
                    }
                    if (!(x == Long.MIN_VALUE && y == -1)) {
                        return Math.floorDiv(x, y);
                    }
                }
                BigInteger y = PyTypes.bigInt(b);
                if (y.signum() == 0) {
                    throw PyErrors.zeroDivision("integer division or modulo by zero");
                }
                BigInteger[] qr = PyTypes.bigInt(a).divideAndRemainder(y);
                BigInteger q = qr[0];
                if (qr[1].signum() != 0 && (qr[1].signum() != y.signum())) {
                    q = q.subtract(BigInteger.ONE);
                }
                return PyTypes.normalizeInt(q);
            }
        }
    }

    /** Python modulo {@code a % b} for numbers (the result takes the divisor's sign). */
    public static Object mod(Object a, Object b) {
        Kind k = kind(a, b);
        if (k == null) {
            throw PyErrors.unsupported("%", a, b);
        }
        switch (k) {
            case FLOAT:
                return floatDivmod(PyTypes.asDouble(a), PyTypes.asDouble(b), "float modulo")[1];
            case DECIMAL: {
                BigDecimal d = decimal(b);
                if (d.signum() == 0) {
                    throw PyErrors.zeroDivision("[<class 'decimal.DivisionUndefined'>]");
                }
                return decimal(a).remainder(d, DECIMAL_CONTEXT);
            }
            default: {
                if (PyTypes.fitsLong(a) && PyTypes.fitsLong(b)) {
                    long y = PyTypes.asLong(b);
                    if (y == 0) {
                        throw PyErrors.zeroDivision("integer modulo by zero");
                    }
                    return Math.floorMod(PyTypes.asLong(a), y);
                }
                BigInteger y = PyTypes.bigInt(b);
                if (y.signum() == 0) {
                    throw PyErrors.zeroDivision("integer modulo by zero");
                }
                BigInteger r = PyTypes.bigInt(a).mod(y.abs());
                if (y.signum() < 0 && r.signum() != 0) {
                    r = r.add(y);
                }
                return PyTypes.normalizeInt(r);
            }
        }
    }

    /** CPython's float divmod: {floor quotient, remainder}. */
    static double[] floatDivmod(double vx, double wx, String zeroMessage) {
        if (wx == 0) {
            throw PyErrors.zeroDivision(zeroMessage);
        }
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[] {floordiv, mod};
    }

    /** Python {@code a ** b}. */
    public static Object pow(Object a, Object b) {
        Kind k = kind(a, b);
        if (k == null) {
            throw PyErrors.unsupported("** or pow()", a, b);
        }
        switch (k) {
            case FLOAT: {
                double x = PyTypes.asDouble(a);
                double y = PyTypes.asDouble(b);
                if (x == 0 && y < 0) {
                    throw PyErrors.zeroDivision("0.0 cannot be raised to a negative power");
                }
                if (x < 0 && y != Math.rint(y) && Double.isFinite(y)) {
                    throw PyErrors.value("a negative number raised to a fractional power gives a complex number,"
                            + " which templates do not support");
                }
                double r = Math.pow(x, y);
                if (Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y)) {
                    throw PyErrors.overflow("(34, 'Numerical result out of range')");
                }
                return r;
            }
            case DECIMAL: {
                if (PyTypes.isIntegral(b) && PyTypes.fitsLong(b)) {
                    long e = PyTypes.asLong(b);
                    if (Math.abs(e) <= 999_999_999L) {
                        return decimal(a).pow((int) e, DECIMAL_CONTEXT);
                    }
                }
                return BigDecimal.valueOf(Math.pow(decimal(a).doubleValue(), decimal(b).doubleValue()));
            }
            default: {
                BigInteger base = PyTypes.bigInt(a);
                BigInteger exp = PyTypes.bigInt(b);
                if (exp.signum() < 0) {
                    if (base.signum() == 0) {
                        throw PyErrors.zeroDivision("0.0 cannot be raised to a negative power");
                    }
                    return Math.pow(base.doubleValue(), exp.doubleValue());
                }
                if (base.abs().compareTo(BigInteger.ONE) <= 0) {
                    if (base.signum() == 0) {
                        return exp.signum() == 0 ? 1L : 0L;
                    }
                    if (base.signum() > 0) {
                        return 1L;
                    }
                    return exp.testBit(0) ? -1L : 1L;
                }
                if (exp.bitLength() > 31 || (long) base.bitLength() * exp.longValue() > 4_000_000L) {
                    throw PyErrors.overflow("Cannot compute " + base + " ** " + exp + ": the result is too large");
                }
                return PyTypes.normalizeInt(base.pow(exp.intValue()));
            }
        }
    }

    /** Unary minus. */
    public static Object neg(Object a) {
        if (a instanceof Long l) {
            return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : (Object) (-l);
        }
        if (a instanceof Double d) {
            return -d;
        }
        if (PyTypes.isIntegral(a)) {
            return PyTypes.normalizeInt(PyTypes.bigInt(a).negate());
        }
        if (a instanceof Float f) {
            return -f.doubleValue();
        }
        if (a instanceof BigDecimal d) {
            return d.negate();
        }
        if (a instanceof Undefined u) {
            throw u.failure();
        }
        if (a instanceof JinjaOperand o) {
            Object r = o.unary("-");
            if (r != JinjaOperand.NOT_IMPLEMENTED) {
                return r;
            }
        }
        throw PyErrors.type("bad operand type for unary -: '" + PyTypes.typeName(a) + "'");
    }

    /** Unary plus. */
    public static Object pos(Object a) {
        if (a instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (a instanceof Number) {
            return PyTypes.normalize(a);
        }
        if (a instanceof Undefined u) {
            throw u.failure();
        }
        if (a instanceof JinjaOperand o) {
            Object r = o.unary("+");
            if (r != JinjaOperand.NOT_IMPLEMENTED) {
                return r;
            }
        }
        throw PyErrors.type("bad operand type for unary +: '" + PyTypes.typeName(a) + "'");
    }

    /** Compares two numbers: -1, 0, 1, or 2 when unordered (a NaN is involved). */
    public static int compare(Object a, Object b) {
        if (PyTypes.fitsLong(a) && PyTypes.fitsLong(b)) {
            return Long.compare(PyTypes.asLong(a), PyTypes.asLong(b));
        }
        boolean fa = PyTypes.isFloat(a);
        boolean fb = PyTypes.isFloat(b);
        if (fa && fb) {
            return compareDoubles(PyTypes.asDouble(a), PyTypes.asDouble(b));
        }
        if (fa || fb) {
            double d = PyTypes.asDouble(fa ? a : b);
            if (Double.isNaN(d)) {
                return 2;
            }
            if (Double.isInfinite(d)) {
                int c = d > 0 ? 1 : -1;
                return fa ? c : -c;
            }
        }
        return exact(a).compareTo(exact(b));
    }

    private static int compareDoubles(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return 2;
        }
        return x < y ? -1 : (x > y ? 1 : 0);
    }

    private static BigDecimal exact(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (PyTypes.isFloat(v)) {
            return new BigDecimal(PyTypes.asDouble(v));
        }
        return new BigDecimal(PyTypes.bigInt(v));
    }

    /** Numeric equality across int, bool, float and Decimal. */
    public static boolean numericEquals(Object a, Object b) {
        return compare(a, b) == 0;
    }
}
