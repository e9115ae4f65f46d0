package dev.sluice.core.api;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Collections;
import java.util.List;

/** The first rows of a node's (or an inline query's) result, as {@code show} previews them. */
public record Preview(String name, List<String> columns, List<List<Object>> rows) {
    public Preview {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        rows = Collections.unmodifiableList(rows);
    }

    /**
     * A value as text, the way Sluice writes values everywhere (show, exports): dates and times in
     * ISO 8601 with seconds always present ({@code 2020-01-01T00:00:00}), null as the empty string,
     * anything else as its {@code toString}.
     */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof TemporalAccessor t) {
            if (value instanceof LocalDateTime) {
                return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
            }
            if (value instanceof OffsetDateTime) {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
            }
            if (value instanceof LocalTime) {
                return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
            }
            if (value instanceof OffsetTime) {
                return DateTimeFormatter.ISO_OFFSET_TIME.format(t);
            }
        }
        return value.toString();
    }
}
