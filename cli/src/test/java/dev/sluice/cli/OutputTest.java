package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.SluiceEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class OutputTest {
    private final StringWriter text = new StringWriter();

    private Output output(boolean debug, boolean nodeLines) {
        return new Output(new PrintWriter(text), Clock.systemDefaultZone(), debug, nodeLines);
    }

    private String rendered() {
        return TestingRuns.maskTime(text.toString());
    }

    @Test
    void rendersABuildAsDbtDoes() {
        Output output = output(false, true);
        output.header();
        TestingRuns.buildEvents().forEach(output::onEvent);
        output.summary(TestingRuns.result("build", TestingRuns.BUILD_RESULTS), false);

        assertThat(rendered()).isEqualTo("""
                HH:MM:SS  Running with sluice=0.1.0 (dbt=1.10.0)
                HH:MM:SS  [WARNING]: dbt_project.yml:14: Unknown config key 'materialised'
                HH:MM:SS  Found 2 seeds, 3 models, 2 data tests, 0 sources, 12 macros
                HH:MM:SS
                HH:MM:SS  Concurrency: 4 threads (target='dev')
                HH:MM:SS
                HH:MM:SS  1 of 7 START seed file seed.drugs .............................................. [RUN]
                HH:MM:SS  1 of 7 OK loaded seed file seed.drugs .......................................... [INSERT 40 in 0.20s]
                HH:MM:SS  2 of 7 START seed file seed.pubmed ............................................. [RUN]
                HH:MM:SS  2 of 7 OK loaded seed file seed.pubmed ......................................... [INSERT 12 in 0.15s]
                HH:MM:SS  3 of 7 START sql table model rsv.rsv__drugs .................................... [RUN]
                HH:MM:SS  3 of 7 OK created sql table model rsv.rsv__drugs ............................... [SELECT 42 in 0.31s]
                HH:MM:SS  4 of 7 START test not_null_rsv__drugs_id ....................................... [RUN]
                HH:MM:SS  4 of 7 PASS not_null_rsv__drugs_id ............................................. [PASS in 0.04s]
                HH:MM:SS  5 of 7 START test unique_rsv__drugs_id ......................................... [RUN]
                HH:MM:SS  5 of 7 FAIL 3 unique_rsv__drugs_id ............................................. [FAIL 3 in 0.05s]
                HH:MM:SS  6 of 7 START sql view model rsv.rsv__pubmed .................................... [RUN]
                HH:MM:SS  6 of 7 ERROR creating sql view model rsv.rsv__pubmed ........................... [ERROR in 0.05s]
                HH:MM:SS  7 of 7 SKIP relation core.mentions ............................................. [SKIP]
                HH:MM:SS
                HH:MM:SS  Finished running 2 seeds, 2 table models, 2 data tests, 1 view model in 0 hours 0 minutes and 1.23 seconds (1.23s).
                HH:MM:SS
                HH:MM:SS  Completed with 2 errors, 0 partial successes, and 0 warnings:
                HH:MM:SS
                HH:MM:SS    Failure in test unique_rsv__drugs_id (models/reservoir/schema.yml)
                  Got 3 results, configured to fail if != 0
                HH:MM:SS
                HH:MM:SS    Database Error in model rsv__pubmed (models/reservoir/rsv__pubmed.sql)
                  models/reservoir/rsv__pubmed.sql:12:5: column "titel" does not exist
                  compiled SQL at target/run/drugs/models/reservoir/rsv__pubmed.sql:12
                HH:MM:SS
                HH:MM:SS  Done. PASS=4 WARN=0 ERROR=2 SKIP=1 NO-OP=0 TOTAL=7
                """);
    }

    @Test
    void startsEachLineWithTheLocalTime() {
        output(false, true).line("hello");

        assertThat(text.toString()).matches("\\d\\d:\\d\\d:\\d\\d  hello\\R");
    }

    @Test
    void continuesMultiLineTextWithoutTime() {
        output(false, true).line("Compiled inline node is:\nselect 1\nfrom t");

        assertThat(rendered()).isEqualTo("HH:MM:SS  Compiled inline node is:\nselect 1\nfrom t\n");
    }

    @Test
    void printsDebugMessagesOnlyWithDebug() {
        SluiceEvent debug = new SluiceEvent.Message(SluiceEvent.Level.DEBUG, "Parsed 5 files", null);
        output(false, true).onEvent(debug);
        assertThat(text.toString()).isEmpty();

        output(true, true).onEvent(debug);
        assertThat(rendered()).isEqualTo("HH:MM:SS  Parsed 5 files\n");
    }

    @Test
    void leavesOutNodeLinesWhenAsked() {
        Output output = output(false, false);
        TestingRuns.buildEvents().forEach(output::onEvent);

        assertThat(rendered()).isEqualTo("""
                HH:MM:SS  [WARNING]: dbt_project.yml:14: Unknown config key 'materialised'
                HH:MM:SS  Found 2 seeds, 3 models, 2 data tests, 0 sources, 12 macros
                HH:MM:SS
                HH:MM:SS  Concurrency: 4 threads (target='dev')
                HH:MM:SS
                """);
    }

    @Test
    void writesDbtsJsonEventsAndALogFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path logFile = dir.resolve("logs/dbt.log");
        Output output = new Output(new PrintWriter(text), Clock.systemDefaultZone(), false, true, true, logFile);
        output.header();
        TestingRuns.buildEvents().forEach(output::onEvent);
        output.onEvent(new dev.sluice.core.api.SluiceEvent.Message(dev.sluice.core.api.SluiceEvent.Level.DEBUG,
                "a debug detail", null));
        output.summary(TestingRuns.result("build", TestingRuns.BUILD_RESULTS), false);

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<com.fasterxml.jackson.databind.JsonNode> events = new java.util.ArrayList<>();
        for (String line : text.toString().split("\n")) {
            events.add(json.readTree(line)); // every line is one JSON object
        }
        assertThat(events).extracting(e -> e.path("info").path("name").asText()).startsWith("MainReportVersion", "Note",
                "FoundStats", "ConcurrencyLine", "LogStartLine").contains("LogSeedResult", "LogModelResult",
                "LogTestResult", "StatsLine").doesNotContain("");
        com.fasterxml.jackson.databind.JsonNode seed = events.stream()
                .filter(e -> e.path("info").path("name").asText().equals("LogSeedResult")).findFirst().orElseThrow();
        assertThat(seed.path("info").path("code").asText()).isEqualTo("Q016");
        assertThat(seed.path("data").path("node_info").path("unique_id").asText()).startsWith("seed.");
        assertThat(seed.path("data").path("status").asText()).isEqualTo("success");
        assertThat(text.toString()).doesNotContain("a debug detail");

        String log = java.nio.file.Files.readString(logFile);
        assertThat(log).contains("[info ]", "Running with sluice=", "OK loaded seed file seed.drugs", "[debug]",
                "a debug detail").containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{6} \\[");
    }

    @Test
    void scrubsSecretsFromTheTerminalAndTheLogFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path logFile = dir.resolve("logs/dbt.log");
        Output output = new Output(new PrintWriter(text), Clock.systemDefaultZone(), true, true, false, logFile);
        output.scrubWith(t -> t.replace("s3cret-pw", "****"));
        output.onEvent(new dev.sluice.core.api.SluiceEvent.Message(dev.sluice.core.api.SluiceEvent.Level.INFO,
                "connecting as bob with s3cret-pw", null));
        output.onEvent(new dev.sluice.core.api.SluiceEvent.Message(dev.sluice.core.api.SluiceEvent.Level.DEBUG,
                "debug: password=s3cret-pw", null));

        assertThat(text.toString()).contains("connecting as bob with ****").doesNotContain("s3cret-pw");
        assertThat(java.nio.file.Files.readString(logFile)).contains("password=****").doesNotContain("s3cret-pw");
    }

    @Test
    void keepsAProgressLineOnATerminalOnly() {
        java.io.StringWriter terminal = new java.io.StringWriter();
        Output output = output(false, true);
        output.progressOn(new PrintWriter(terminal));
        TestingRuns.buildEvents().forEach(output::onEvent);
        output.summary(TestingRuns.result("build", TestingRuns.BUILD_RESULTS), false);

        assertThat(terminal.toString()).contains("\r\u001b[2K7 of 7 done, 0 running, 2 failed").endsWith("\r\u001b[2K");
        assertThat(text.toString()).doesNotContain("done, ").doesNotContain("\u001b");
    }

    @Test
    void showsHowFarALongSeedHasGot() {
        java.io.StringWriter terminal = new java.io.StringWriter();
        Output output = output(false, true);
        output.progressOn(new PrintWriter(terminal));
        dev.sluice.core.api.SluiceEvent.NodeStarted start = TestingRuns.buildEvents().stream()
                .filter(e -> e instanceof dev.sluice.core.api.SluiceEvent.NodeStarted)
                .map(e -> (dev.sluice.core.api.SluiceEvent.NodeStarted) e).findFirst().orElseThrow();
        output.onEvent(start);
        output.onEvent(new dev.sluice.core.api.SluiceEvent.Progress(start.node(), 45, 100, "bytes"));

        assertThat(terminal.toString()).endsWith("0 of 7 done, 1 running · loading " + start.node().name() + " 45%");
    }
}
