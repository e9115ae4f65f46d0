package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.JinjaObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A Python {@code tzinfo} as a datetime holds it: {@code datetime.timezone} or one of pytz's.
 * Each instance has one UTC offset, as pytz's localized zones do.
 */
interface PyTzInfo extends JinjaObject {
    /** {@code utcoffset()} of a datetime whose wall time is {@code local}. */
    ZoneOffset offset(LocalDateTime local);

    /** {@code tzname()}: what {@code %Z} prints. */
    String tzname(LocalDateTime local);

    /** The datetime at {@code at} in this zone ({@code tzinfo.fromutc}). */
    PyDateTime fromInstant(Instant at);

    /** {@code +HH:MM}, with {@code :SS} when the offset has seconds: how isoformat and str print an offset. */
    static String formatOffset(ZoneOffset o, String sep) {
        int total = o.getTotalSeconds();
        char sign = total < 0 ? '-' : '+';
        int abs = Math.abs(total);
        String s = sign + String.format("%02d%s%02d", abs / 3600, sep, abs / 60 % 60);
        return abs % 60 == 0 ? s : s + sep + String.format("%02d", abs % 60);
    }
}
