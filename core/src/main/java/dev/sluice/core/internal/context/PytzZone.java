package dev.sluice.core.internal.context;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateRuntimeException;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.Signature;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A pytz time zone. Like pytz, each instance carries one offset: {@code pytz.timezone(name)} has
 * the zone's first (LMT) offset, which is what {@code datetime(..., tzinfo=tz)} gets, and
 * {@code localize} or {@code astimezone} pick the instance for the offset in force.
 */
final class PytzZone implements PyTzInfo {
    static final PytzZone UTC = new PytzZone("UTC", ZoneOffset.UTC, ZoneOffset.UTC, "UTC", false, Kind.UTC);
    private static final Signature LOCALIZE = Signature.of("localize").required("dt").optional("is_dst", false).build();
    private static final Signature ONE_DT = Signature.of("normalize").required("dt").build();
    private static final DateTimeFormatter SHORT_NAME = DateTimeFormatter.ofPattern("zzz", Locale.US);

    enum Kind { UTC, STATIC, DST }

    private final String name;
    private final ZoneId zone;
    private final ZoneOffset offset;
    private final String abbr;
    private final boolean dst;
    private final Kind kind;

    private PytzZone(String name, ZoneId zone, ZoneOffset offset, String abbr, boolean dst, Kind kind) {
        this.name = name;
        this.zone = zone;
        this.offset = offset;
        this.abbr = abbr;
        this.dst = dst;
        this.kind = kind;
    }

    /** {@code pytz.timezone(name)}: IANA names, matched without regard to case as pytz does. */
    static PytzZone forName(Object arg) {
        if (!(arg instanceof String requested)) {
            throw new TemplateRuntimeException(ErrorKind.KEY, "unknown time zone " + PyValues.typeName(arg)
                    + " (pytz.UnknownTimeZoneError)");
        }
        if (requested.equalsIgnoreCase("UTC")) {
            return UTC;
        }
        var known = ZoneId.getAvailableZoneIds();
        String id = known.contains(requested) ? requested : known.stream().filter(z -> z.equalsIgnoreCase(requested))
                .findFirst()
                .orElseThrow(() -> new TemplateRuntimeException(ErrorKind.KEY, "unknown time zone "
                        + PyValues.repr(requested) + " (pytz.UnknownTimeZoneError: " + PyValues.repr(requested) + ")"));
        ZoneId zone = ZoneId.of(id);
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransition> transitions = rules.getTransitions();
        if (rules.isFixedOffset() || transitions.isEmpty()) {
            ZoneOffset o = rules.getOffset(Instant.EPOCH);
            return new PytzZone(id, zone, o, abbreviation(zone, Instant.EPOCH), false, Kind.STATIC);
        }
        int lmt = transitions.get(0).getOffsetBefore().getTotalSeconds();
        ZoneOffset rounded = ZoneOffset.ofTotalSeconds(Math.floorDiv(lmt + 30, 60) * 60);
        return new PytzZone(id, zone, rounded, "LMT", false, Kind.DST);
    }

    /** The zone's abbreviation at {@code at} as tzdata prints it ({@code EST}, {@code CEST}, {@code +03}). */
    static String abbreviation(ZoneId zone, Instant at) {
        var tzdata = TzAbbreviations.at(zone, at);
        if (tzdata.isPresent()) {
            return tzdata.get();
        }
        String s = SHORT_NAME.format(at.atZone(zone));
        if ((s.startsWith("GMT+") || s.startsWith("GMT-")) && !zone.getId().startsWith("Etc/")) {
            ZoneOffset o = zone.getRules().getOffset(at);
            String hhmm = PyTzInfo.formatOffset(o, "");
            return hhmm.endsWith("00") ? hhmm.substring(0, 3) : hhmm;
        }
        return s;
    }

    private PytzZone at(Instant instant, ZoneOffset o) {
        if (kind != Kind.DST) {
            return this;
        }
        ZoneRules rules = zone.getRules();
        boolean daylight = !rules.getStandardOffset(instant).equals(o);
        return new PytzZone(name, zone, o, abbreviation(zone, instant), daylight, Kind.DST);
    }

    @Override
    public ZoneOffset offset(LocalDateTime local) {
        return offset;
    }

    @Override
    public String tzname(LocalDateTime local) {
        return abbr;
    }

    @Override
    public PyDateTime fromInstant(Instant instant) {
        if (kind != Kind.DST) {
            return new PyDateTime(LocalDateTime.ofInstant(instant, offset), this);
        }
        ZoneOffset o = zone.getRules().getOffset(instant);
        return new PyDateTime(LocalDateTime.ofInstant(instant, o), at(instant, o));
    }

    /** {@code tz.localize(dt, is_dst=False)}: the naive wall time {@code dt} in this zone. */
    private PyDateTime localize(Object[] a) {
        if (a[0] instanceof DateTimeObject) {
            throw PyValues.valueError("Not naive datetime (tzinfo is already set)");
        }
        if (!(a[0] instanceof PyDateTime dt)) {
            throw PyValues.typeError("localize() argument must be a datetime, not " + PyValues.typeName(a[0]));
        }
        if (dt.tz != null) {
            throw PyValues.valueError("Not naive datetime (tzinfo is already set)");
        }
        if (kind != Kind.DST) {
            return new PyDateTime(dt.local, this);
        }
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> valid = rules.getValidOffsets(dt.local);
        if (valid.size() == 1) {
            ZoneOffset o = valid.get(0);
            return new PyDateTime(dt.local, at(dt.local.toInstant(o), o));
        }
        ZoneOffsetTransition t = rules.getTransition(dt.local);
        if (a[1] == null) {
            String what = t.isGap() ? "NonExistentTimeError" : "AmbiguousTimeError";
            throw PyValues.valueError(dt.str() + " (pytz." + what + ": " + dt.str() + ")");
        }
        boolean wantDst = PyValues.truthy(a[1]);
        Instant when = t.getInstant();
        ZoneOffset standard = rules.getStandardOffset(when);
        ZoneOffset chosen = t.getOffsetBefore().equals(standard) != wantDst ? t.getOffsetBefore() : t.getOffsetAfter();
        Instant sample = chosen.equals(t.getOffsetBefore()) ? when.minusSeconds(1) : when;
        return new PyDateTime(dt.local, at(sample, chosen));
    }

    @Override
    public Object attribute(String attr) {
        return switch (attr) {
            case "zone" -> name;
            case "localize" -> PyValues.fn(LOCALIZE, this::localize);
            case "normalize" -> PyValues.fn(ONE_DT, a -> dateTime(a[0]).astimezone(this));
            case "utcoffset" -> PyValues.fn(ONE_DT, a -> utcoffset(dateTime(a[0])));
            case "tzname" -> PyValues.fn(ONE_DT, a -> localFor(dateTime(a[0])).abbr);
            default -> ABSENT;
        };
    }

    private PytzZone localFor(PyDateTime dt) {
        return dt.tz == null ? (PytzZone) localize(new Object[] {dt, false}).tz : this;
    }

    private PyTimeDelta utcoffset(PyDateTime dt) {
        return PyTimeDelta.ofMicros(localFor(dt).offset.getTotalSeconds() * 1_000_000L);
    }

    private static PyDateTime dateTime(Object v) {
        if (v instanceof PyDateTime dt) {
            return dt;
        }
        if (v instanceof DateTimeObject d) {
            return d.value();
        }
        throw PyValues.typeError("expected a datetime, not " + PyValues.typeName(v));
    }

    @Override
    public String str() {
        return name;
    }

    @Override
    public String repr() {
        return switch (kind) {
            case UTC -> "<UTC>";
            case STATIC -> "<StaticTzInfo " + PyValues.repr(name) + ">";
            case DST -> {
                PyTimeDelta td = PyTimeDelta.ofMicros(offset.getTotalSeconds() * 1_000_000L);
                yield "<DstTzInfo " + PyValues.repr(name) + " " + abbr + (offset.getTotalSeconds() > 0 ? "+" : "")
                        + td.str() + " " + (dst ? "DST" : "STD") + ">";
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PytzZone z && z.name.equals(name) && z.offset.equals(offset) && z.abbr.equals(abbr)
                && z.dst == dst;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, offset, abbr);
    }

    @Override
    public String typeName() {
        return switch (kind) {
            case UTC -> "pytz.UTC";
            case STATIC -> "pytz.tzfile." + name;
            case DST -> "pytz.tzfile." + name;
        };
    }
}
