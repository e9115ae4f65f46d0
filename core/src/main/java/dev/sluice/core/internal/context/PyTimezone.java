package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.Signature;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** Python's {@code datetime.timezone}: a fixed offset, optionally named; {@code timezone.utc}. */
final class PyTimezone implements PyTzInfo {
    static final PyTimezone UTC = new PyTimezone(ZoneOffset.UTC, null);
    static final Signature NEW = Signature.of("timezone").required("offset").optional("name", null).build();

    private final ZoneOffset offset;
    private final String name;

    private PyTimezone(ZoneOffset offset, String name) {
        this.offset = offset;
        this.name = name;
    }

    static PyTimezone of(ZoneOffset offset, String name) {
        return offset.getTotalSeconds() == 0 && name == null ? UTC : new PyTimezone(offset, name);
    }

    /** {@code timezone(offset, name=None)}. */
    static PyTimezone construct(Object[] a) {
        if (!(a[0] instanceof PyTimeDelta td)) {
            throw PyValues.typeError("timezone() argument 1 must be datetime.timedelta, not " + PyValues.typeName(a[0]));
        }
        if (a[1] != null && !(a[1] instanceof String)) {
            throw PyValues.typeError("timezone() argument 2 must be str, not " + PyValues.typeName(a[1]));
        }
        long micros = td.micros();
        if (Math.abs(micros) >= 86_400_000_000L) {
            throw PyValues.valueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                    + "timedelta(hours=24), not " + td.repr() + ".");
        }
        if (micros % 1_000_000L != 0) {
            throw PyValues.valueError("Cannot use a timezone offset with microseconds: " + td.str());
        }
        return of(ZoneOffset.ofTotalSeconds((int) (micros / 1_000_000L)), (String) a[1]);
    }

    @Override
    public ZoneOffset offset(LocalDateTime local) {
        return offset;
    }

    @Override
    public String tzname(LocalDateTime local) {
        if (name != null) {
            return name;
        }
        return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + PyTzInfo.formatOffset(offset, ":");
    }

    @Override
    public PyDateTime fromInstant(Instant at) {
        return new PyDateTime(LocalDateTime.ofInstant(at, offset), this);
    }

    @Override
    public Object attribute(String attr) {
        return switch (attr) {
            case "utcoffset" -> (JinjaCallable) (cc, args) -> PyTimeDelta.ofMicros(offset.getTotalSeconds() * 1_000_000L);
            case "tzname" -> (JinjaCallable) (cc, args) -> tzname(null);
            case "dst" -> (JinjaCallable) (cc, args) -> null;
            default -> ABSENT;
        };
    }

    @Override
    public String str() {
        return tzname(null);
    }

    @Override
    public String repr() {
        if (this == UTC) {
            return "datetime.timezone.utc";
        }
        String td = PyTimeDelta.ofMicros(offset.getTotalSeconds() * 1_000_000L).repr();
        return "datetime.timezone(" + td + (name == null ? "" : ", " + PyValues.repr(name)) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyTimezone t && t.offset.equals(offset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset);
    }

    @Override
    public String typeName() {
        return "datetime.timezone";
    }
}
