package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.internal.artifacts.SchemaValidation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data tests on real PostgreSQL, on the shop project (orders: ids 1-4, customers alice, bob,
 * alice, carol; amounts 12.50, 7.25, 30.00, 15.00; customers: alice FR, bob DE, carol FR):
 * generic and singular tests, dbt's verdicts and configs, stored failures, and build's order.
 */
class DataTestsIT {
    @TempDir
    Path dir;
    Path project;
    String schema;

    @BeforeEach
    void setUp() {
        project = TestingProjects.copy("shop", dir);
        schema = TestingDatabase.freshSchema("tests");
        TestingProjects.writeProfiles(project, "shop", TestingDatabase.targetConfig(schema));
        TestingProjects.write(project.resolve("seeds/properties.yml"), """
                version: 2
                seeds:
                  - name: orders
                    columns:
                      - name: id
                        data_tests: [unique, not_null]
                      - name: customer
                        data_tests:
                          - relationships:
                              arguments: {to: "ref('customers')", field: name}
                          - accepted_values:
                              arguments: {values: [alice, bob]}
                              config: {severity: warn}
                      - name: amount
                        data_tests:
                          - not_null:
                              config: {where: "amount > 10"}
                          - positive_amount
                  - name: customers
                    columns:
                      - name: country
                        data_tests:
                          - accepted_values:
                              values: [FR]
                              config: {store_failures: true}
                          - accepted_values:
                              name: country_is_european
                              values: ['FR', 'DE', 'IT']
                          - unique:
                              config: {error_if: ">= 2", warn_if: ">= 1"}
                """);
        // a custom generic test, as dbt reads them from tests/generic
        TestingProjects.write(project.resolve("tests/generic/positive_amount.sql"), """
                {% test positive_amount(model, column_name) %}
                select * from {{ model }} where {{ column_name }} <= 0
                {% endtest %}
                """);
        TestingProjects.write(project.resolve("tests/no_order_before_2024.sql"),
                "select * from {{ ref('orders') }} where ordered_at < date '2024-01-01'\n");
    }

    private Sluice load() {
        return Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load();
    }

    private static NodeResult result(RunResult run, String name) {
        return run.results().stream().filter(r -> r.node().name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no result for " + name + " in " + run.results().stream()
                        .map(r -> r.node().name()).toList()));
    }

    @Test
    void testsPassWarnAndFailAsDbtJudgesThem() throws Exception {
        RunResult run;
        try (Sluice sluice = load()) {
            sluice.seed(Selection.all());
            run = sluice.test(Selection.all());
        }
        assertThat(result(run, "unique_orders_id").status()).isEqualTo(NodeStatus.PASS);
        assertThat(result(run, "not_null_orders_id").status()).isEqualTo(NodeStatus.PASS);
        assertThat(result(run, "relationships_orders_customer__name__ref_customers_").status()).isEqualTo(NodeStatus.PASS);
        // carol is not accepted: one value, one failing row of the grouped query; severity warn
        NodeResult accepted = result(run, "accepted_values_orders_customer__alice__bob");
        assertThat(accepted.status()).isEqualTo(NodeStatus.WARN);
        assertThat(accepted.rowsAffected()).isEqualTo(1);
        assertThat(accepted.message()).isEqualTo("Got 1 result, configured to warn if != 0");
        // DE (bob) breaks it: one row of the grouped query
        NodeResult fr = result(run, "accepted_values_customers_country__FR");
        assertThat(fr.status()).isEqualTo(NodeStatus.FAIL);
        assertThat(fr.message()).isEqualTo("Got 1 result, configured to fail if != 0");
        assertThat(result(run, "country_is_european").status()).isEqualTo(NodeStatus.PASS);
        // FR appears twice: one failing group; error_if >= 2 does not hold, warn_if >= 1 does
        NodeResult unique = result(run, "unique_customers_country");
        assertThat(unique.status()).isEqualTo(NodeStatus.WARN);
        assertThat(unique.message()).isEqualTo("Got 1 result, configured to warn if >= 1");
        assertThat(result(run, "not_null_orders_amount").status()).isEqualTo(NodeStatus.PASS);
        assertThat(result(run, "positive_amount_orders_amount").status()).isEqualTo(NodeStatus.PASS);
        assertThat(result(run, "no_order_before_2024").status()).isEqualTo(NodeStatus.PASS);
        assertThat(run.success()).isFalse();

        // store_failures kept the failing rows in <schema>_dbt_test__audit, named after the test
        List<List<Object>> stored = TestingDatabase.adapter().withConnection(c -> c.query("select value_field, n_records"
                + " from \"" + schema + "_dbt_test__audit\".\"accepted_values_customers_country__FR\"")).rows();
        assertThat(stored).containsExactly(List.of("DE", 1L));

        String runResults = TestingProjects.read(project.resolve("target/run_results.json"));
        assertThat(SchemaValidation.errors(SchemaValidation.RUN_RESULTS, runResults)).isEmpty();
        JsonNode results = new ObjectMapper().readTree(runResults).get("results");
        JsonNode failed = null;
        for (JsonNode r : results) {
            if (r.get("unique_id").asText().startsWith("test.shop.accepted_values_customers_country__FR.")) {
                failed = r;
            }
        }
        assertThat(failed.get("status").asText()).isEqualTo("fail");
        assertThat(failed.get("failures").asLong()).isEqualTo(1);
        String manifest = TestingProjects.read(project.resolve("target/manifest.json"));
        assertThat(SchemaValidation.errors(SchemaValidation.MANIFEST, manifest)).isEmpty();
        JsonNode node = new ObjectMapper().readTree(manifest).get("nodes").get(uniqueId(manifest, "unique_orders_id"));
        assertThat(node.get("test_metadata").get("kwargs").get("model").asText())
                .isEqualTo("{{ get_where_subquery(ref('orders')) }}");
        assertThat(node.get("attached_node").asText()).isEqualTo("seed.shop.orders");
    }

    @Test
    void whereAndLimitShapeTheFailingRows() {
        TestingProjects.write(project.resolve("tests/big_orders_exist.sql"), """
                {{ config(where="amount > 10", limit=1, fail_calc="sum(n)", error_if="> 5") }}
                select 3 as n from {{ ref('orders') }}
                """);
        RunResult run;
        try (Sluice sluice = load()) {
            sluice.seed(Selection.all());
            run = sluice.test(Selection.of("big_orders_exist", "not_null_orders_amount"));
        }
        // limit 1 keeps one row: sum(n) = 3, not over 5, but over the default warn_if != 0
        NodeResult big = result(run, "big_orders_exist");
        assertThat(big.status()).isEqualTo(NodeStatus.WARN);
        assertThat(big.rowsAffected()).isEqualTo(3);
        // the where config filters the tested relation: amounts over 10 only
        assertThat(TestingProjects.read(project.resolve(
                "target/compiled/shop/seeds/properties.yml/not_null_orders_amount.sql")))
                .contains("where amount > 10) dbt_subquery");
    }

    @Test
    void buildRunsAModelsTestsBeforeWhatIsBuiltFromItAndAFailureSkipsThat() {
        TestingProjects.write(project.resolve("tests/orders_are_free.sql"),
                "select * from {{ ref('orders') }} where amount > 0\n");
        RunResult run;
        try (Sluice sluice = load()) {
            run = sluice.build(Selection.all());
        }
        List<String> order = run.results().stream().map(r -> r.node().name()).toList();
        assertThat(result(run, "orders_are_free").status()).isEqualTo(NodeStatus.FAIL);
        // stg_orders reads orders, whose test failed: skipped, and what reads it too
        assertThat(result(run, "stg_orders").status()).isEqualTo(NodeStatus.SKIPPED);
        assertThat(result(run, "customer_totals").status()).isEqualTo(NodeStatus.SKIPPED);
        // customers' tests ran after customers and before nothing of orders was needed
        assertThat(order.indexOf("unique_customers_country")).isGreaterThan(order.indexOf("customers"));
        // payments has no failing test: its view was built
        assertThat(result(run, "stg_payments").status()).isEqualTo(NodeStatus.SUCCESS);
        assertThat(order.indexOf("stg_payments")).isGreaterThan(order.indexOf("payments"));
    }

    @Test
    void selectingAModelSelectsItsTestsAndExcludeRemovesOne() {
        List<String> names;
        try (Sluice sluice = load()) {
            names = sluice.list(Selection.of("customers").excluding("country_is_european")).stream()
                    .map(n -> n.name()).toList();
        }
        // eager indirect selection: the relationships test of orders reads customers too
        assertThat(names).containsExactlyInAnyOrder("customers", "accepted_values_customers_country__FR",
                "unique_customers_country", "relationships_orders_customer__name__ref_customers_");
    }

    private static String uniqueId(String manifest, String name) {
        try {
            JsonNode nodes = new ObjectMapper().readTree(manifest).get("nodes");
            for (var it = nodes.fieldNames(); it.hasNext(); ) {
                String id = it.next();
                if (id.startsWith("test.shop." + name + ".")) {
                    return id;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no test " + name);
    }
}
