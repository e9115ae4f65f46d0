package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** {@code modules.datetime}: the classes {@code datetime}, {@code date}, {@code time}, {@code timedelta}, {@code timezone}. */
final class PyDateTimeModule {
    private static final Signature NOW = Signature.of("now").optional("tz", null).build();
    private static final Signature NONE = Signature.of("function").build();
    private static final Signature STRPTIME = Signature.of("strptime").required("date_string", "format").build();
    private static final Signature ISO = Signature.of("fromisoformat").required("date_string").build();
    private static final Signature FROM_TS = Signature.of("fromtimestamp").required("timestamp").optional("tz", null)
            .build();
    private static final Signature UTC_FROM_TS = Signature.of("utcfromtimestamp").required("timestamp").build();
    private static final Signature COMBINE = Signature.of("combine").required("date", "time")
            .optional("tzinfo", PyValues.UNSET).build();

    private PyDateTimeModule() {
    }

    static PyModule create(Clock clock) {
        PyType timezone = new PyType("datetime.timezone", PyValues.fn(PyTimezone.NEW, PyTimezone::construct),
                Map.of("utc", PyTimezone.UTC));
        PyType datetime = new PyType("datetime.datetime", (cc, args) -> {
            PyValues.requirePositional(args, "year", "month", "day");
            return PyDateTime.construct(PyDateTime.NEW.bind(args));
        }, Map.of(
                "now", PyValues.fn(NOW, a -> now(clock, a[0])),
                "utcnow", PyValues.fn(NONE, a -> new PyDateTime(LocalDateTime.ofInstant(instant(clock), ZoneOffset.UTC),
                        null)),
                "today", PyValues.fn(NONE, a -> now(clock, null)),
                "strptime", PyValues.positionalOnly("strptime", STRPTIME, a -> PyDateParse.strptime(a[0], a[1])),
                "fromisoformat", PyValues.positionalOnly("datetime.fromisoformat", ISO, a -> PyDateParse.fromIso(a[0], false)),
                "fromtimestamp", PyValues.fn(FROM_TS, a -> fromTimestamp(a[0], a[1])),
                "utcfromtimestamp", PyValues.positionalOnly("utcfromtimestamp", UTC_FROM_TS, a -> new PyDateTime(
                        LocalDateTime.ofInstant(timestamp(a[0]), ZoneOffset.UTC), null)),
                "combine", PyValues.fn(COMBINE, PyDateTimeModule::combine),
                "min", new PyDateTime(LocalDateTime.of(1, 1, 1, 0, 0), null),
                "max", new PyDateTime(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), null)));
        PyType date = new PyType("datetime.date", (cc, args) -> {
            PyValues.requirePositional(args, "year", "month", "day");
            return PyDate.construct(PyDate.NEW.bind(args));
        }, Map.of(
                "today", PyValues.fn(NONE, a -> new PyDate(now(clock, null).local.toLocalDate())),
                "fromisoformat", PyValues.positionalOnly("date.fromisoformat", ISO, a -> PyDateParse.fromIso(a[0], true)),
                "min", new PyDate(LocalDate.of(1, 1, 1)),
                "max", new PyDate(LocalDate.of(9999, 12, 31))));
        PyType time = new PyType("datetime.time", PyValues.fn(PyTime.NEW, PyTime::construct), Map.of());
        PyType timedelta = new PyType("datetime.timedelta", PyValues.fn(PyTimeDelta.NEW, PyTimeDelta::construct),
                Map.of());
        return new PyModule("datetime", Map.of("datetime", datetime, "date", date, "time", time,
                "timedelta", timedelta, "timezone", timezone, "MINYEAR", 1L, "MAXYEAR", 9999L));
    }

    private static Instant instant(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static PyDateTime now(Clock clock, Object tz) {
        if (tz != null) {
            return PyDateTime.tzArgument(tz).fromInstant(instant(clock));
        }
        return new PyDateTime(LocalDateTime.ofInstant(instant(clock), ZoneId.systemDefault()), null);
    }

    /**
     * A POSIX timestamp as CPython reads one: an int exactly; a float's fraction scaled to
     * microseconds in floating point and rounded half to even ({@code 2.5e-6} is 2 microseconds).
     */
    private static Instant timestamp(Object ts) {
        if (!(ts instanceof Double d)) {
            if (!PyValues.isInt(ts)) {
                throw PyValues.typeError("'" + PyValues.typeName(ts) + "' object cannot be interpreted as an integer");
            }
            return Instant.ofEpochSecond(PyValues.toLong(ts));
        }
        PyValues.toDecimal(d, "timestamp");
        double whole = d < 0 ? Math.ceil(d) : Math.floor(d);
        double micros = Math.rint((d - whole) * 1e6);
        if (micros >= 1e6) {
            micros -= 1e6;
            whole += 1;
        } else if (micros < 0) {
            micros += 1e6;
            whole -= 1;
        }
        return Instant.ofEpochSecond((long) whole, (long) micros * 1000);
    }

    private static PyDateTime fromTimestamp(Object ts, Object tz) {
        Instant at = timestamp(ts);
        if (tz == null) {
            return new PyDateTime(LocalDateTime.ofInstant(at, ZoneId.systemDefault()), null);
        }
        return PyDateTime.tzArgument(tz).fromInstant(at);
    }

    private static PyDateTime combine(Object[] a) {
        if (!(a[0] instanceof PyDate d)) {
            throw PyValues.typeError("combine() argument 1 must be datetime.date, not " + PyValues.typeName(a[0]));
        }
        if (!(a[1] instanceof PyTime t)) {
            throw PyValues.typeError("combine() argument 2 must be datetime.time, not " + PyValues.typeName(a[1]));
        }
        LocalTime time = t.time;
        return new PyDateTime(d.date.atTime(time), a[2] == PyValues.UNSET ? t.tz : PyDateTime.tzArgument(a[2]));
    }
}
