package dev.sluice.core;

import static dev.sluice.core.TestingDatabase.sql;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.api.FreshnessResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SourceFreshness;
import dev.sluice.core.internal.artifacts.SchemaValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code source freshness} on real PostgreSQL: source tables the test fills with rows loaded at
 * times relative to now(), judged pass, warn or error against their thresholds (over 4 threads);
 * the filter; a missing table and an empty one as runtime errors; tables without freshness or
 * without a loaded_at_field left out; sources.json valid against dbt's schema.
 */
class SourceFreshnessIT {
    @TempDir
    Path dir;
    Path project;
    String src;
    final List<SluiceEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        project = dir.resolve("fresh");
        String schema = TestingDatabase.freshSchema("fresh");
        src = schema + "_src";
        TestingProjects.write(project.resolve("dbt_project.yml"), """
                name: fresh
                version: '1.0'
                config-version: 2
                profile: fresh
                """);
        TestingProjects.writeProfiles(project, "fresh", TestingDatabase.targetConfig(schema));
        TestingProjects.write(project.resolve("models/sources.yml"), """
                version: 2
                sources:
                  - name: app
                    schema: "%s"
                    config:
                      freshness:
                        warn_after: {count: 1, period: hour}
                        error_after: {count: 1, period: day}
                      loaded_at_field: loaded_at
                    tables:
                      - name: customers
                      - name: orders
                        loaded_at_field: updated_at
                        freshness:
                          filter: "status <> 'draft'"
                      - name: events
                      - name: ghosts
                      - name: countries
                        freshness: null
                      - name: notes
                        config:
                          loaded_at_field: null
                  - name: crm
                    schema: "%s"
                    tables:
                      - name: leads
                        description: no freshness at all
                """.formatted(src, src));
        // customers: 10 minutes old; orders: 3 hours old once drafts are filtered out (a naive
        // timestamp in UTC); events: 2 days old; notes: has rows but no loaded_at_field
        sql("create schema \"" + src + "\";"
                + "create table \"" + src + "\".customers (id int, loaded_at timestamptz);"
                + "insert into \"" + src + "\".customers values (1, now() - interval '3 days'),"
                + " (2, now() - interval '10 minutes');"
                + "create table \"" + src + "\".orders (id int, status text, updated_at timestamp);"
                + "insert into \"" + src + "\".orders values (1, 'paid', (now() at time zone 'utc') - interval '3 hours'),"
                + " (2, 'draft', (now() at time zone 'utc') - interval '1 minute');"
                + "create table \"" + src + "\".events (id int, loaded_at timestamptz);"
                + "insert into \"" + src + "\".events values (1, now() - interval '2 days');"
                + "create table \"" + src + "\".countries (id int, loaded_at timestamptz);"
                + "create table \"" + src + "\".notes (id int, loaded_at timestamptz);"
                + "insert into \"" + src + "\".notes values (1, now() - interval '9 days')");
    }

    private Sluice load() {
        return Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).listener(events::add)
                .load();
    }

    private FreshnessResult freshness(Selection selection) {
        try (Sluice sluice = load()) {
            return sluice.sourceFreshness(selection);
        }
    }

    private static Map<String, SourceFreshness> byTable(FreshnessResult result) {
        Map<String, SourceFreshness> out = new LinkedHashMap<>();
        result.sources().forEach(s -> out.put(s.result().node().name(), s));
        return out;
    }

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(Files.readString(file));
    }

    @Test
    void judgesEachTableAgainstItsThresholds() throws Exception {
        Instant before = Instant.now();
        FreshnessResult result = freshness(Selection.all());

        Map<String, SourceFreshness> tables = byTable(result);
        // sorted by unique id; countries (freshness: null), notes (no loaded_at_field) and crm.leads are left out
        assertThat(tables.keySet()).containsExactly("customers", "events", "ghosts", "orders");
        assertThat(tables.get("customers").status()).isEqualTo(NodeStatus.PASS);
        assertThat(tables.get("customers").age()).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(11));
        assertThat(tables.get("customers").maxLoadedAt()).isBetween(before.minus(Duration.ofMinutes(11)),
                before.minus(Duration.ofMinutes(9)));
        assertThat(tables.get("customers").warnAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(tables.get("customers").errorAfter()).isEqualTo(Duration.ofDays(1));
        // the filter hides the fresh draft; the naive timestamp counts as UTC
        assertThat(tables.get("orders").status()).isEqualTo(NodeStatus.WARN);
        assertThat(tables.get("orders").age()).isBetween(Duration.ofHours(3), Duration.ofHours(3).plusMinutes(1));
        assertThat(tables.get("orders").filter()).isEqualTo("status <> 'draft'");
        assertThat(tables.get("orders").result().message()).startsWith("Source app.orders is 3 hours old, past its "
                + "warn_after of 1 hour (newest row loaded at ");
        assertThat(tables.get("events").status()).isEqualTo(NodeStatus.ERROR);
        assertThat(tables.get("events").result().message()).startsWith("Source app.events is 2 days old, past its "
                + "error_after of 1 day");
        SourceFreshness ghosts = tables.get("ghosts");
        assertThat(ghosts.status()).isEqualTo(NodeStatus.RUNTIME_ERROR);
        assertThat(ghosts.maxLoadedAt()).isNull();
        assertThat(ghosts.result().error().getMessage()).startsWith("models/sources.yml:17: Database error in freshness "
                + "of source app.ghosts (SQLSTATE 42P01): ").contains("does not exist");
        assertThat(result.success()).isFalse();
        assertThat(result.run().results()).hasSize(4);

        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SluiceEvent.Message.class, m -> {
            assertThat(m.level()).isEqualTo(SluiceEvent.Level.WARN);
            assertThat(m.text()).isEqualTo("Skipping freshness of source app.notes: it has no loaded_at_field, and the "
                    + "postgres adapter cannot read load times from metadata");
            assertThat(m.location().toString()).isEqualTo("models/sources.yml:20");
        }));
        assertThat(events).filteredOn(SluiceEvent.NodeStarted.class::isInstance).hasSize(4)
                .extracting(e -> ((SluiceEvent.NodeStarted) e).description())
                .containsExactlyInAnyOrder("freshness of app.customers", "freshness of app.events",
                        "freshness of app.ghosts", "freshness of app.orders");
    }

    @Test
    void writesSourcesJsonThatValidatesAgainstDbtsSchema() throws Exception {
        FreshnessResult result = freshness(Selection.all());

        Path file = project.resolve("target/sources.json");
        assertThat(result.artifact()).isEqualTo(file);
        String text = Files.readString(file);
        assertThat(SchemaValidation.errors(SchemaValidation.SOURCES, text)).isEmpty();
        JsonNode json = json(file);
        assertThat(json.at("/metadata/dbt_schema_version").asText()).isEqualTo("https://schemas.getdbt.com/dbt/sources/v3.json");
        assertThat(json.get("elapsed_time").asDouble()).isPositive();
        JsonNode results = json.get("results");
        assertThat(results).hasSize(4);
        JsonNode customers = results.get(0);
        assertThat(customers.get("unique_id").asText()).isEqualTo("source.fresh.app.customers");
        assertThat(customers.get("status").asText()).isEqualTo("pass");
        assertThat(customers.get("max_loaded_at").asText()).endsWith("+00:00");
        assertThat(customers.get("max_loaded_at_time_ago_in_s").asDouble()).isBetween(600.0, 660.0);
        assertThat(customers.get("criteria").toString()).isEqualTo("{\"warn_after\":{\"count\":1,\"period\":\"hour\"},"
                + "\"error_after\":{\"count\":1,\"period\":\"day\"},\"filter\":null}");
        assertThat(customers.get("thread_id").asText()).isNotEmpty();
        assertThat(results.get(1).get("status").asText()).isEqualTo("error");
        JsonNode ghosts = results.get(2);
        assertThat(ghosts.get("status").asText()).isEqualTo("runtime error");
        assertThat(ghosts.get("error").asText()).contains("does not exist");
        assertThat(ghosts.has("max_loaded_at")).isFalse();
        assertThat(results.get(3).get("status").asText()).isEqualTo("warn");
        assertThat(results.get(3).at("/criteria/filter").asText()).isEqualTo("status <> 'draft'");
        // the manifest of the same invocation says where the thresholds come from
        JsonNode manifest = json(project.resolve("target/manifest.json"));
        assertThat(manifest.at("/sources/source.fresh.app.orders/loaded_at_field").asText()).isEqualTo("updated_at");
        assertThat(manifest.at("/sources/source.fresh.app.countries/freshness").isNull()).isTrue();
        assertThat(manifest.at("/metadata/invocation_id").asText()).isEqualTo(json.at("/metadata/invocation_id").asText());
    }

    @Test
    void checksOnlyTheSelectedTablesAndWarningsAloneSucceed() throws Exception {
        Path output = dir.resolve("out/freshness.json");
        FreshnessResult result;
        try (Sluice sluice = load()) {
            result = sluice.sourceFreshness(Selection.of("source:app.customers", "source:app.orders"), output);
        }

        assertThat(byTable(result).keySet()).containsExactly("customers", "orders");
        assertThat(result.success()).isTrue();
        assertThat(result.artifact()).isEqualTo(output);
        assertThat(SchemaValidation.errors(SchemaValidation.SOURCES, Files.readString(output))).isEmpty();
        assertThat(json(output).get("results")).hasSize(2);
        assertThat(project.resolve("target/sources.json")).doesNotExist();
    }

    @Test
    void anEmptyTableOrOneWithoutRowsAfterTheFilterIsARuntimeError() {
        sql("delete from \"" + src + "\".orders where status <> 'draft'; delete from \"" + src + "\".customers");

        Map<String, SourceFreshness> tables = byTable(freshness(Selection.of("source:app.customers source:app.orders")));

        assertThat(tables.get("customers").status()).isEqualTo(NodeStatus.RUNTIME_ERROR);
        assertThat(tables.get("customers").result().error().getMessage()).isEqualTo("models/sources.yml:11: Cannot check "
                + "the freshness of source app.customers: max(loaded_at) is null, so no row has a load time; is the table"
                + " empty?");
        assertThat(tables.get("orders").result().error().getMessage()).contains("max(updated_at) is null, so no row has"
                + " a load time (after the filter)");
    }

    @Test
    void aLoadedAtFieldThatIsNotATimestampIsARuntimeErrorWithAHint() {
        sql("alter table \"" + src + "\".events add column loaded_on date; update \"" + src
                + "\".events set loaded_on = current_date");
        TestingProjects.write(project.resolve("models/more.yml"), """
                version: 2
                sources:
                  - name: more
                    schema: "%s"
                    freshness: {warn_after: {count: 1, period: day}}
                    tables:
                      - name: events
                        loaded_at_field: loaded_on
                """.formatted(src));

        Map<String, SourceFreshness> tables = byTable(freshness(Selection.of("source:more")));

        assertThat(tables.get("events").status()).isEqualTo(NodeStatus.RUNTIME_ERROR);
        assertThat(tables.get("events").result().error().getMessage()).isEqualTo("models/more.yml:7: Cannot check the "
                + "freshness of source more.events: loaded_at_field loaded_on must give a timestamp, but it gives a date; "
                + "cast it to a timestamp, e.g. loaded_at_field: \"loaded_on::timestamp\"");
    }

    @Test
    void nothingSelectedWithFreshnessWritesAnEmptyArtifact() throws Exception {
        FreshnessResult result = freshness(Selection.of("source:crm"));

        assertThat(result.sources()).isEmpty();
        assertThat(result.success()).isTrue();
        String text = Files.readString(result.artifact());
        assertThat(SchemaValidation.errors(SchemaValidation.SOURCES, text)).isEmpty();
        assertThat(json(result.artifact()).get("results")).isEmpty();
    }
}
