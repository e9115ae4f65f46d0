package dev.sluice.core.internal.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.api.SluiceException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which batches a microbatch run builds, as dbt plans them. */
class MicrobatchTest {
    private static final Instant NOW = Instant.parse("2026-11-24T08:30:00Z");

    private static Microbatch.Config config(String size, Object begin, Object lookback) {
        return Microbatch.config("ts", size, begin, lookback, "m", "models/m.sql");
    }

    private static List<String> ids(List<Microbatch.Batch> batches) {
        return batches.stream().map(Microbatch.Batch::id).toList();
    }

    @Test
    void aFirstBuildGoesFromBeginToNow() {
        List<Microbatch.Batch> b = Microbatch.plan(config("month", "2026-08-15", null), false, null, null, NOW, "m", "f");
        assertThat(ids(b)).containsExactly("202608", "202609", "202610", "202611");
        assertThat(b.get(0).startText()).isEqualTo("2026-08-01 00:00:00+00:00");
        assertThat(b.get(3).endText()).isEqualTo("2026-12-01 00:00:00+00:00");
    }

    @Test
    void laterBuildsRedoTheCurrentBatchAndTheLookback() {
        assertThat(ids(Microbatch.plan(config("day", "2020-01-01", null), true, null, null, NOW, "m", "f")))
                .containsExactly("20261123", "20261124");
        assertThat(ids(Microbatch.plan(config("hour", "2020-01-01", 3), true, null, null, NOW, "m", "f")))
                .containsExactly("2026112405", "2026112406", "2026112407", "2026112408");
        assertThat(ids(Microbatch.plan(config("year", "2020-01-01", 0), true, null, null, NOW, "m", "f")))
                .containsExactly("2026");
    }

    @Test
    void anExplicitWindowWinsAndIsCutToBatches() {
        List<Microbatch.Batch> b = Microbatch.plan(config("day", null, null), true, "2024-01-01T10:00:00Z",
                "2024-01-03", NOW, "m", "f");
        assertThat(ids(b)).containsExactly("20240101", "20240102");
        assertThat(ids(Microbatch.plan(config("day", null, null), false, "2024-02-28 23:00:00+01:00", "2024-03-01",
                NOW, "m", "f"))).containsExactly("20240228", "20240229");
    }

    @Test
    void badConfigsSayWhatToDo() {
        assertThatThrownBy(() -> Microbatch.config(null, "day", null, null, "m", "models/m.sql"))
                .isInstanceOf(SluiceException.class).hasMessageContaining("models/m.sql").hasMessageContaining("event_time");
        assertThatThrownBy(() -> config("week", null, null)).hasMessageContaining("batch_size must be hour, day, month or year");
        assertThatThrownBy(() -> Microbatch.plan(config("day", null, null), false, null, null, NOW, "m", "f"))
                .hasMessageContaining("needs begin");
        assertThatThrownBy(() -> Microbatch.plan(config("day", null, null), false, "2024-13-01", null, NOW, "m", "f"))
                .hasMessageContaining("'2024-13-01' is not a date");
        assertThatThrownBy(() -> Microbatch.plan(config("day", null, null), false, "2024-01-02", "2024-01-01", NOW, "m",
                "f")).hasMessageContaining("not before its end");
    }
}
