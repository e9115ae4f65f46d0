package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.JinjaOperand;
import dev.sluice.jinja.spi.Signature;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Python's {@code datetime.date}: prints {@code 2024-01-31}, repr {@code datetime.date(2024, 1, 31)}. */
final class PyDate implements JinjaObject, JinjaOperand {
    static final Signature NEW = Signature.of("date").required("year", "month", "day").build();
    private static final Signature REPLACE = Signature.of("replace").optional("year", PyValues.UNSET)
            .optional("month", PyValues.UNSET).optional("day", PyValues.UNSET).build();
    private static final Signature FORMAT = Signature.of("strftime").required("format").build();
    private static final LocalDate EPOCH_ORDINAL = LocalDate.of(1, 1, 1);

    final LocalDate date;

    PyDate(LocalDate date) {
        this.date = date;
    }

    static PyDate construct(Object[] a) {
        return new PyDate(checked(PyValues.toLong(a[0]), PyValues.toLong(a[1]), PyValues.toLong(a[2])));
    }

    /** A date, with Python's ValueErrors for parts out of range. */
    static LocalDate checked(long year, long month, long day) {
        if (year < 1 || year > 9999) {
            throw PyValues.valueError("year " + year + " is out of range");
        }
        if (month < 1 || month > 12) {
            throw PyValues.valueError("month must be in 1..12");
        }
        try {
            if (day < 1 || day > 31) {
                throw new DateTimeException("day");
            }
            return LocalDate.of((int) year, (int) month, (int) day);
        } catch (DateTimeException e) {
            throw PyValues.valueError("day is out of range for month");
        }
    }

    static LocalDate inRange(LocalDate d) {
        if (d.getYear() < 1 || d.getYear() > 9999) {
            throw PyValues.overflow("date value out of range");
        }
        return d;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "year" -> (long) date.getYear();
            case "month" -> (long) date.getMonthValue();
            case "day" -> (long) date.getDayOfMonth();
            case "strftime" -> PyValues.fn(FORMAT, a -> PyTimeFormat.strftime(date.atStartOfDay(), null,
                    PyValues.str(a[0])));
            case "isoformat" -> (JinjaCallable) (cc, args) -> str();
            case "replace" -> PyValues.fn(REPLACE, a -> new PyDate(checked(PyValues.intOr(a[0], date.getYear()),
                    PyValues.intOr(a[1], date.getMonthValue()), PyValues.intOr(a[2], date.getDayOfMonth()))));
            case "weekday" -> (JinjaCallable) (cc, args) -> (long) date.getDayOfWeek().getValue() - 1;
            case "isoweekday" -> (JinjaCallable) (cc, args) -> (long) date.getDayOfWeek().getValue();
            case "toordinal" -> (JinjaCallable) (cc, args) -> ordinal(date);
            case "ctime" -> (JinjaCallable) (cc, args) -> PyTimeFormat.strftime(date.atStartOfDay(), null,
                    "%a %b %e %H:%M:%S %Y");
            default -> ABSENT;
        };
    }

    static long ordinal(LocalDate d) {
        return ChronoUnit.DAYS.between(EPOCH_ORDINAL, d) + 1;
    }

    @Override
    public Object binary(String op, Object other, boolean reflected) {
        if (other instanceof PyTimeDelta td && (op.equals("+") || (op.equals("-") && !reflected))) {
            long days = op.equals("+") ? td.days : -td.days;
            return new PyDate(inRange(date.plusDays(days)));
        }
        if (op.equals("-") && other instanceof PyDate d) {
            long days = ChronoUnit.DAYS.between(d.date, date);
            return PyTimeDelta.ofMicros((reflected ? -days : days) * 86_400_000_000L);
        }
        return NOT_IMPLEMENTED;
    }

    @Override
    public Integer compareTo(Object other) {
        if (other instanceof PyDateTime || other instanceof DateTimeObject) {
            throw PyValues.typeError("can't compare datetime.datetime to datetime.date");
        }
        return other instanceof PyDate d ? date.compareTo(d.date) : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyDate d && d.date.equals(date);
    }

    @Override
    public int hashCode() {
        return date.hashCode();
    }

    @Override
    public String str() {
        return String.format("%04d-%02d-%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    @Override
    public String repr() {
        return "datetime.date(" + date.getYear() + ", " + date.getMonthValue() + ", " + date.getDayOfMonth() + ")";
    }

    @Override
    public String typeName() {
        return "datetime.date";
    }
}
