package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.TestingLauncher.Invocation;
import dev.sluice.core.api.DocsResult;
import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.DebugReport;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands run end to end against a fake project: what they print and how they exit. */
class CommandsTest {
    private final TestingLauncher launcher = new TestingLauncher();
    private final TestingSession session = launcher.session;

    @Test
    void exitsZeroWhenEveryNodeSucceeds() {
        session.result = TestingRuns.result("run", TestingRuns.BUILD_RESULTS.subList(0, 3));

        Invocation invocation = launcher.execute("run", "-s", "rsv__drugs+", "--project-dir", "drugs");

        assertThat(invocation.exitCode()).isZero();
        assertThat(session.calls).containsExactly("run");
        assertThat(session.selections).containsExactly(Selection.of("rsv__drugs+"));
        assertThat(launcher.settings.projectDir()).isEqualTo(Path.of("drugs"));
        assertThat(session.closed).isTrue();
        assertThat(invocation.out()).startsWith("HH:MM:SS  Running with sluice=")
                .contains("Completed successfully", "Done. PASS=3 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=3");
        assertThat(invocation.err()).isEmpty();
    }

    @Test
    void exitsOneWhenANodeFailed() {
        session.result = TestingRuns.result("build", TestingRuns.BUILD_RESULTS);
        session.events.addAll(TestingRuns.buildEvents());

        Invocation invocation = launcher.execute("build");

        assertThat(invocation.exitCode()).isEqualTo(1);
        assertThat(invocation.out()).contains("6 of 7 ERROR creating sql view model rsv.rsv__pubmed",
                "Completed with 2 errors", "models/reservoir/rsv__pubmed.sql:12:5: column \"titel\" does not exist");
        assertThat(invocation.err()).isEmpty();
    }

    @Test
    void runsEachCommandsOneOperation() {
        assertThat(launcher.execute("seed", "--full-refresh").exitCode()).isZero();
        assertThat(launcher.settings.fullRefresh()).isTrue();
        assertThat(launcher.execute("compile").exitCode()).isZero();

        assertThat(session.calls).containsExactly("seed", "compile");
    }

    @Test
    void exitsTwoWithTheMessageAndNoStackTraceWhenTheProjectIsInvalid() {
        launcher.failure = SluiceException.user("project.yaml", new Location("dbt_project.yml", 3, 9),
                "Cannot read dbt_project.yml: expected a mapping");

        Invocation invocation = launcher.execute("run");

        assertThat(invocation.exitCode()).isEqualTo(2);
        assertThat(invocation.err()).isEqualTo("Error: dbt_project.yml:3:9: Cannot read dbt_project.yml: expected a mapping"
                + System.lineSeparator());
    }

    @Test
    void exitsTwoWhenTheDatabaseCannotBeReached() {
        session.failure = new DatabaseException("08001", 0, null, "Cannot connect to localhost:5432: connection refused", null);

        Invocation invocation = launcher.execute("seed");

        assertThat(invocation.exitCode()).isEqualTo(2);
        assertThat(invocation.err()).startsWith("Error: Cannot connect to localhost:5432: connection refused")
                .doesNotContain("\tat ");
        assertThat(session.closed).isTrue();
    }

    @Test
    void reportsAnUnexpectedExceptionAsAnInternalErrorWithAHint() {
        session.failure = new IllegalStateException("graph has no root");

        Invocation invocation = launcher.execute("run");

        assertThat(invocation.exitCode()).isEqualTo(2);
        assertThat(invocation.err()).startsWith("Internal error: IllegalStateException: graph has no root")
                .contains("--debug")
                .doesNotContain("\tat ");
    }

    @Test
    void printsTheStackTraceWithDebug() {
        session.failure = new IllegalStateException("graph has no root");

        Invocation invocation = launcher.execute("--debug", "run");

        assertThat(invocation.exitCode()).isEqualTo(2);
        assertThat(invocation.err()).contains("java.lang.IllegalStateException: graph has no root", "\tat ");
    }

    @Test
    void exitsTwoOnABadArgumentWithAHint() {
        Invocation invocation = launcher.execute("rnu");

        assertThat(invocation.exitCode()).isEqualTo(2);
        assertThat(invocation.err()).startsWith("Error: Unmatched argument at index 0: 'rnu'")
                .contains("Try 'sluice --help' for more information.");
        assertThat(session.calls).isEmpty();
    }

    @Test
    void exitsTwoWithoutACommand() {
        Invocation invocation = launcher.execute();

        assertThat(invocation.exitCode()).isEqualTo(2);
        assertThat(invocation.err()).contains("Usage: sluice", "seed", "build", "ls, list");
    }

    @Test
    void printsTheVersion() {
        Invocation invocation = launcher.execute("--version");

        assertThat(invocation.exitCode()).isZero();
        assertThat(invocation.out()).startsWith("Sluice 0.1.0" + System.lineSeparator() + "compatible with dbt 1.10.0");
    }

    @Test
    void printsTheCompiledSqlOfAnInlineSnippet() {
        session.compiled = "select * from \"dev\".\"seed\".\"drugs\"";

        Invocation invocation = launcher.execute("compile", "--inline", "select * from {{ ref('drugs') }}");

        assertThat(invocation.exitCode()).isZero();
        assertThat(session.calls).containsExactly("compileInline select * from {{ ref('drugs') }}");
        assertThat(invocation.out()).endsWith("HH:MM:SS  Compiled inline node is:\nselect * from \"dev\".\"seed\".\"drugs\"\n");
    }

    @Test
    void showsPreviewsAsTables() {
        Invocation invocation = launcher.execute("show", "-s", "customers", "--limit", "2");

        assertThat(invocation.exitCode()).isZero();
        assertThat(session.calls).containsExactly("show [customers] 2");
        assertThat(invocation.out()).endsWith("HH:MM:SS  Previewing node 'customers':\n"
                + "| id  | name  |\n"
                + "| --- | ----- |\n"
                + "|   1 | alice |\n"
                + "|  22 | bob   |\n");
    }

    @Test
    void showsAnInlineQuery() {
        Invocation invocation = launcher.execute("show", "--inline", "select 1 as n");

        assertThat(invocation.exitCode()).isZero();
        assertThat(session.calls).containsExactly("showInline select 1 as n 5");
        assertThat(invocation.out()).contains("Previewing inline node:\n| n   |\n| --- |\n|   1 |");
    }

    @Test
    void runOperationPassesTheMacroAndItsArguments() {
        Invocation invocation = launcher.execute("run-operation", "grant_select", "--args", "{role: reporter}");

        assertThat(invocation.exitCode()).isZero();
        assertThat(session.calls).containsExactly("runOperation grant_select {role: reporter}");
    }

    @Test
    void testRunsTheSelectedTests() {
        Invocation invocation = launcher.execute("test", "-s", "orders", "--exclude", "unique_orders_id");

        assertThat(invocation.exitCode()).isZero();
        assertThat(session.calls).containsExactly("test");
        assertThat(session.selections.get(0).select()).containsExactly("orders");
        assertThat(session.selections.get(0).exclude()).containsExactly("unique_orders_id");
    }

    @Test
    void docsGenerateReportsTheSiteAndFollowsTheCompileOutcome() {
        session.docs = new DocsResult(Path.of("/p/target/index.html"), Path.of("/p/target/catalog.json"), 42, 3_500_000,
                40, java.time.Duration.ofMillis(1250), TestingRuns.result("compile", List.of()));

        Invocation invocation = launcher.execute("docs", "generate", "--empty-catalog");

        assertThat(invocation.exitCode()).isZero();
        assertThat(session.calls).containsExactly("docsGenerate true");
        assertThat(invocation.out()).contains("Docs generated in 1.25s: 42 pages, 3.5 MB; open file:///p/target/index.html");
    }

    @Test
    void docsAloneIsAUsageError() {
        Invocation invocation = launcher.execute("docs");

        assertThat(invocation.exitCode()).isEqualTo(2);
        assertThat(invocation.err()).contains("Missing a docs command: use 'docs generate' or 'docs serve'");
    }

    @Test
    void docsServeWithoutASiteSaysToGenerateFirst(@TempDir Path dir) {
        session.targetDir = dir;

        Invocation invocation = launcher.execute("docs", "serve", "--port", "0");

        assertThat(invocation.exitCode()).isEqualTo(2);
        assertThat(invocation.out()).contains("Cannot serve the docs: " + dir.resolve("index.html")
                + " does not exist; run 'sluice docs generate' first");
    }

    @Test
    void listsSelectorsSortedAndNothingElse() {
        session.nodes = List.of(TestingRuns.RSV_DRUGS, TestingRuns.DRUGS, TestingRuns.NOT_NULL);

        Invocation invocation = launcher.execute("ls", "-s", "tag:x");

        assertThat(invocation.exitCode()).isZero();
        assertThat(invocation.out()).isEqualTo("drugs.reservoir.rsv__drugs\ndrugs.drugs\ndrugs.reservoir.not_null_rsv__drugs_id\n"
                .replace("\n", System.lineSeparator()));
        assertThat(session.selections).containsExactly(Selection.of("tag:x"));
    }

    @Test
    void listsOnlyTheAskedTypesByName() {
        session.nodes = List.of(TestingRuns.RSV_DRUGS, TestingRuns.DRUGS, TestingRuns.NOT_NULL);

        Invocation invocation = launcher.execute("ls", "--resource-type", "model", "test", "--output", "name");

        assertThat(invocation.out().lines()).containsExactly("rsv__drugs", "not_null_rsv__drugs_id");
    }

    @Test
    void printsTheDebugReportAndExitsZeroWhenAllIsWell() {
        session.report = report(true, "ok", List.of());

        Invocation invocation = launcher.execute("debug");

        assertThat(invocation.exitCode()).isZero();
        assertThat(invocation.out()).contains(
                "HH:MM:SS  sluice version: 0.1.0\n",
                "HH:MM:SS  Using profiles.yml file at /home/ada/.dbt/profiles.yml\n",
                "HH:MM:SS  Using dbt_project.yml file at /work/drugs/dbt_project.yml\n",
                "HH:MM:SS  Connection:\nHH:MM:SS    database: drugs\nHH:MM:SS    host: localhost\n",
                "HH:MM:SS    Connection test: [OK connection ok]\n",
                "HH:MM:SS  All checks passed!\n");
    }

    @Test
    void exitsOneWhenADebugCheckFails() {
        session.report = report(false, "connection refused (localhost:5432)", List.of("profiles.yml: no target 'prod'"));

        Invocation invocation = launcher.execute("debug");

        assertThat(invocation.exitCode()).isEqualTo(1);
        assertThat(invocation.out()).contains("Connection test: [ERROR]", "2 checks failed:",
                "  profiles.yml: no target 'prod'", "  Cannot connect to the database: connection refused (localhost:5432)");
    }

    @Test
    void saysWhatItCleaned() {
        Path projectDir = Path.of("drugs").toAbsolutePath();
        session.cleaned = List.of(projectDir.resolve("target"), projectDir.resolve("dbt_packages"));

        Invocation invocation = launcher.execute("clean", "--project-dir", "drugs");

        assertThat(invocation.exitCode()).isZero();
        assertThat(invocation.out()).endsWith(
                "HH:MM:SS  Cleaned target/*\nHH:MM:SS  Cleaned dbt_packages/*\nHH:MM:SS  Finished cleaning all paths.\n");
    }

    @Test
    void mapsOutcomesToExitCodes() {
        assertThat(ExitCode.of(TestingRuns.result("run", List.of()), false)).isZero();
        assertThat(ExitCode.of(TestingRuns.result("run", TestingRuns.BUILD_RESULTS), false)).isEqualTo(1);
        assertThat(ExitCode.of(TestingRuns.result("run", TestingRuns.BUILD_RESULTS), true)).isEqualTo(130);
        assertThat(ExitCode.of(TestingRuns.result("run", List.of(TestingRuns.result(TestingRuns.MENTIONS,
                NodeStatus.SKIPPED, "SKIP", 0, -1, null))), false)).isZero();
    }

    private static DebugReport report(boolean connected, String connection, List<String> problems) {
        return new DebugReport("0.1.0", "1.10.0", "/work/drugs", "drugs", "/home/ada/.dbt/profiles.yml", "drugs", "dev",
                "postgres", Map.of("host", "localhost", "database", "drugs"), connected, connection, problems);
    }
}
