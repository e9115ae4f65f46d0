package dev.sluice.core.internal.execute;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * dbt's microbatch incremental strategy, the planning part: which batches of {@code batch_size}
 * (hour, day, month, year; UTC) a run builds. A first build (or --full-refresh) goes from
 * {@code begin} to now; a later one rebuilds the current batch and {@code lookback} before it;
 * --event-time-start/--event-time-end choose the window explicitly.
 */
public final class Microbatch {
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Microbatch() {
    }

    /** One batch: rows whose event time is in [start, end). */
    public record Batch(LocalDateTime start, LocalDateTime end, String size) {
        /** dbt's batch id: the start, as digits down to the batch size (20240101, 2024010113). */
        public String id() {
            String digits = start.format(DateTimeFormatter.ofPattern("yyyyMMddHH", Locale.ROOT));
            return switch (size) {
                case "hour" -> digits;
                case "day" -> digits.substring(0, 8);
                case "month" -> digits.substring(0, 6);
                default -> digits.substring(0, 4);
            };
        }

        public String startText() {
            return start.format(SQL_TIME) + "+00:00";
        }

        public String endText() {
            return end.format(SQL_TIME) + "+00:00";
        }
    }

    /** A model's microbatch configs, checked. */
    public record Config(String eventTime, String batchSize, LocalDateTime begin, int lookback) {
    }

    public static Config config(Object eventTime, Object batchSize, Object begin, Object lookback, String model,
            String file) {
        if (eventTime == null) {
            throw bad(model, file, "a microbatch model needs event_time: the column that says when each row happened");
        }
        String size = batchSize == null ? null : String.valueOf(batchSize).toLowerCase(Locale.ROOT);
        if (size == null || !List.of("hour", "day", "month", "year").contains(size)) {
            throw bad(model, file, "batch_size must be hour, day, month or year (got " + batchSize + ")");
        }
        int back = 1;
        if (lookback != null) {
            try {
                back = Integer.parseInt(String.valueOf(lookback));
            } catch (NumberFormatException e) {
                throw bad(model, file, "lookback must be a whole number of batches (got " + lookback + ")");
            }
        }
        return new Config(String.valueOf(eventTime), size, begin == null ? null : time(begin, "begin", model, file), back);
    }

    /**
     * The batches of one run.
     *
     * @param incremental whether the model's table exists and no full refresh is asked
     * @param start --event-time-start, or null
     * @param end --event-time-end, or null
     */
    public static List<Batch> plan(Config c, boolean incremental, String start, String end, Instant now, String model,
            String file) {
        LocalDateTime current = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        LocalDateTime from;
        LocalDateTime to = end != null ? time(end, "--event-time-end", model, file) : current;
        if (start != null) {
            from = time(start, "--event-time-start", model, file);
        } else if (end != null) {
            throw bad(model, file, "--event-time-end needs --event-time-start");
        } else if (incremental) {
            from = step(truncate(current, c.batchSize()), c.batchSize(), -c.lookback());
        } else {
            if (c.begin() == null) {
                throw bad(model, file, "a microbatch model needs begin: the time of its first batch, for its first build");
            }
            from = c.begin();
        }
        if (!from.isBefore(to)) {
            throw bad(model, file, "the batch window starts at " + from + ", not before its end " + to);
        }
        List<Batch> out = new ArrayList<>();
        for (LocalDateTime s = truncate(from, c.batchSize()); s.isBefore(to); s = step(s, c.batchSize(), 1)) {
            out.add(new Batch(s, step(s, c.batchSize(), 1), c.batchSize()));
        }
        return out;
    }

    static LocalDateTime truncate(LocalDateTime t, String size) {
        return switch (size) {
            case "hour" -> t.truncatedTo(ChronoUnit.HOURS);
            case "day" -> t.truncatedTo(ChronoUnit.DAYS);
            case "month" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            default -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        };
    }

    static LocalDateTime step(LocalDateTime t, String size, int n) {
        return switch (size) {
            case "hour" -> t.plusHours(n);
            case "day" -> t.plusDays(n);
            case "month" -> t.plusMonths(n);
            default -> t.plusYears(n);
        };
    }

    /** A date or time as YAML or the command line give it (date, ISO date-time, with or without offset), in UTC. */
    static LocalDateTime time(Object v, String what, String model, String file) {
        if (v instanceof java.util.Date d) {
            return LocalDateTime.ofInstant(d.toInstant(), ZoneOffset.UTC);
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        String s = String.valueOf(v).strip().replace(' ', 'T');
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay();
            }
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return LocalDateTime.ofInstant(OffsetDateTime.parse(s.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2"))
                        .toInstant(), ZoneOffset.UTC);
            }
            return LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw bad(model, file, what + " '" + v + "' is not a date (2024-01-31) or a time (2024-01-31 13:00:00)");
        }
    }

    private static SluiceException bad(String model, String file, String why) {
        return SluiceException.user("microbatch.config", Location.of(file), "Cannot build microbatch model " + model + ": "
                + why);
    }
}
