package dev.sluice.core.internal.artifacts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as dbt writes them: UTC timestamps in Python's {@code isoformat()} with a {@code Z}
 * ({@code 2025-06-10T09:15:02.123456Z}; the fraction is left out when it is zero, as Python does),
 * times read from the database with {@code +00:00}, and durations as seconds in a float.
 */
final class DbtTime {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private DbtTime() {
    }

    private static String sixDigits(int n) {
        String s = Integer.toString(n);
        return "000000".substring(s.length()) + s;
    }

    private static StringBuilder digits(StringBuilder sb, int n, int width) {
        String s = Integer.toString(n);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    static String timestamp(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        int micros = t.getNano() / 1_000;
        // run_results.json has three per node: written by hand unless the year needs a sign
        if (t.getYear() < 0 || t.getYear() > 9999) {
            String base = SECONDS.format(t);
            return micros == 0 ? base + "Z" : base + "." + sixDigits(micros) + "Z";
        }
        StringBuilder sb = new StringBuilder(27);
        digits(sb, t.getYear(), 4).append('-');
        digits(sb, t.getMonthValue(), 2).append('-');
        digits(sb, t.getDayOfMonth(), 2).append('T');
        digits(sb, t.getHour(), 2).append(':');
        digits(sb, t.getMinute(), 2).append(':');
        digits(sb, t.getSecond(), 2);
        if (micros != 0) {
            digits(sb.append('.'), micros, 6);
        }
        return sb.append('Z').toString();
    }

    /**
     * An aware UTC time as Python's {@code isoformat()} writes it, which is how dbt writes the times
     * the database gave it ({@code 2024-07-01T03:21:22.570000+00:00}; no fraction when it is zero).
     */
    static String isoformat(Instant instant) {
        if (instant == null) {
            return null;
        }
        String z = timestamp(instant);
        return z.substring(0, z.length() - 1) + "+00:00";
    }

    static double seconds(Duration duration) {
        return duration == null ? 0.0 : duration.toNanos() / 1e9;
    }
}
