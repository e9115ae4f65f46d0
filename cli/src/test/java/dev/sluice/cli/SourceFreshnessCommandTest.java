package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.TestingLauncher.Invocation;
import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.FreshnessResult;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SourceFreshness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sluice source freshness} against a fake project: its lines, its summary and its exit codes. */
class SourceFreshnessCommandTest {
    private final TestingLauncher launcher = new TestingLauncher();
    private final TestingSession session = launcher.session;

    private static NodeInfo table(String name) {
        return new NodeInfo("source.shop.app." + name, name, ResourceType.SOURCE, "models/sources.yml", null,
                "app." + name, List.of(), List.of("shop", "app", name));
    }

    private static NodeResult result(String table, NodeStatus status, String message, DatabaseException error) {
        return TestingRuns.result(table(table), status, message, 40, -1, error);
    }

    /** The fake returns these results and replays the events the engine would send for them. */
    private void checks(NodeResult... results) {
        List<SourceFreshness> sources = new ArrayList<>();
        session.events.add(new SluiceEvent.RunStarted("freshness", results.length, "0 models, 3 sources, 12 macros", 4,
                "dev"));
        for (int i = 0; i < results.length; i++) {
            NodeResult r = results[i];
            String description = "freshness of app." + r.node().name();
            session.events.add(new SluiceEvent.NodeStarted(i + 1, results.length, r.node(), description));
            session.events.add(new SluiceEvent.NodeFinished(i + 1, results.length, r, description));
            sources.add(new SourceFreshness(r, null, null, null, Duration.ofHours(1), Duration.ofDays(1), null));
        }
        session.freshness = new FreshnessResult(TestingRuns.result("freshness", List.of(results)), sources,
                Path.of("target/sources.json"));
    }

    @Test
    void exitsZeroWhenTablesPassOrOnlyWarn() {
        checks(result("customers", NodeStatus.PASS, "Source app.customers is 10 minutes old, within its thresholds", null),
                result("orders", NodeStatus.WARN, "Source app.orders is 3 hours old, past its warn_after of 1 hour", null));

        Invocation invocation = launcher.execute("source", "freshness", "-s", "source:app", "--threads", "2",
                "-o", "out/fresh.json", "--project-dir", "shop");

        assertThat(invocation.exitCode()).isZero();
        assertThat(session.calls).containsExactly("sourceFreshness");
        assertThat(session.selections).containsExactly(Selection.of("source:app"));
        assertThat(session.freshnessOutput).isEqualTo(Path.of("out/fresh.json"));
        assertThat(launcher.settings.threads()).isEqualTo(2);
        assertThat(launcher.settings.projectDir()).isEqualTo(Path.of("shop"));
        assertThat(invocation.out()).contains(
                "HH:MM:SS  1 of 2 START freshness of app.customers ....",
                "HH:MM:SS  1 of 2 PASS freshness of app.customers .....",
                ". [PASS in 0.04s]",
                "HH:MM:SS  2 of 2 WARN freshness of app.orders ....",
                ". [WARN in 0.04s]",
                "Finished running 2 sources in ",
                "  Warning in source app.orders (models/sources.yml)",
                "  Source app.orders is 3 hours old, past its warn_after of 1 hour",
                "Done. PASS=1 WARN=1 ERROR=0 SKIP=0 NO-OP=0 TOTAL=2");
        assertThat(invocation.err()).isEmpty();
    }

    @Test
    void exitsOneWhenATableIsPastItsErrorAfter() {
        checks(result("events", NodeStatus.ERROR, "Source app.events is 2 days old, past its error_after of 1 day", null));

        Invocation invocation = launcher.execute("source", "freshness");

        assertThat(invocation.exitCode()).isEqualTo(1);
        assertThat(session.freshnessOutput).isNull();
        assertThat(launcher.settings.threads()).isNull();
        assertThat(invocation.out()).contains("1 of 1 ERROR STALE freshness of app.events ...",
                ". [ERROR STALE in 0.04s]", "Completed with 1 error, 0 partial successes, and 0 warnings:",
                "  Freshness Error in source app.events (models/sources.yml)",
                "  Source app.events is 2 days old, past its error_after of 1 day",
                "Done. PASS=0 WARN=0 ERROR=1 SKIP=0 NO-OP=0 TOTAL=1");
    }

    @Test
    void exitsOneWhenATableCannotBeChecked() {
        DatabaseException missing = new DatabaseException("42P01", 0, new Location("models/sources.yml", 17, 0),
                "Database error in freshness of source app.ghosts (SQLSTATE 42P01): relation \"app\".\"ghosts\" does "
                        + "not exist", null);
        checks(result("customers", NodeStatus.PASS, "fine", null),
                result("ghosts", NodeStatus.RUNTIME_ERROR, missing.getMessage(), missing));

        Invocation invocation = launcher.execute("source", "freshness", "--select", "source:app.customers",
                "source:app.ghosts");

        assertThat(invocation.exitCode()).isEqualTo(1);
        assertThat(session.selections).containsExactly(Selection.of("source:app.customers", "source:app.ghosts"));
        assertThat(invocation.out()).contains("2 of 2 ERROR freshness of app.ghosts ...", ". [ERROR in 0.04s]",
                "  Database Error in source app.ghosts (models/sources.yml)",
                "  models/sources.yml:17: Database error in freshness of source app.ghosts (SQLSTATE 42P01)");
    }

    @Test
    void saysNothingToDoWhenNoSelectedTableHasFreshness() {
        checks();

        Invocation invocation = launcher.execute("source", "freshness", "-s", "source:crm");

        assertThat(invocation.exitCode()).isZero();
        assertThat(invocation.out()).contains("[WARNING]: Nothing to do.");
    }

    @Test
    void sourceAloneIsAUsageError() {
        Invocation invocation = launcher.execute("source");

        assertThat(invocation.exitCode()).isEqualTo(2);
        assertThat(invocation.err()).contains("Missing a source command: use 'source freshness'");
        assertThat(session.calls).isEmpty();
    }
}
