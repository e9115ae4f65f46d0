package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt's selection beyond names and graph operators: state: and result: against another run's
 * artifacts, YAML selectors, indirect selection of tests, and the file:, config., test_type:,
 * test_name:, package: and exposure: methods. The project: seed raw_orders → stg_orders (tagged
 * nightly) → orders (a table) → exposure weekly; a relationships test from orders to stg_orders,
 * not_null tests on both, a singular test on orders.
 */
class SelectionIT {
    @TempDir
    Path dir;
    Path project;
    String schema;

    @BeforeEach
    void setUp() {
        project = dir.resolve("sel");
        schema = TestingDatabase.freshSchema("sel");
        TestingProjects.newProject(project, "sel", schema, """
                models:
                  sel:
                    staging:
                      +tags: [nightly]
                """);
        TestingProjects.write(project.resolve("seeds/raw_orders.csv"), "id,customer\n1,ada\n2,bob\n");
        TestingProjects.write(project.resolve("models/staging/stg_orders.sql"), "select * from {{ ref('raw_orders') }}\n");
        TestingProjects.write(project.resolve("models/marts/orders.sql"),
                "{{ config(materialized='table') }}\nselect id, customer from {{ ref('stg_orders') }}\n");
        TestingProjects.write(project.resolve("models/schema.yml"), """
                version: 2
                models:
                  - name: stg_orders
                    description: staged orders
                    columns:
                      - name: id
                        data_tests: [not_null]
                  - name: orders
                    columns:
                      - name: id
                        data_tests:
                          - not_null
                          - relationships: {to: "ref('stg_orders')", field: id}
                exposures:
                  - name: weekly
                    type: dashboard
                    owner: {name: ops}
                    depends_on: ["ref('orders')"]
                """);
        TestingProjects.write(project.resolve("tests/orders_have_customers.sql"),
                "select * from {{ ref('orders') }} where customer is null\n");
    }

    private Sluice open() {
        return Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load();
    }

    private List<String> names(Selection selection) {
        try (Sluice sluice = open()) {
            return sluice.list(selection).stream().map(SelectionIT::shortId).sorted().toList();
        }
    }

    /** "model.sel.orders" → "orders"; tests keep their dbt name. */
    private static String shortId(NodeInfo n) {
        return n.resourceType().dbtName() + ":" + n.name();
    }

    /** Compiles the project and keeps its target directory as another run's state. */
    private Path saveState(String name) {
        try (Sluice sluice = open()) {
            sluice.compile(Selection.all());
        }
        return TestingProjects.copyDirectory(project.resolve("target"), dir.resolve(name));
    }

    @Test
    void stateModifiedFindsChangedBodiesConfigsAndNewNodes() {
        Path state = saveState("prod");
        assertThat(names(Selection.of("state:modified").withState(state))).isEmpty();
        assertThat(names(Selection.of("state:unmodified").withState(state))).contains("model:orders", "seed:raw_orders");

        TestingProjects.write(project.resolve("models/marts/orders.sql"),
                "{{ config(materialized='table') }}\nselect id, customer, 1 as v from {{ ref('stg_orders') }}\n");
        TestingProjects.write(project.resolve("models/marts/customers.sql"), "select distinct customer from {{ ref('orders') }}\n");
        TestingProjects.write(project.resolve("dbt_project.yml"), TestingProjects.read(project.resolve("dbt_project.yml"))
                .replace("+tags: [nightly]", "+tags: [nightly]\n      +materialized: table"));

        assertThat(names(Selection.of("state:modified").withState(state).withIndirect(Selection.Indirect.EMPTY)))
                .containsExactly("model:customers", "model:orders", "model:stg_orders");
        assertThat(names(Selection.of("state:modified.body").withState(state).withIndirect(Selection.Indirect.EMPTY)))
                .containsExactly("model:customers", "model:orders");
        assertThat(names(Selection.of("state:modified.configs").withState(state).withIndirect(Selection.Indirect.EMPTY)))
                .containsExactly("model:customers", "model:stg_orders");
        assertThat(names(Selection.of("state:new").withState(state).withIndirect(Selection.Indirect.EMPTY))).containsExactly("model:customers");
        // the usual slim-CI selection: what changed and everything downstream, with their tests
        assertThat(names(Selection.of("state:modified.body+").withState(state).withIndirect(Selection.Indirect.EMPTY)))
                .containsExactly("exposure:weekly", "model:customers", "model:orders", "test:not_null_orders_id",
                        "test:orders_have_customers", "test:relationships_orders_id__id__ref_stg_orders_");
    }

    @Test
    void resultSelectsWhatFailedInTheOtherRun() {
        TestingProjects.write(project.resolve("models/marts/orders.sql"), "select id, no_such_column from {{ ref('stg_orders') }}\n");
        try (Sluice sluice = open()) {
            RunResult r = sluice.build(Selection.all());
            assertThat(r.results()).anyMatch(n -> n.node().uniqueId().equals("model.sel.orders") && n.status() == NodeStatus.ERROR);
        }
        Path state = TestingProjects.copyDirectory(project.resolve("target"), dir.resolve("last"));
        assertThat(names(Selection.of("result:error").withState(state).withIndirect(Selection.Indirect.EMPTY))).containsExactly("model:orders");
        assertThat(names(Selection.of("result:success").withState(state).withIndirect(Selection.Indirect.EMPTY)))
                .containsExactly("model:stg_orders", "seed:raw_orders");
        assertThat(names(Selection.of("result:error+").withState(state).withIndirect(Selection.Indirect.EMPTY)))
                .containsExactly("exposure:weekly", "model:orders", "test:not_null_orders_id", "test:orders_have_customers",
                        "test:relationships_orders_id__id__ref_stg_orders_");

        TestingProjects.write(project.resolve("models/marts/orders.sql"), "select id, customer from {{ ref('stg_orders') }}\n");
        try (Sluice sluice = open()) {
            RunResult retry = sluice.build(Selection.of("result:error+", "result:skipped+").withState(state));
            assertThat(retry.results()).allMatch(n -> n.status() == NodeStatus.SUCCESS || n.status() == NodeStatus.PASS)
                    .extracting(n -> n.node().uniqueId().replaceAll("\\.[0-9a-f]{10}$", "")).containsExactlyInAnyOrder(
                            "model.sel.orders", "test.sel.not_null_orders_id", "test.sel.relationships_orders_id__id__ref_stg_orders_",
                            "test.sel.orders_have_customers");
        }
    }

    @Test
    void resultAndStateNeedState() {
        assertThatThrownBy(() -> names(Selection.of("result:error"))).isInstanceOf(SluiceException.class)
                .hasMessageContaining("give --state DIR");
        assertThatThrownBy(() -> names(Selection.of("state:modified").withState(dir.resolve("nowhere"))))
                .isInstanceOf(SluiceException.class).hasMessageContaining("has no manifest.json");
    }

    @Test
    void yamlSelectorsWithUnionIntersectionExcludeAndDefault() {
        TestingProjects.write(project.resolve("selectors.yml"), """
                selectors:
                  - name: nightly_and_up
                    description: the nightly models and what they feed
                    definition:
                      method: tag
                      value: nightly
                      children: true
                  - name: marts_only
                    definition:
                      intersection:
                        - method: path
                          value: models/marts
                        - "resource_type:model"
                  - name: all_but_orders
                    default: true
                    definition:
                      union:
                        - "resource_type:model"
                        - "resource_type:seed"
                        - exclude: ["orders"]
                """);
        assertThat(names(Selection.all().withSelector("nightly_and_up").withIndirect(Selection.Indirect.EMPTY)))
                .containsExactly("exposure:weekly", "model:orders", "model:stg_orders", "test:not_null_orders_id",
                        "test:not_null_stg_orders_id", "test:orders_have_customers",
                        "test:relationships_orders_id__id__ref_stg_orders_");
        assertThat(names(Selection.all().withSelector("marts_only").withIndirect(Selection.Indirect.EMPTY)))
                .containsExactly("model:orders");
        // no --select: the default selector
        assertThat(names(Selection.all().withIndirect(Selection.Indirect.EMPTY)))
                .containsExactly("model:stg_orders", "seed:raw_orders");
        // --select overrides the default
        assertThat(names(Selection.of("orders").withIndirect(Selection.Indirect.EMPTY))).containsExactly("model:orders");
        assertThatThrownBy(() -> names(Selection.all().withSelector("nope"))).isInstanceOf(SluiceException.class)
                .hasMessageContaining("selectors.yml defines no such selector")
                .hasMessageContaining("nightly_and_up, marts_only, all_but_orders");
    }

    @Test
    void yamlSelectorsInTheDocumentedForms() {
        // the forms of dbt's YAML selectors page: CLI-style strings, key-value, full YAML with exclude, and
        // the selector method, in selectors.yml and in --select
        TestingProjects.write(project.resolve("selectors.yml"), """
                selectors:
                  - name: nightly
                    definition:
                      tag: nightly
                  - name: nightly_children
                    definition:
                      method: selector
                      value: nightly_and_down
                  - name: nightly_and_down
                    definition:
                      method: tag
                      value: nightly
                      children: true
                      exclude:
                        - resource_type:test
                        - method: exposure
                          value: weekly
                  - name: cli_style
                    definition: 'tag:nightly+ resource_type:seed,package:sel'
                  - name: loop
                    definition:
                      union:
                        - method: selector
                          value: loop
                """);
        Selection.Indirect none = Selection.Indirect.EMPTY;
        assertThat(names(Selection.all().withSelector("nightly").withIndirect(none))).containsExactly("model:stg_orders");
        assertThat(names(Selection.all().withSelector("nightly_children").withIndirect(none)))
                .containsExactly("model:orders", "model:stg_orders");
        assertThat(names(Selection.all().withSelector("cli_style").withIndirect(none))).contains("seed:raw_orders",
                "exposure:weekly", "model:orders");
        assertThat(names(Selection.of("selector:nightly", "raw_orders").withIndirect(none)))
                .containsExactly("model:stg_orders", "seed:raw_orders");
        assertThatThrownBy(() -> names(Selection.all().withSelector("loop"))).isInstanceOf(SluiceException.class)
                .hasMessageContaining("includes itself");
    }

    @Test
    void indirectSelectionModes() {
        List<String> eager = names(Selection.of("orders"));
        assertThat(eager).contains("test:orders_have_customers").anyMatch(n -> n.startsWith("test:relationships_orders_id"))
                .anyMatch(n -> n.startsWith("test:not_null_orders_id")).hasSize(4);
        // cautious: the relationships test also tests stg_orders, which is not selected
        List<String> cautious = names(Selection.of("orders").withIndirect(Selection.Indirect.CAUTIOUS));
        assertThat(cautious).hasSize(3).noneMatch(n -> n.startsWith("test:relationships"));
        // buildable: stg_orders is an ancestor of orders, so the relationships test comes along
        assertThat(names(Selection.of("orders").withIndirect(Selection.Indirect.BUILDABLE))).isEqualTo(eager);
        assertThat(names(Selection.of("orders").withIndirect(Selection.Indirect.EMPTY))).containsExactly("model:orders");
    }

    @Test
    void moreMethods() {
        assertThat(names(Selection.of("file:orders.sql"))).first().isEqualTo("model:orders");
        assertThat(names(Selection.of("file:orders").withIndirect(Selection.Indirect.EMPTY))).containsExactly("model:orders");
        assertThat(names(Selection.of("config.materialized:table").withIndirect(Selection.Indirect.EMPTY))).containsExactly("model:orders");
        assertThat(names(Selection.of("config.tags:nightly").withIndirect(Selection.Indirect.EMPTY)))
                .containsExactly("model:stg_orders");
        assertThat(names(Selection.of("test_type:singular"))).containsExactly("test:orders_have_customers");
        assertThat(names(Selection.of("test_type:generic"))).hasSize(3).allMatch(n -> n.startsWith("test:"));
        assertThat(names(Selection.of("test_name:not_null"))).hasSize(2);
        assertThat(names(Selection.of("exposure:weekly"))).containsExactly("exposure:weekly");
        assertThat(names(Selection.of("+exposure:weekly").withIndirect(Selection.Indirect.EMPTY)))
                .containsExactly("exposure:weekly", "model:orders", "model:stg_orders", "seed:raw_orders");
        assertThat(names(Selection.of("package:sel"))).hasSize(7).contains("model:orders", "seed:raw_orders");
        assertThat(names(Selection.of("package:sel,resource_type:seed"))).containsExactly("seed:raw_orders");
    }
}
