package dev.sluice.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.internal.model.FreshnessThreshold.Period;
import dev.sluice.core.internal.model.FreshnessThreshold.Status;
import dev.sluice.core.internal.model.FreshnessThreshold.Time;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreshnessThresholdTest {
    private static final Time TWELVE_HOURS = new Time(12L, Period.HOUR);
    private static final Time ONE_DAY = new Time(1L, Period.DAY);

    @Test
    void errorAfterWinsOverWarnAfterAndTheLimitItselfStillPasses() {
        FreshnessThreshold t = new FreshnessThreshold(TWELVE_HOURS, ONE_DAY, null);
        assertThat(t.status(12 * 3600.0)).isEqualTo(Status.PASS);
        assertThat(t.status(12 * 3600.0 + 0.001)).isEqualTo(Status.WARN);
        assertThat(t.status(86_400.0)).isEqualTo(Status.WARN);
        assertThat(t.status(86_400.5)).isEqualTo(Status.ERROR);
        assertThat(t.status(-60.0)).isEqualTo(Status.PASS);
    }

    @Test
    void aThresholdWithoutCountOrPeriodNeverTrips() {
        FreshnessThreshold partial = new FreshnessThreshold(new Time(5L, null), new Time(null, Period.MINUTE), null);
        assertThat(partial.active()).isFalse();
        assertThat(partial.status(1e9)).isEqualTo(Status.PASS);
        assertThat(FreshnessThreshold.UNSET.active()).isFalse();
        assertThat(new FreshnessThreshold(null, new Time(30L, Period.MINUTE), null).status(1801)).isEqualTo(Status.ERROR);
    }

    @Test
    void combiningFollowsDbtsMergeOfSourceAndTable() {
        FreshnessThreshold source = new FreshnessThreshold(TWELVE_HOURS, ONE_DAY, "a > 1");
        // a full threshold of the table replaces the source's; a missing or partial one keeps it
        assertThat(FreshnessThreshold.combine(List.of(source, new FreshnessThreshold(new Time(2L, Period.HOUR),
                new Time(3L, null), null)))).isEqualTo(new FreshnessThreshold(new Time(2L, Period.HOUR), ONE_DAY, "a > 1"));
        // null thresholds and null levels
        assertThat(FreshnessThreshold.combine(List.of(source, new FreshnessThreshold(null, Time.UNSET, "b > 2"))))
                .isEqualTo(new FreshnessThreshold(null, ONE_DAY, "b > 2"));
        assertThat(FreshnessThreshold.combine(Arrays.asList(source, null))).isNull();
        assertThat(FreshnessThreshold.combine(Arrays.asList(null, source))).isEqualTo(source);
        assertThat(FreshnessThreshold.combine(List.of())).isNull();
    }

    @Test
    void describesItsLimits() {
        assertThat(TWELVE_HOURS.describe()).isEqualTo("12 hours");
        assertThat(ONE_DAY.describe()).isEqualTo("1 day");
        assertThat(ONE_DAY.limit()).hasHours(24);
        assertThat(Time.UNSET.limit()).isNull();
    }
}
