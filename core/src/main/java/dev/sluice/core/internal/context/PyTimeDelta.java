package dev.sluice.core.internal.context;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateRuntimeException;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.JinjaOperand;
import dev.sluice.jinja.spi.Signature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** Python's {@code datetime.timedelta}: days, seconds and microseconds, normalized as Python does. */
final class PyTimeDelta implements JinjaObject, JinjaOperand {
    static final Signature NEW = Signature.of("timedelta").optional("days", 0L).optional("seconds", 0L)
            .optional("microseconds", 0L).optional("milliseconds", 0L).optional("minutes", 0L).optional("hours", 0L)
            .optional("weeks", 0L).build();
    static final PyTimeDelta ZERO = new PyTimeDelta(0, 0, 0);
    private static final long MAX_DAYS = 999_999_999L;
    private static final BigInteger DAY_MICROS = BigInteger.valueOf(86_400_000_000L);
    private static final BigDecimal[] UNIT_MICROS = {BigDecimal.valueOf(86_400_000_000L), BigDecimal.valueOf(1_000_000L),
        BigDecimal.ONE, BigDecimal.valueOf(1_000L), BigDecimal.valueOf(60_000_000L), BigDecimal.valueOf(3_600_000_000L),
        BigDecimal.valueOf(604_800_000_000L)};

    final long days;
    final int seconds;
    final int micros;

    private PyTimeDelta(long days, int seconds, int micros) {
        this.days = days;
        this.seconds = seconds;
        this.micros = micros;
    }

    /**
     * {@code timedelta(days=..., ...)}. Ints add up exactly; a float's whole part is exact and its
     * fraction goes through binary floating point as CPython's does, the leftover rounded half to
     * even at the end, so {@code timedelta(seconds=2.5e-6)} is 2 microseconds as in Python.
     */
    static PyTimeDelta construct(Object[] a) {
        String[] names = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
        int[] order = {2, 3, 1, 4, 5, 0, 6};
        BigInteger sofar = BigInteger.ZERO;
        double leftover = 0;
        for (int i : order) {
            BigInteger factor = UNIT_MICROS[i].toBigIntegerExact();
            Object v = a[i];
            if (PyValues.isInt(v)) {
                sofar = sofar.add(PyValues.toDecimal(v, names[i]).toBigIntegerExact().multiply(factor));
                continue;
            }
            if (!(v instanceof Double d)) {
                throw PyValues.typeError("unsupported type for timedelta " + names[i] + " component: "
                        + PyValues.typeName(v));
            }
            PyValues.toDecimal(d, names[i]);
            double whole = d < 0 ? Math.ceil(d) : Math.floor(d);
            sofar = sofar.add(new BigDecimal(whole).toBigIntegerExact().multiply(factor));
            double fraction = d - whole;
            if (fraction == 0) {
                continue;
            }
            double scaled = factor.doubleValue() * fraction;
            double scaledWhole = scaled < 0 ? Math.ceil(scaled) : Math.floor(scaled);
            sofar = sofar.add(new BigDecimal(scaledWhole).toBigIntegerExact());
            leftover += scaled - scaledWhole;
        }
        if (leftover != 0) {
            double rounded = roundHalfAway(leftover);
            if (Math.abs(rounded - leftover) == 0.5) {
                int odd = sofar.testBit(0) ? 1 : 0;
                rounded = 2.0 * roundHalfAway((leftover + odd) * 0.5) - odd;
            }
            sofar = sofar.add(BigInteger.valueOf((long) rounded));
        }
        return ofMicros(sofar);
    }

    private static double roundHalfAway(double x) {
        return Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
    }

    static PyTimeDelta ofMicros(long micros) {
        return ofMicros(BigInteger.valueOf(micros));
    }

    static PyTimeDelta ofMicros(BigInteger total) {
        BigInteger[] dr = total.divideAndRemainder(DAY_MICROS);
        BigInteger d = dr[0];
        long rest = dr[1].longValue();
        if (rest < 0) {
            rest += 86_400_000_000L;
            d = d.subtract(BigInteger.ONE);
        }
        if (d.abs().compareTo(BigInteger.valueOf(MAX_DAYS)) > 0) {
            throw PyValues.overflow("days=" + d + "; must have magnitude <= " + MAX_DAYS);
        }
        return new PyTimeDelta(d.longValue(), (int) (rest / 1_000_000L), (int) (rest % 1_000_000L));
    }

    BigInteger totalMicros() {
        return BigInteger.valueOf(days).multiply(DAY_MICROS)
                .add(BigInteger.valueOf(seconds * 1_000_000L + micros));
    }

    /** The microseconds as a long; timedelta's range always fits. */
    long micros() {
        return totalMicros().longValueExact();
    }

    double totalSeconds() {
        return new BigDecimal(totalMicros()).divide(BigDecimal.valueOf(1_000_000L), MathContext.DECIMAL128)
                .doubleValue();
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "days" -> days;
            case "seconds" -> (long) seconds;
            case "microseconds" -> (long) micros;
            case "total_seconds" -> (JinjaCallable) (cc, args) -> totalSeconds();
            default -> ABSENT;
        };
    }

    @Override
    public Object binary(String op, Object other, boolean reflected) {
        if (other instanceof PyTimeDelta t) {
            BigInteger a = reflected ? t.totalMicros() : totalMicros();
            BigInteger b = reflected ? totalMicros() : t.totalMicros();
            return switch (op) {
                case "+" -> ofMicros(a.add(b));
                case "-" -> ofMicros(a.subtract(b));
                case "/" -> divide(new BigDecimal(a), new BigDecimal(b), "division by zero").doubleValue();
                case "//" -> floorDiv(a, b);
                case "%" -> {
                    if (b.signum() == 0) {
                        throw new TemplateRuntimeException(ErrorKind.ZERO_DIVISION, "integer modulo by zero");
                    }
                    yield ofMicros(a.subtract(floorDiv(a, b).multiply(b)));
                }
                default -> NOT_IMPLEMENTED;
            };
        }
        if (PyValues.isInt(other) || other instanceof Double) {
            BigDecimal n = PyValues.toDecimal(other, "timedelta");
            if (op.equals("*")) {
                return ofMicros(new BigDecimal(totalMicros()).multiply(n).setScale(0, RoundingMode.HALF_EVEN)
                        .toBigIntegerExact());
            }
            if (!reflected && op.equals("/")) {
                return ofMicros(divide(new BigDecimal(totalMicros()), n, "integer division or modulo by zero").setScale(0, RoundingMode.HALF_EVEN)
                        .toBigIntegerExact());
            }
            if (!reflected && op.equals("//") && PyValues.isInt(other)) {
                return ofMicros(floorDiv(totalMicros(), n.toBigIntegerExact()));
            }
        }
        return NOT_IMPLEMENTED;
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b, String byZero) {
        if (b.signum() == 0) {
            throw new TemplateRuntimeException(ErrorKind.ZERO_DIVISION, byZero);
        }
        return a.divide(b, new MathContext(60, RoundingMode.HALF_EVEN));
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        if (b.signum() == 0) {
            throw new TemplateRuntimeException(ErrorKind.ZERO_DIVISION, "integer division or modulo by zero");
        }
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() != 0 && (qr[1].signum() != b.signum()) ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    @Override
    public Object unary(String op) {
        return op.equals("-") ? ofMicros(totalMicros().negate()) : this;
    }

    @Override
    public Integer compareTo(Object other) {
        return other instanceof PyTimeDelta t ? totalMicros().compareTo(t.totalMicros()) : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyTimeDelta t && t.days == days && t.seconds == seconds && t.micros == micros;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(days) * 31 * 31 + seconds * 31 + micros;
    }

    @Override
    public boolean truthy() {
        return days != 0 || seconds != 0 || micros != 0;
    }

    @Override
    public String str() {
        StringBuilder sb = new StringBuilder();
        if (days != 0) {
            sb.append(days).append(Math.abs(days) == 1 ? " day, " : " days, ");
        }
        sb.append(seconds / 3600).append(':').append(two(seconds / 60 % 60)).append(':').append(two(seconds % 60));
        if (micros != 0) {
            sb.append('.').append(String.format("%06d", micros));
        }
        return sb.toString();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    @Override
    public String repr() {
        StringBuilder sb = new StringBuilder();
        if (days != 0) {
            sb.append("days=").append(days);
        }
        if (seconds != 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("seconds=").append(seconds);
        }
        if (micros != 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("microseconds=").append(micros);
        }
        return "datetime.timedelta(" + (sb.length() == 0 ? "0" : sb) + ")";
    }

    @Override
    public String typeName() {
        return "datetime.timedelta";
    }
}
