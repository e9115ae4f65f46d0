package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.JinjaOperand;
import dev.sluice.jinja.spi.Signature;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/** Python's {@code datetime.time}: a time of day, optionally with a tzinfo. */
final class PyTime implements JinjaObject, JinjaOperand {
    static final Signature NEW = Signature.of("time").optional("hour", 0L).optional("minute", 0L)
            .optional("second", 0L).optional("microsecond", 0L).optional("tzinfo", null).build();
    private static final Signature ISO = Signature.of("isoformat").optional("timespec", "auto").build();
    private static final Signature FORMAT = Signature.of("strftime").required("format").build();

    final LocalTime time;
    final PyTzInfo tz;

    PyTime(LocalTime time, PyTzInfo tz) {
        this.time = time;
        this.tz = tz;
    }

    static PyTime construct(Object[] a) {
        LocalTime t = PyDateTime.checkedTime(PyValues.toLong(a[0]), PyValues.toLong(a[1]), PyValues.toLong(a[2]),
                PyValues.toLong(a[3]));
        return new PyTime(t, PyDateTime.tzArgument(a[4]));
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "hour" -> (long) time.getHour();
            case "minute" -> (long) time.getMinute();
            case "second" -> (long) time.getSecond();
            case "microsecond" -> (long) (time.getNano() / 1000);
            case "tzinfo" -> tz;
            case "isoformat" -> PyValues.fn(ISO, a -> iso(PyValues.str(a[0])));
            case "strftime" -> PyValues.fn(FORMAT, a -> PyTimeFormat.strftime(LocalDate.of(1900, 1, 1).atTime(time), tz,
                    PyValues.str(a[0])));
            default -> ABSENT;
        };
    }

    private String iso(String timespec) {
        var at = LocalDate.of(1900, 1, 1).atTime(time);
        return PyTimeFormat.isoTime(at, timespec) + PyTimeFormat.isoOffset(tz, at);
    }

    @Override
    public Integer compareTo(Object other) {
        return other instanceof PyTime t && (t.tz == null) == (tz == null) ? time.compareTo(t.time) : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyTime t && t.time.equals(time) && Objects.equals(t.tz, tz);
    }

    @Override
    public int hashCode() {
        return time.hashCode();
    }

    @Override
    public boolean truthy() {
        return true;
    }

    @Override
    public String str() {
        return iso("auto");
    }

    @Override
    public String repr() {
        return "datetime.time(" + PyDateTime.reprTime(time.getHour(), time.getMinute(), time.getSecond(),
                time.getNano() / 1000) + (tz == null ? "" : ", tzinfo=" + tz.repr()) + ")";
    }

    @Override
    public String typeName() {
        return "datetime.time";
    }
}
