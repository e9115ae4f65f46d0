package dev.sluice.core.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.TestingProjects;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.internal.LoadedProject;
import dev.sluice.core.internal.Settings;
import dev.sluice.core.internal.artifacts.ArtifactMetadata;
import dev.sluice.core.internal.artifacts.ManifestWriter;
import dev.sluice.core.internal.artifacts.SchemaValidation;
import dev.sluice.core.internal.model.FreshnessThreshold;
import dev.sluice.core.internal.model.FreshnessThreshold.Period;
import dev.sluice.core.internal.model.FreshnessThreshold.Time;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.SourceDef;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freshness settings of source tables as dbt resolves them: the project file, the source, the
 * table, in their property and config spellings; and how the manifest reports them. No database needed.
 */
class SourceFreshnessConfigTest {
    @TempDir
    Path dir;

    private Manifest load(String projectExtra, String sourcesYml) {
        Path project = dir.resolve("fresh");
        TestingProjects.write(project.resolve("dbt_project.yml"), """
                name: fresh
                version: '1.0'
                config-version: 2
                profile: fresh
                """ + projectExtra);
        TestingProjects.write(project.resolve("models/sources.yml"), sourcesYml);
        return LoadedProject.load(new Settings(project, null, null, null, Map.of(), null, null, false, false,
                SluiceListener.NONE, Map.of("HOME", dir.toString()))).parsed().manifest();
    }

    private static SourceDef source(Manifest manifest, String table) {
        return manifest.sources().get("source.fresh.app." + table);
    }

    private static Time time(long count, Period period) {
        return new Time(count, period);
    }

    @Test
    void sourcePropertiesApplyToEveryTableAndTablesOverrideThem() {
        Manifest m = load("", """
                version: 2
                sources:
                  - name: app
                    freshness:
                      warn_after: {count: 12, period: hour}
                      error_after: {count: 1, period: day}
                    loaded_at_field: _loaded_at
                    tables:
                      - name: customers
                      - name: orders
                        loaded_at_field: "updated_at::timestamp"
                        freshness:
                          error_after: {count: 2}
                          filter: "status <> 'draft'"
                      - name: countries
                        freshness: null
                """);
        SourceDef customers = source(m, "customers");
        assertThat(customers.freshness()).isEqualTo(new FreshnessThreshold(time(12, Period.HOUR), time(1, Period.DAY), null));
        assertThat(customers.loadedAtField()).isEqualTo("_loaded_at");
        assertThat(customers.hasFreshness()).isTrue();
        // a partial error_after (no period) does not count, so the source's stays; the filter and field are the table's
        SourceDef orders = source(m, "orders");
        assertThat(orders.freshness()).isEqualTo(new FreshnessThreshold(time(12, Period.HOUR), time(1, Period.DAY),
                "status <> 'draft'"));
        assertThat(orders.loadedAtField()).isEqualTo("updated_at::timestamp");
        SourceDef countries = source(m, "countries");
        assertThat(countries.freshness()).isNull();
        assertThat(countries.hasFreshness()).isFalse();
        assertThat(countries.loadedAtField()).isEqualTo("_loaded_at");
    }

    @Test
    void aTablesFullThresholdReplacesTheSourcesOnePartByPart() {
        Manifest m = load("", """
                version: 2
                sources:
                  - name: app
                    freshness: {warn_after: {count: 12, period: hour}, error_after: {count: 1, period: day}}
                    tables:
                      - name: orders
                        freshness:
                          warn_after: {count: 30, period: minute}
                          error_after: null
                """);
        assertThat(source(m, "orders").freshness()).isEqualTo(new FreshnessThreshold(time(30, Period.MINUTE), null, null));
        assertThat(source(m, "orders").loadedAtField()).isNull();
        assertThat(source(m, "orders").hasFreshness()).isTrue();
    }

    @Test
    void configSpellingOfDbt19IsReadAndWinsAtItsLevel() {
        Manifest m = load("", """
                version: 2
                sources:
                  - name: app
                    loaded_at_field: ignored_by_config
                    config:
                      freshness:
                        warn_after: {count: 6, period: hour}
                      loaded_at_field: _etl_loaded_at
                    tables:
                      - name: customers
                      - name: orders
                        config:
                          freshness:
                            error_after: {count: 12, period: hour}
                          loaded_at_field: ordered_at
                      - name: skus
                        config:
                          freshness: null
                """);
        assertThat(source(m, "customers").freshness()).isEqualTo(new FreshnessThreshold(time(6, Period.HOUR),
                Time.UNSET, null));
        assertThat(source(m, "customers").loadedAtField()).isEqualTo("_etl_loaded_at");
        assertThat(source(m, "orders").freshness()).isEqualTo(new FreshnessThreshold(time(6, Period.HOUR),
                time(12, Period.HOUR), null));
        assertThat(source(m, "orders").loadedAtField()).isEqualTo("ordered_at");
        assertThat(source(m, "skus").freshness()).isNull();
    }

    @Test
    void theProjectFileSetsDefaultsForSources() {
        Manifest m = load("""
                sources:
                  fresh:
                    +freshness:
                      warn_after: {count: 1, period: day}
                    +loaded_at_field: "{{ var('loaded_column', 'synced_at') }}"
                """, """
                version: 2
                sources:
                  - name: app
                    tables:
                      - name: customers
                      - name: orders
                        loaded_at_field: null
                """);
        assertThat(source(m, "customers").freshness()).isEqualTo(new FreshnessThreshold(time(1, Period.DAY),
                Time.UNSET, null));
        assertThat(source(m, "customers").loadedAtField()).isEqualTo("synced_at");
        // a table can take the field away again
        assertThat(source(m, "orders").loadedAtField()).isNull();
    }

    @Test
    void withoutFreshnessATableIsNotChecked() {
        Manifest m = load("", """
                version: 2
                sources:
                  - name: app
                    loaded_at_field: _loaded_at
                    tables: [{name: customers}]
                """);
        assertThat(source(m, "customers").freshness()).isEqualTo(FreshnessThreshold.UNSET);
        assertThat(source(m, "customers").hasFreshness()).isFalse();
    }

    @Test
    void theManifestCarriesTheResolvedSettingsAndValidates() throws Exception {
        Manifest m = load("", """
                version: 2
                sources:
                  - name: app
                    freshness:
                      warn_after: {count: 12, period: hour}
                    loaded_at_field: _loaded_at
                    tables:
                      - name: customers
                      - name: orders
                        config:
                          freshness:
                            error_after: {count: 1, period: day}
                            filter: "_loaded_at > now() - interval '7 days'"
                      - name: countries
                        freshness: null
                """);
        String json = new ManifestWriter(ArtifactMetadata.builder("fresh", "postgres").build()).toJson(m);
        assertThat(SchemaValidation.errors(SchemaValidation.MANIFEST, json)).isEmpty();
        JsonNode sources = new ObjectMapper().readTree(json).get("sources");
        JsonNode orders = sources.get("source.fresh.app.orders");
        assertThat(orders.get("loaded_at_field").asText()).isEqualTo("_loaded_at");
        assertThat(orders.get("freshness").toString()).isEqualTo("{\"warn_after\":{\"count\":12,\"period\":\"hour\"},"
                + "\"error_after\":{\"count\":1,\"period\":\"day\"},\"filter\":\"_loaded_at > now() - interval '7 days'\"}");
        // config holds what the config levels said
        assertThat(orders.at("/config/freshness").toString()).isEqualTo("{\"warn_after\":{\"count\":null,\"period\":null},"
                + "\"error_after\":{\"count\":1,\"period\":\"day\"},\"filter\":\"_loaded_at > now() - interval '7 days'\"}");
        assertThat(sources.get("source.fresh.app.customers").get("freshness").toString()).isEqualTo(
                "{\"warn_after\":{\"count\":12,\"period\":\"hour\"},\"error_after\":{\"count\":null,\"period\":null},"
                        + "\"filter\":null}");
        assertThat(sources.get("source.fresh.app.countries").get("freshness").isNull()).isTrue();
    }

    @Test
    void aPeriodDbtDoesNotKnowIsAnErrorAtItsLine() {
        SluiceException e = catchThrowableOfType(SluiceException.class, () -> load("", """
                version: 2
                sources:
                  - name: app
                    loaded_at_field: _loaded_at
                    tables:
                      - name: customers
                        freshness:
                          warn_after: {count: 2, period: week}
                """));
        assertThat(e.getMessage()).isEqualTo("models/sources.yml:7:9: Cannot read the freshness of source table "
                + "'app.customers': warn_after's period must be minute, hour or day, not 'week'");
        assertThat(e.kind()).isEqualTo(SluiceException.Kind.USER);
    }

    @Test
    void aCountThatIsNotAWholeNumberIsAnError() {
        SluiceException e = catchThrowableOfType(SluiceException.class, () -> load("", """
                version: 2
                sources:
                  - name: app
                    config:
                      freshness: {error_after: {count: soon, period: hour}}
                    tables: [{name: customers}]
                """));
        assertThat(e.getMessage()).isEqualTo("models/sources.yml:5:7: Cannot read the freshness of source table "
                + "'app.customers': error_after's count must be a whole number, not 'soon'");
    }

    @Test
    void loadedAtFieldAndLoadedAtQueryTogetherAreAnError() {
        SluiceException e = catchThrowableOfType(SluiceException.class, () -> load("", """
                version: 2
                sources:
                  - name: app
                    tables:
                      - name: customers
                        config:
                          loaded_at_field: _loaded_at
                          loaded_at_query: select max(_loaded_at) from app.customers
                """));
        assertThat(e.getMessage()).endsWith("Cannot read the freshness of source table 'app.customers': it sets both "
                + "loaded_at_field and loaded_at_query; keep one");
        assertThat(e.getMessage()).startsWith("models/sources.yml:7:");
    }
}
