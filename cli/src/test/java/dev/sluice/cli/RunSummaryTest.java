package dev.sluice.cli;

import static dev.sluice.cli.TestingRuns.RSV_DRUGS;
import static dev.sluice.cli.TestingRuns.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.RunResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
    private static final RunResult SUCCESS = TestingRuns.result("run",
            List.of(result(RSV_DRUGS, NodeStatus.SUCCESS, "SELECT 42", 10, 42, null)));

    @Test
    void endsASuccessfulRunWithTheCounts() {
        assertThat(RunSummary.lines(SUCCESS, false)).containsExactly(
                "",
                "Finished running 1 table model in 0 hours 0 minutes and 1.23 seconds (1.23s).",
                "",
                "Completed successfully",
                "",
                "Done. PASS=1 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=1");
    }

    @Test
    void saysWhenTheRunWasInterrupted() {
        assertThat(RunSummary.lines(SUCCESS, true)).contains("Exited because of keyboard interrupt");
    }

    @Test
    void listsWarningsAfterErrors() {
        RunResult result = TestingRuns.result("build", List.of(
                result(TestingRuns.UNIQUE, NodeStatus.WARN, "Got 2 results, configured to warn if != 0", 10, 2, null)));

        assertThat(RunSummary.lines(result, false)).containsSubsequence(
                "Completed with 1 warning:",
                "",
                "  Warning in test unique_rsv__drugs_id (models/reservoir/schema.yml)\n"
                        + "  Got 2 results, configured to warn if != 0",
                "",
                "Done. PASS=0 WARN=1 ERROR=0 SKIP=0 NO-OP=0 TOTAL=1");
    }

    @Test
    void saysWhenNothingWasSelected() {
        assertThat(RunSummary.lines(TestingRuns.result("run", List.of()), false)).containsExactly(
                "",
                "[WARNING]: Nothing to do. Try checking your model configs and model specification args",
                "",
                "Completed successfully",
                "",
                "Done. PASS=0 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=0");
    }

    @Test
    void countsKindsInTheOrderTheyFirstRan() {
        assertThat(RunSummary.counts(TestingRuns.BUILD_RESULTS))
                .isEqualTo("2 seeds, 2 table models, 2 data tests, 1 view model");
    }

    @Test
    void pluralizesAsDbtDoes() {
        assertThat(RunSummary.pluralize(1, "seed")).isEqualTo("1 seed");
        assertThat(RunSummary.pluralize(0, "error")).isEqualTo("0 errors");
        assertThat(RunSummary.pluralize(2, "analysis")).isEqualTo("2 analyses");
        assertThat(RunSummary.pluralize(3, "partial success")).isEqualTo("3 partial successes");
    }

    @Test
    void writesTheElapsedTimeInHoursMinutesAndSeconds() {
        assertThat(RunSummary.executionTime(Duration.ofMillis(3_725_500)))
                .isEqualTo("1 hours 2 minutes and 5.50 seconds (3725.50s)");
    }
}
