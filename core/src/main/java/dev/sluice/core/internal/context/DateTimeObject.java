package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A Python {@code datetime} for {@code run_started_at}: prints as Python does
 * ({@code 2026-11-24 05:12:03.123456+00:00}), with {@code isoformat()}, {@code strftime(fmt)},
 * {@code timestamp()} and the date parts.
 */
final class DateTimeObject implements JinjaObject {
    private static final DateTimeFormatter STR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private final ZonedDateTime at;

    DateTimeObject(Instant at) {
        this.at = at.atZone(ZoneOffset.UTC);
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "year" -> (long) at.getYear();
            case "month" -> (long) at.getMonthValue();
            case "day" -> (long) at.getDayOfMonth();
            case "hour" -> (long) at.getHour();
            case "minute" -> (long) at.getMinute();
            case "second" -> (long) at.getSecond();
            case "isoformat" -> (JinjaCallable) (cc, args) -> ISO.format(at);
            case "timestamp" -> (JinjaCallable) (cc, args) -> at.toInstant().toEpochMilli() / 1000.0;
            case "strftime" -> (JinjaCallable) (cc, args) -> Strftime.format(at, String.valueOf(args.get(0)));
            default -> ABSENT;
        };
    }

    @Override
    public String str() {
        return STR.format(at);
    }

    @Override
    public String repr() {
        return "datetime.datetime(" + at.getYear() + ", " + at.getMonthValue() + ", " + at.getDayOfMonth() + ", "
                + at.getHour() + ", " + at.getMinute() + ", " + at.getSecond() + ", " + at.getNano() / 1000
                + ", tzinfo=datetime.timezone.utc)";
    }

    @Override
    public String typeName() {
        return "datetime";
    }
}
