package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.JinjaOperand;
import dev.sluice.jinja.spi.Signature;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Python's {@code datetime.datetime}, naive ({@code tz} null) or aware: prints as
 * {@code 2024-01-31 00:00:00+00:00}, repr {@code datetime.datetime(2024, 1, 31, 0, 0)};
 * arithmetic with timedeltas, subtraction, ordering and equality as Python's.
 */
final class PyDateTime implements JinjaObject, JinjaOperand {
    static final Signature NEW = Signature.of("datetime").required("year", "month", "day").optional("hour", 0L)
            .optional("minute", 0L).optional("second", 0L).optional("microsecond", 0L).optional("tzinfo", null)
            .optional("fold", 0L).build();
    private static final Signature REPLACE = Signature.of("replace").optional("year", PyValues.UNSET)
            .optional("month", PyValues.UNSET).optional("day", PyValues.UNSET).optional("hour", PyValues.UNSET)
            .optional("minute", PyValues.UNSET).optional("second", PyValues.UNSET)
            .optional("microsecond", PyValues.UNSET).optional("tzinfo", PyValues.UNSET).build();
    private static final Signature ISO = Signature.of("isoformat").optional("sep", "T").optional("timespec", "auto")
            .build();
    private static final Signature FORMAT = Signature.of("strftime").required("format").build();
    private static final Signature ASTZ = Signature.of("astimezone").optional("tz", null).build();

    final LocalDateTime local;
    final PyTzInfo tz;

    PyDateTime(LocalDateTime local, PyTzInfo tz) {
        this.local = local;
        this.tz = tz;
    }

    static PyDateTime construct(Object[] a) {
        LocalTime t = checkedTime(PyValues.toLong(a[3]), PyValues.toLong(a[4]), PyValues.toLong(a[5]),
                PyValues.toLong(a[6]));
        return new PyDateTime(PyDate.checked(PyValues.toLong(a[0]), PyValues.toLong(a[1]), PyValues.toLong(a[2]))
                .atTime(t), tzArgument(a[7]));
    }

    static LocalTime checkedTime(long h, long m, long s, long us) {
        check(h, 23, "hour");
        check(m, 59, "minute");
        check(s, 59, "second");
        check(us, 999_999, "microsecond");
        return LocalTime.of((int) h, (int) m, (int) s, (int) us * 1000);
    }

    private static void check(long v, long max, String what) {
        if (v < 0 || v > max) {
            throw PyValues.valueError(what + " must be in 0.." + max);
        }
    }

    static PyTzInfo tzArgument(Object v) {
        if (v == null || v instanceof PyTzInfo) {
            return (PyTzInfo) v;
        }
        throw PyValues.typeError("tzinfo argument must be None or of a tzinfo subclass, not type '"
                + PyValues.typeName(v) + "'");
    }

    /** The instant this aware datetime stands for; a naive one is read in the system's zone, as Python does. */
    Instant instant() {
        return tz == null ? local.atZone(ZoneId.systemDefault()).toInstant() : local.toInstant(tz.offset(local));
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "year" -> (long) local.getYear();
            case "month" -> (long) local.getMonthValue();
            case "day" -> (long) local.getDayOfMonth();
            case "hour" -> (long) local.getHour();
            case "minute" -> (long) local.getMinute();
            case "second" -> (long) local.getSecond();
            case "microsecond" -> (long) (local.getNano() / 1000);
            case "tzinfo" -> tz;
            case "fold" -> 0L;
            case "strftime" -> PyValues.fn(FORMAT, a -> PyTimeFormat.strftime(local, tz, PyValues.str(a[0])));
            case "isoformat" -> PyValues.fn(ISO, a -> isoformat(a[0], PyValues.str(a[1])));
            case "date" -> (JinjaCallable) (cc, args) -> new PyDate(local.toLocalDate());
            case "time" -> (JinjaCallable) (cc, args) -> new PyTime(local.toLocalTime(), null);
            case "timetz" -> (JinjaCallable) (cc, args) -> new PyTime(local.toLocalTime(), tz);
            case "replace" -> PyValues.fn(REPLACE, this::replace);
            case "weekday" -> (JinjaCallable) (cc, args) -> (long) local.getDayOfWeek().getValue() - 1;
            case "isoweekday" -> (JinjaCallable) (cc, args) -> (long) local.getDayOfWeek().getValue();
            case "toordinal" -> (JinjaCallable) (cc, args) -> PyDate.ordinal(local.toLocalDate());
            case "timestamp" -> (JinjaCallable) (cc, args) -> timestamp();
            case "astimezone" -> PyValues.fn(ASTZ, a -> astimezone(a[0]));
            case "utcoffset" -> (JinjaCallable) (cc, args) -> tz == null ? null
                    : PyTimeDelta.ofMicros(tz.offset(local).getTotalSeconds() * 1_000_000L);
            case "tzname" -> (JinjaCallable) (cc, args) -> tz == null ? null : tz.tzname(local);
            case "ctime" -> (JinjaCallable) (cc, args) -> PyTimeFormat.strftime(local, null, "%a %b %e %H:%M:%S %Y");
            default -> ABSENT;
        };
    }

    private String isoformat(Object sep, String timespec) {
        if (!(sep instanceof String s) || s.codePointCount(0, s.length()) != 1) {
            throw PyValues.typeError("isoformat() argument 1 must be a unicode character, not "
                    + PyValues.typeName(sep));
        }
        return new PyDate(local.toLocalDate()).str() + s + PyTimeFormat.isoTime(local, timespec)
                + PyTimeFormat.isoOffset(tz, local);
    }

    private PyDateTime replace(Object[] a) {
        var date = PyDate.checked(PyValues.intOr(a[0], local.getYear()), PyValues.intOr(a[1], local.getMonthValue()),
                PyValues.intOr(a[2], local.getDayOfMonth()));
        var time = checkedTime(PyValues.intOr(a[3], local.getHour()), PyValues.intOr(a[4], local.getMinute()),
                PyValues.intOr(a[5], local.getSecond()), PyValues.intOr(a[6], local.getNano() / 1000));
        return new PyDateTime(date.atTime(time), a[7] == PyValues.UNSET ? tz : tzArgument(a[7]));
    }

    private double timestamp() {
        Instant i = instant();
        BigDecimal micros = BigDecimal.valueOf(i.getEpochSecond()).scaleByPowerOfTen(6)
                .add(BigDecimal.valueOf(i.getNano() / 1000));
        return micros.divide(BigDecimal.valueOf(1_000_000L), MathContext.DECIMAL128).doubleValue();
    }

    PyDateTime astimezone(Object target) {
        if (target == null) {
            ZoneId system = ZoneId.systemDefault();
            Instant i = instant();
            var offset = system.getRules().getOffset(i);
            String abbr = PytzZone.abbreviation(system, i);
            return PyTimezone.of(offset, abbr).fromInstant(i);
        }
        return tzArgumentStrict(target).fromInstant(instant());
    }

    private static PyTzInfo tzArgumentStrict(Object v) {
        if (v instanceof PyTzInfo t) {
            return t;
        }
        throw PyValues.typeError("astimezone() argument 1 must be datetime.tzinfo, not " + PyValues.typeName(v));
    }

    PyDateTime plusMicros(long micros) {
        LocalDateTime r = local.plus(Duration.of(micros, ChronoUnit.MICROS));
        PyDate.inRange(r.toLocalDate());
        return new PyDateTime(r, tz);
    }

    /** {@code run_started_at} is a datetime too. */
    private static Object unwrap(Object v) {
        return v instanceof DateTimeObject d ? d.value() : v;
    }

    @Override
    public Object binary(String op, Object o, boolean reflected) {
        Object other = unwrap(o);
        if (other instanceof PyTimeDelta td && (op.equals("+") || (op.equals("-") && !reflected))) {
            return plusMicros(op.equals("+") ? td.micros() : -td.micros());
        }
        if (op.equals("-") && other instanceof PyDateTime d) {
            PyDateTime a = reflected ? d : this;
            PyDateTime b = reflected ? this : d;
            if ((a.tz == null) != (b.tz == null)) {
                throw PyValues.typeError("can't subtract offset-naive and offset-aware datetimes");
            }
            long micros = a.tz == null ? ChronoUnit.MICROS.between(b.local, a.local)
                    : ChronoUnit.MICROS.between(b.instant(), a.instant());
            return PyTimeDelta.ofMicros(micros);
        }
        return NOT_IMPLEMENTED;
    }

    @Override
    public Integer compareTo(Object o) {
        Object other = unwrap(o);
        if (other instanceof PyDateTime d) {
            if ((tz == null) != (d.tz == null)) {
                throw PyValues.typeError("can't compare offset-naive and offset-aware datetimes");
            }
            return tz == null ? local.compareTo(d.local) : instant().compareTo(d.instant());
        }
        if (other instanceof PyDate) {
            throw PyValues.typeError("can't compare datetime.datetime to datetime.date");
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(unwrap(o) instanceof PyDateTime d) || (tz == null) != (d.tz == null)) {
            return false;
        }
        return tz == null ? local.equals(d.local) : instant().equals(d.instant());
    }

    @Override
    public int hashCode() {
        return tz == null ? local.hashCode() : instant().hashCode();
    }

    @Override
    public String str() {
        return isoformat(" ", "auto");
    }

    @Override
    public String repr() {
        return "datetime.datetime(" + local.getYear() + ", " + local.getMonthValue() + ", " + local.getDayOfMonth()
                + ", " + reprTime(local.getHour(), local.getMinute(), local.getSecond(), local.getNano() / 1000)
                + (tz == null ? "" : ", tzinfo=" + tz.repr()) + ")";
    }

    /** {@code H, M[, S[, us]]}: Python leaves zero seconds and microseconds out of a repr. */
    static String reprTime(int h, int m, int s, int us) {
        String r = h + ", " + m;
        if (s != 0 || us != 0) {
            r += ", " + s;
        }
        return us != 0 ? r + ", " + us : r;
    }

    @Override
    public String typeName() {
        return "datetime.datetime";
    }
}
