package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.JinjaOperand;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code run_started_at}: an aware Python {@code datetime} in UTC, the same value as
 * {@code modules.datetime} makes, so that {@code run_started_at - modules.datetime.timedelta(days=1)}
 * and {@code run_started_at.astimezone(modules.pytz.timezone('Europe/Paris'))} work as in dbt.
 * Prints as Python does ({@code 2026-11-24 05:12:03.123456+00:00}).
 */
final class DateTimeObject implements JinjaObject, JinjaOperand {
    private final PyDateTime value;

    DateTimeObject(Instant at) {
        this.value = PyTimezone.UTC.fromInstant(at.truncatedTo(ChronoUnit.MICROS));
    }

    PyDateTime value() {
        return value;
    }

    @Override
    public Object attribute(String name) {
        return value.attribute(name);
    }

    @Override
    public Object binary(String op, Object other, boolean reflected) {
        return value.binary(op, other, reflected);
    }

    @Override
    public Integer compareTo(Object other) {
        return value.compareTo(other);
    }

    @Override
    public boolean equals(Object o) {
        return value.equals(o);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String str() {
        return value.str();
    }

    @Override
    public String repr() {
        return value.repr();
    }

    @Override
    public String typeName() {
        return value.typeName();
    }
}
