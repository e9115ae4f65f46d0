package dev.sluice.core.internal.model;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How old a source table's newest row may get ({@code freshness: {warn_after, error_after,
 * filter}}), as dbt keeps it: an unset threshold is a {@link Time} with neither count nor period,
 * one set to null in YAML is null, and a threshold counts only with both count and period.
 *
 * <pre>{@code
 * FreshnessThreshold t = FreshnessThreshold.parse(Map.of("warn_after", Map.of("count", 12, "period", "hour")), where, "source 'app.orders'");
 * t.status(13 * 3600.0); // WARN
 * }</pre>
 *
 * @param warnAfter null when set to null explicitly
 * @param errorAfter null when set to null explicitly
 * @param filter a SQL condition for the freshness query's {@code where}, or null
 */
public record FreshnessThreshold(Time warnAfter, Time errorAfter, String filter) {
    /** What a source has when nothing about freshness is written: no thresholds, so it is not checked. */
    public static final FreshnessThreshold UNSET = new FreshnessThreshold(Time.UNSET, Time.UNSET, null);

    public enum Period {
        MINUTE(60), HOUR(3_600), DAY(86_400);

        private final long seconds;

        Period(long seconds) {
            this.seconds = seconds;
        }

        public String dbtName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a check came out against this threshold, before any database trouble. */
    public enum Status { PASS, WARN, ERROR }

    /** {@code {count, period}}; either may be missing, and then the threshold never trips. */
    public record Time(Long count, Period period) {
        public static final Time UNSET = new Time(null, null);

        /** dbt counts a threshold only when it has both parts. */
        public boolean active() {
            return count != null && period != null;
        }

        /** The age past which this threshold trips, or null when it is not {@link #active()}. */
        public Duration limit() {
            return active() ? Duration.ofSeconds(count * period.seconds) : null;
        }

        boolean exceededBy(double ageSeconds) {
            return active() && ageSeconds > (double) count * period.seconds;
        }

        /** "12 hours", "1 day". */
        public String describe() {
            if (!active()) {
                return "unset";
            }
            return count + " " + period.dbtName() + (count == 1 ? "" : "s");
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", count);
            m.put("period", period == null ? null : period.dbtName());
            return m;
        }

        /** Each part from {@code update} when it has one, else from this. */
        Time overriddenBy(Time update) {
            return new Time(update.count != null ? update.count : count, update.period != null ? update.period : period);
        }
    }

    /** True when a warn or error threshold can trip: only then does dbt check the source. */
    public boolean active() {
        return warnAfter != null && warnAfter.active() || errorAfter != null && errorAfter.active();
    }

    /** The error threshold first, then the warning one; ages equal to a threshold still pass. */
    public Status status(double ageSeconds) {
        if (errorAfter != null && errorAfter.exceededBy(ageSeconds)) {
            return Status.ERROR;
        }
        if (warnAfter != null && warnAfter.exceededBy(ageSeconds)) {
            return Status.WARN;
        }
        return Status.PASS;
    }

    /** {@code {"warn_after": {...}, "error_after": {...}, "filter": ...}} as the manifest and sources.json hold it. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("warn_after", warnAfter == null ? null : warnAfter.toJson());
        m.put("error_after", errorAfter == null ? null : errorAfter.toJson());
        m.put("filter", filter);
        return m;
    }

    /**
     * Thresholds from the least specific (the project file) to the most specific (a table's
     * config), combined as dbt does: a null level resets to null, the next non-null level starts
     * again from there; otherwise a level's filter replaces the one before when it has one, and each
     * of warn_after and error_after is merged part by part when both levels have a full one, set to
     * null by a level that nulls it, and otherwise taken from the level that has a full one.
     */
    public static FreshnessThreshold combine(List<FreshnessThreshold> levels) {
        if (levels.isEmpty()) {
            return null;
        }
        FreshnessThreshold merged = levels.get(0);
        for (FreshnessThreshold update : levels.subList(1, levels.size())) {
            if (update == null) {
                merged = null;
            } else if (merged == null) {
                merged = update;
            } else {
                merged = new FreshnessThreshold(combine(merged.warnAfter, update.warnAfter),
                        combine(merged.errorAfter, update.errorAfter),
                        update.filter != null ? update.filter : merged.filter);
            }
        }
        return merged;
    }

    private static Time combine(Time base, Time update) {
        if (update == null) {
            return null;
        }
        if (base != null && base.active() && update.active()) {
            return base.overriddenBy(update);
        }
        return update.active() ? update : base;
    }

    /**
     * A {@code freshness:} value as written in YAML: null for {@code freshness: null}, else a
     * mapping of warn_after, error_after and filter.
     *
     * @param where where the value is written, for errors
     * @param owner what it belongs to, e.g. {@code source table 'app.orders'}
     */
    public static FreshnessThreshold parse(Object value, Location where, String owner) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw invalid(where, owner, "it must be a mapping of warn_after, error_after and filter, not '" + value + "'");
        }
        for (Object key : m.keySet()) {
            if (!List.of("warn_after", "error_after", "filter").contains(String.valueOf(key))) {
                throw invalid(where, owner, "'" + key + "' is not one of warn_after, error_after and filter");
            }
        }
        Object filter = m.get("filter");
        if (filter instanceof Map || filter instanceof List) {
            throw invalid(where, owner, "filter must be a SQL condition, e.g. filter: \"loaded_at > now() - interval '7 days'\"");
        }
        return new FreshnessThreshold(time(m, "warn_after", where, owner), time(m, "error_after", where, owner),
                filter == null ? null : filter.toString());
    }

    private static Time time(Map<?, ?> freshness, String key, Location where, String owner) {
        if (!freshness.containsKey(key)) {
            return Time.UNSET;
        }
        Object value = freshness.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw invalid(where, owner, key + " must be a mapping such as {count: 12, period: hour}, not '" + value + "'");
        }
        for (Object k : m.keySet()) {
            if (!"count".equals(k) && !"period".equals(k)) {
                throw invalid(where, owner, key + " takes count and period, not '" + k + "'");
            }
        }
        return new Time(count(m.get("count"), key, where, owner), period(m.get("period"), key, where, owner));
    }

    private static Long count(Object value, String key, Location where, String owner) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        try {
            return Long.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw invalid(where, owner, key + "'s count must be a whole number, not '" + value + "'");
        }
    }

    private static Period period(Object value, String key, Location where, String owner) {
        if (value == null) {
            return null;
        }
        for (Period p : Period.values()) {
            if (p.dbtName().equals(value.toString())) {
                return p;
            }
        }
        throw invalid(where, owner, key + "'s period must be minute, hour or day, not '" + value + "'");
    }

    private static SluiceException invalid(Location where, String owner, String reason) {
        return SluiceException.user("properties.freshness", where, "Cannot read the freshness of " + owner + ": " + reason);
    }
}
