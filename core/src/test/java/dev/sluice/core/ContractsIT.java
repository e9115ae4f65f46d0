package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.artifacts.SchemaValidation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model contracts and constraints on real PostgreSQL: the preflight check of a model's columns
 * against its property file, tables created with the declared columns and constraints, and
 * failures (of the check or of a constraint) leaving the previous relation and its rows as they
 * were. Several cases follow the examples of dbt's contract and constraints pages.
 */
class ContractsIT {
    @TempDir
    Path dir;
    Path project;
    String schema;
    final List<SluiceEvent.Message> messages = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        project = dir.resolve("shop");
        schema = TestingDatabase.freshSchema("contract");
        projectFile("");
        TestingProjects.writeProfiles(project, "shop", TestingDatabase.targetConfig(schema));
    }

    private void projectFile(String models) {
        TestingProjects.write(project.resolve("dbt_project.yml"), """
                name: shop
                version: '1.0'
                config-version: 2
                profile: shop
                """ + models);
    }

    private void file(String path, String text) {
        TestingProjects.write(project.resolve(path), text);
    }

    private Sluice load() {
        return Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString()))
                .listener(e -> {
                    if (e instanceof SluiceEvent.Message m) {
                        messages.add(m);
                    }
                }).load();
    }

    private RunResult run() {
        try (Sluice sluice = load()) {
            return sluice.run(Selection.all());
        }
    }

    private NodeResult result(RunResult r, String name) {
        return r.results().stream().filter(x -> x.node().name().equals(name)).findFirst().orElseThrow();
    }

    private static List<List<Object>> query(String sql) {
        return TestingDatabase.adapter().withConnection(c -> c.query(sql)).rows();
    }

    private List<List<Object>> rows(String relation, String columns) {
        return query("select " + columns + " from \"" + schema + "\"." + relation + " order by 1");
    }

    /** name, type (as format_type spells it) and nullability of a relation's columns, in order. */
    private List<List<Object>> columns(String relation) {
        return query("select a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull from pg_attribute a"
                + " where a.attrelid = '\"" + schema + "\"." + relation + "'::regclass and a.attnum > 0 and not"
                + " a.attisdropped order by a.attnum");
    }

    /** name, type letter and definition of a table's constraints, by name. */
    private List<List<Object>> constraints(String relation) {
        return query("select conname::text, contype::text, pg_get_constraintdef(oid) from pg_constraint where conrelid"
                + " = '\"" + schema + "\"." + relation + "'::regclass order by conname");
    }

    private static final String DIM_CUSTOMERS_YML = """
            models:
              - name: dim_customers
                config:
                  materialized: table
                  contract:
                    enforced: true
                columns:
                  - name: customer_id
                    data_type: int
                    constraints:
                      - type: not_null
                  - name: customer_name
                    data_type: string
                  - name: non_integer
                    data_type: numeric(38,3)
            """;

    @Test
    void aMatchingContractBuildsTheTableWithTheDeclaredColumnsTypesAndOrder() {
        file("models/dim_customers.yml", DIM_CUSTOMERS_YML);
        // columns in another order than the contract's, and types the database reads otherwise
        file("models/dim_customers.sql", "select 'My Best Customer' as customer_name, 9.5 as non_integer,"
                + " 1::smallint as customer_id");
        RunResult r = run();
        assertThat(r.success()).as("%s", r.results()).isTrue();
        assertThat(result(r, "dim_customers").message()).isEqualTo("SELECT 1");
        assertThat(columns("dim_customers")).containsExactly(List.of("customer_id", "integer", true),
                List.of("customer_name", "text", false), List.of("non_integer", "numeric(38,3)", false));
        assertThat(rows("dim_customers", "customer_id, customer_name, non_integer::text"))
                .containsExactly(List.of(1, "My Best Customer", "9.500"));
        String ran = TestingProjects.read(project.resolve("target/run/shop/models/dim_customers.sql"));
        assertThat(ran).contains("\"" + schema + "\".\"dim_customers__dbt_tmp\" (\n    customer_id int not null,\n"
                + "    customer_name text,\n    non_integer numeric(38,3)\n);\n\ninsert into ")
                .contains("\"" + schema + "\".\"dim_customers__dbt_tmp\" (customer_id, customer_name, non_integer)\n"
                        + "select customer_id, customer_name, non_integer\nfrom (\nselect 'My Best Customer'")
                .startsWith("create table ");
    }

    @Test
    void theDocumentedMismatchFailsBeforeBuildingAndKeepsTheOldTable() {
        file("models/dim_customers.yml", DIM_CUSTOMERS_YML);
        file("models/dim_customers.sql", "select 7 as customer_id, 'Old' as customer_name, 1.5 as non_integer");
        assertThat(run().success()).isTrue();
        // dbt's contract page: a text customer_id against a contract declaring int
        file("models/dim_customers.sql", "select 'abc123' as customer_id, 'My Best Customer' as customer_name,"
                + " 2.5 as non_integer");
        NodeResult failed = result(run(), "dim_customers");
        assertThat(failed.status()).isEqualTo(NodeStatus.ERROR);
        assertThat(failed.message()).startsWith("models/dim_customers.sql: Cannot build model dim_customers: the columns"
                + " of its SQL do not match its enforced contract in models/dim_customers.yml\n")
                .contains("| customer_id | text        | integer          | data type mismatch |")
                .doesNotContain("customer_name |");
        assertThat(rows("dim_customers", "customer_id, customer_name")).containsExactly(List.of(7, "Old"));
    }

    @Test
    void columnsMissingOnEitherSideAreListedByName() {
        file("models/schema.yml", """
                models:
                  - name: orders
                    config: {materialized: table, contract: {enforced: true}}
                    columns:
                      - {name: id, data_type: integer}
                      - {name: amount, data_type: numeric}
                      - {name: placed_at, data_type: timestamp}
                """);
        file("models/orders.sql", "select 1 as id, 2.5 as amount, now() as placed_at");
        assertThat(run().success()).isFalse(); // timestamp against timestamp with time zone
        file("models/orders.sql", "select 1 as id, 'web' as channel, bigint '5' as amount");
        NodeResult failed = result(run(), "orders");
        assertThat(failed.message()).contains("""
                  | column    | type in SQL | type in contract | mismatch           |
                  | --------- | ----------- | ---------------- | ------------------ |
                  | amount    | bigint      | numeric          | data type mismatch |
                  | channel   | text        |                  | missing in YAML    |
                  | placed_at |             | timestamp        | missing in SQL     |
                """);
        assertThat(query("select count(*) from information_schema.tables where table_schema = '" + schema + "'"))
                .containsExactly(List.of(0L));
    }

    @Test
    void typesCompareByKindNotBySpellingSizeOrPrecision() {
        file("models/schema.yml", """
                models:
                  - name: kinds
                    config: {materialized: table, contract: {enforced: true}}
                    columns:
                      - {name: a, data_type: integer}
                      - {name: b, data_type: int4}
                      - {name: c, data_type: varchar(3)}
                      - {name: d, data_type: "numeric(10,2)"}
                      - {name: e, data_type: float}
                      - {name: f, data_type: "timestamp with time zone"}
                      - {name: g, data_type: "text[]"}
                """);
        file("models/kinds.sql", "select 1::smallint as a, 2 as b, 'xyz'::text as c, 3.14159 as d, 1.5::real as e,"
                + " now() as f, array['x', 'y'] as g");
        RunResult r = run();
        assertThat(r.success()).as("%s", r.results()).isTrue();
        assertThat(columns("kinds")).extracting(c -> c.get(1)).containsExactly("integer", "integer",
                "character varying(3)", "numeric(10,2)", "double precision", "timestamp with time zone", "text[]");
        assertThat(rows("kinds", "d::text")).containsExactly(List.of("3.14"));
        // a bigint is not an integer of the kind int4 is, as dbt-postgres reads them
        file("models/kinds.sql", "select 1::bigint as a, 2 as b, 'xyz'::text as c, 3.14159 as d, 1.5::real as e,"
                + " now() as f, array['x', 'y'] as g");
        assertThat(result(run(), "kinds").message()).contains("| a      | bigint      | integer          |"
                + " data type mismatch |");
    }

    @Test
    void aliasTypesFalseLeavesStringAsWrittenAndAnUnknownTypeIsNamed() {
        file("models/schema.yml", """
                models:
                  - name: named
                    config: {materialized: table, contract: {enforced: true, alias_types: false}}
                    columns:
                      - {name: id, data_type: integer}
                      - {name: label, data_type: string}
                """);
        file("models/named.sql", "select 1 as id, 'x' as label");
        NodeResult failed = result(run(), "named");
        assertThat(failed.message()).startsWith("models/schema.yml: Cannot check the contract of model named: data_type"
                + " 'string' of column label is not a type the database accepts (SQLSTATE 42704");
    }

    @Test
    void aColumnWithoutDataTypeFailsTheModel() {
        file("models/schema.yml", """
                models:
                  - name: untyped
                    config: {materialized: table, contract: {enforced: true}}
                    columns:
                      - {name: id, data_type: integer}
                      - {name: color}
                """);
        file("models/untyped.sql", "select 1 as id, 'blue' as color");
        assertThat(result(run(), "untyped").message()).isEqualTo("models/schema.yml: Cannot check the contract of"
                + " model untyped: column color has no data_type; an enforced contract declares the name and"
                + " data_type of every column");
    }

    private static final String CONSTRAINED_YML = """
            models:
              - name: constraints_example
                config:
                  materialized: table
                  contract:
                    enforced: true
                columns:
                  - name: id
                    data_type: int
                    constraints:
                      - type: not_null
                      - type: primary_key
                      - type: check
                        expression: "id > 0"
                  - name: customer_name
                    data_type: text
                  - name: first_transaction_date
                    data_type: date
            """;

    @Test
    void thePostgresConstraintsExampleBuildsAndEachViolationKeepsTheOldTableAndRows() {
        file("models/schema.yml", CONSTRAINED_YML);
        file("models/constraints_example.sql", "select 1 as id, 'My Favorite Customer' as customer_name,"
                + " cast('2019-01-01' as date) as first_transaction_date");
        assertThat(run().success()).isTrue();
        assertThat(constraints("constraints_example")).extracting(c -> c.get(1) + " " + c.get(2))
                .containsExactlyInAnyOrder("c CHECK ((id > 0))", "p PRIMARY KEY (id)");
        assertThat(columns("constraints_example").get(0)).isEqualTo(List.of("id", "integer", true));

        for (String bad : List.of("select null::int as id", "select -1 as id", "select 1 as id union all select 1")) {
            file("models/constraints_example.sql", "select id, 'Someone' as customer_name, current_date as"
                    + " first_transaction_date from (" + bad + ") as t");
            NodeResult failed = result(run(), "constraints_example");
            assertThat(failed.status()).as(bad).isEqualTo(NodeStatus.ERROR);
            assertThat(failed.message()).as(bad).startsWith("models/constraints_example.sql: Database error in model"
                    + " constraints_example (SQLSTATE 23").endsWith("(a row breaks a constraint of its enforced contract"
                    + " in models/schema.yml)");
            assertThat(rows("constraints_example", "id, customer_name")).as(bad)
                    .containsExactly(List.of(1, "My Favorite Customer"));
        }
        assertThat(query("select count(*) from information_schema.tables where table_schema = '" + schema + "'"))
                .containsExactly(List.of(1L)); // no temporary or backup table left behind
    }

    @Test
    void modelLevelAndNamedConstraintsSurviveRebuilds() {
        file("models/schema.yml", """
                models:
                  - name: pairs
                    config: {materialized: table, contract: {enforced: true}}
                    constraints:
                      - type: primary_key
                        name: pairs_pk
                        columns: [a, b]
                      - type: check
                        name: pairs_ordered
                        columns: [a, b]
                        expression: "a < b"
                      - type: unique
                        columns: [label]
                    columns:
                      - name: a
                        data_type: int
                      - name: b
                        data_type: int
                      - name: label
                        data_type: text
                        constraints:
                          - type: check
                            name: label_short
                            expression: "length(label) < 10"
                """);
        file("models/pairs.sql", "select 1 as a, 2 as b, 'one' as label union all select 1, 3, 'two'");
        for (int i = 0; i < 3; i++) { // the named primary key's index name is taken again on each rebuild
            RunResult r = run();
            assertThat(r.success()).as("run %d: %s", i, r.results()).isTrue();
        }
        assertThat(constraints("pairs")).extracting(c -> c.get(0) + " " + c.get(2)).contains(
                "pairs_pk PRIMARY KEY (a, b)", "pairs_ordered CHECK ((a < b))", "label_short CHECK ((length(label) < 10))");
        assertThat(constraints("pairs")).extracting(c -> (String) c.get(2)).contains("UNIQUE (label)");
        file("models/pairs.sql", "select 1 as a, 2 as b, 'one' as label union all select 1, 2, 'two'");
        NodeResult failed = result(run(), "pairs");
        assertThat(failed.message()).contains("SQLSTATE 23505").contains("pairs_pk");
        assertThat(rows("pairs", "a, b")).containsExactly(List.of(1, 2), List.of(1, 3));
        file("models/pairs.sql", "select 1 as a, 2 as b, 'a long label indeed' as label");
        assertThat(result(run(), "pairs").message()).contains("SQLSTATE 23514").contains("label_short");
        assertThat(constraints("pairs")).extracting(c -> (String) c.get(0)).contains("pairs_pk", "label_short");
    }

    @Test
    void foreignKeysReferenceTheRefdModelWhichBuildsFirst() {
        file("models/schema.yml", """
                models:
                  - name: customers
                    config: {materialized: table, contract: {enforced: true}}
                    columns:
                      - name: id
                        data_type: int
                        constraints: [{type: primary_key}]
                  - name: orders
                    config: {materialized: table, contract: {enforced: true}}
                    columns:
                      - name: order_id
                        data_type: int
                      - name: customer_id
                        data_type: int
                        constraints:
                          - type: foreign_key
                            to: ref('customers')
                            to_columns: [id]
                  - name: returns
                    config: {materialized: table, contract: {enforced: true}}
                    constraints:
                      - type: foreign_key
                        name: returns_customer
                        columns: [customer_id]
                        expression: "{{ target.schema }}.customers (id)"
                    columns:
                      - {name: customer_id, data_type: int}
                """);
        file("models/customers.sql", "select 1 as id union all select 2");
        file("models/orders.sql", "select 10 as order_id, 2 as customer_id");
        // a foreign key written as an expression names no dependency: the model declares it
        file("models/returns.sql", "-- depends_on: {{ ref('customers') }}\nselect 1 as customer_id");
        RunResult r = run();
        assertThat(r.success()).as("%s", r.results()).isTrue();
        assertThat(r.results().get(0).node().name()).isEqualTo("customers");
        assertThat(constraints("orders")).extracting(c -> (String) c.get(2))
                .containsExactly("FOREIGN KEY (customer_id) REFERENCES " + schema + ".customers(id)");
        assertThat(constraints("returns")).extracting(c -> c.get(0) + " " + c.get(2))
                .containsExactly("returns_customer FOREIGN KEY (customer_id) REFERENCES " + schema
                        + ".customers(id)");
        String manifest = TestingProjects.read(project.resolve("target/manifest.json"));
        assertThat(manifest).contains("\"refs\": [{\"name\": \"customers\", \"package\": null, \"version\": null}],"
                + " \"sources\": [], \"metrics\": [], \"depends_on\": {\"macros\": [], \"nodes\": [\"model.shop.customers\"]}")
                .contains("\"to\": \"ref('customers')\", \"to_columns\": [\"id\"]");

        file("models/orders.sql", "select 11 as order_id, 3 as customer_id");
        NodeResult failed = result(run(), "orders");
        assertThat(failed.message()).contains("SQLSTATE 23503");
        assertThat(rows("orders", "order_id, customer_id")).containsExactly(List.of(10, 2));
    }

    @Test
    void aViewChecksItsColumnsButHoldsNoConstraints() {
        file("models/schema.yml", """
                models:
                  - name: v_customers
                    config: {materialized: view, contract: {enforced: true}}
                    columns:
                      - name: id
                        data_type: int
                        constraints: [{type: not_null}]
                      - name: name
                        data_type: text
                """);
        file("models/v_customers.sql", "select 1 as id, 'Ann' as name");
        assertThat(run().success()).isTrue();
        assertThat(messages).extracting(SluiceEvent.Message::text).contains("Model v_customers declares constraints,"
                + " which a view cannot hold: they are not applied (set warn_unsupported: false on them to silence this)");
        assertThat(rows("v_customers", "id, name")).containsExactly(List.of(1, "Ann"));
        file("models/v_customers.sql", "select 1 as id, 2 as name");
        NodeResult failed = result(run(), "v_customers");
        assertThat(failed.message()).contains("| name   | integer     | text             | data type mismatch |");
        assertThat(rows("v_customers", "id, name")).containsExactly(List.of(1, "Ann"));
    }

    @Test
    void anIncrementalModelCreatesItsTableUnderTheContractThenInsertsThroughItsConstraints() {
        file("models/schema.yml", """
                models:
                  - name: events
                    config:
                      materialized: incremental
                      on_schema_change: append_new_columns
                      contract: {enforced: true}
                    columns:
                      - name: id
                        data_type: bigint
                        constraints: [{type: not_null}, {type: unique}]
                      - name: kind
                        data_type: varchar(10)
                """);
        file("models/events.sql", "select id::bigint as id, 'click' as kind from generate_series(1, 3) as id\n"
                + "{% if is_incremental() %}where id > (select max(id) from {{ this }}) {% endif %}");
        assertThat(run().success()).isTrue();
        assertThat(columns("events")).containsExactly(List.of("id", "bigint", true),
                List.of("kind", "character varying(10)", false));
        file("models/events.sql", "select id::bigint as id, 'view' as kind from generate_series(1, 5) as id\n"
                + "{% if is_incremental() %}where id > (select max(id) from {{ this }}) {% endif %}");
        RunResult second = run();
        assertThat(result(second, "events").message()).isEqualTo("INSERT 0 2");
        // a duplicate id breaks the unique constraint: the insert fails and the rows stay
        file("models/events.sql", "select 5::bigint as id, 'dup' as kind");
        NodeResult failed = result(run(), "events");
        assertThat(failed.message()).contains("SQLSTATE 23505");
        assertThat(rows("events", "id, kind")).hasSize(5);
        // the contract is still checked on every incremental run
        file("models/events.sql", "select 6 as id, 'x' as kind");
        assertThat(result(run(), "events").message()).contains("| id     | integer     | bigint           |"
                + " data type mismatch |");
    }

    @Test
    void anIncrementalContractNeedsOnSchemaChangeThatKeepsTheColumns() {
        file("models/schema.yml", """
                models:
                  - name: events
                    config: {materialized: incremental, contract: {enforced: true}}
                    columns: [{name: id, data_type: int}]
                """);
        file("models/events.sql", "select 1 as id");
        assertThatThrownBy(this::load).isInstanceOf(SluiceException.class).hasMessage("models/events.sql: Cannot"
                + " enforce the contract of incremental model events with on_schema_change 'ignore': set"
                + " on_schema_change to 'append_new_columns' or 'fail', so the table keeps the declared columns");
    }

    @Test
    void theContractCanBeEnforcedFromTheProjectFile() {
        projectFile("""
                models:
                  shop:
                    marts:
                      +materialized: table
                      +contract:
                        enforced: true
                """);
        file("models/marts/schema.yml", """
                models:
                  - name: totals
                    columns:
                      - {name: id, data_type: integer, constraints: [{type: not_null}]}
                      - {name: total, data_type: numeric}
                """);
        file("models/marts/totals.sql", "select 1 as id, 2 as total");
        NodeResult failed = result(run(), "totals");
        assertThat(failed.message()).contains("| total  | integer     | numeric          | data type mismatch |");
        file("models/marts/totals.sql", "select 1 as id, 2.0 as total");
        assertThat(run().success()).isTrue();
        assertThat(columns("totals").get(0)).isEqualTo(List.of("id", "integer", true));
        String manifest = TestingProjects.read(project.resolve("target/manifest.json"));
        assertThat(SchemaValidation.errors(SchemaValidation.MANIFEST, manifest)).isEmpty();
        assertThat(manifest).contains("\"contract\": {\"enforced\": true, \"alias_types\": true, \"checksum\": \"");
    }

    @Test
    void ephemeralModelsCannotEnforceAContract() {
        file("models/schema.yml", """
                models:
                  - name: eph
                    config: {materialized: ephemeral, contract: {enforced: true}}
                    columns: [{name: id, data_type: int}]
                """);
        file("models/eph.sql", "select 1 as id");
        assertThatThrownBy(this::load).isInstanceOf(SluiceException.class).hasMessageStartingWith("models/eph.sql:"
                + " Cannot enforce the contract of model eph: ephemeral models build no relation to hold it");
    }

    @Test
    void anEnforcedContractWithoutColumnsIsAnError() {
        file("models/schema.yml", """
                models:
                  - name: bare
                    config: {materialized: table, contract: {enforced: true}}
                """);
        file("models/bare.sql", "select 1 as id");
        assertThatThrownBy(this::load).isInstanceOf(SluiceException.class).hasMessageStartingWith("models/schema.yml:2:")
                .hasMessageContaining("Cannot enforce the contract of model bare (models/bare.sql): declare its columns");
    }

    @Test
    void constraintsInPropertyFilesAreCheckedWhenTheProjectLoads() {
        file("models/m.sql", "select 1 as id, 2 as other");
        file("models/schema.yml", """
                models:
                  - name: m
                    config: {materialized: table, contract: {enforced: true}}
                    columns:
                      - name: id
                        data_type: int
                        constraints:
                          - type: not_nul
                """);
        assertThatThrownBy(this::load).hasMessage("models/schema.yml:8:13: Cannot read a constraint of column 'id' of"
                + " 'm': its type must be one of check, not_null, unique, primary_key, foreign_key, custom (not"
                + " 'not_nul')");
        file("models/schema.yml", """
                models:
                  - name: m
                    config: {materialized: table, contract: {enforced: true}}
                    columns:
                      - {name: id, data_type: int, constraints: [{type: primary_key}]}
                      - {name: other, data_type: int, constraints: [{type: primary_key}]}
                """);
        assertThatThrownBy(this::load).hasMessage("models/schema.yml:2:5: Cannot read the constraints of model m:"
                + " columns id, other each declare a primary key; declare one primary key at the model level with"
                + " columns: [id, other]");
        file("models/schema.yml", """
                models:
                  - name: m
                    config: {materialized: table, contract: {enforced: true}}
                    columns:
                      - name: id
                        data_type: int
                        constraints:
                          - {type: foreign_key, to: ref('customer'), to_columns: [id]}
                      - {name: other, data_type: int}
                """);
        assertThatThrownBy(this::load).hasMessageStartingWith("models/schema.yml:8:13: Cannot resolve the foreign key"
                + " of model m to ref('customer'): no model, seed or snapshot named 'customer' exists");
    }

    @Test
    void constraintsDbtWouldDropSilentlyAreNamedAndQuotedColumnsKeepTheirCase() {
        file("models/schema.yml", """
                models:
                  - name: m
                    config: {materialized: table, contract: {enforced: true}}
                    constraints:
                      - {type: not_null, columns: [CustomerID]}
                    columns:
                      - name: CustomerID
                        quote: true
                        data_type: int
                        constraints: [{type: check}, {type: not_null}]
                """);
        file("models/m.sql", "select 1 as \"CustomerID\"");
        RunResult r = run();
        assertThat(r.success()).as("%s", r.results()).isTrue();
        assertThat(messages).extracting(SluiceEvent.Message::text).contains(
                "Ignoring the check constraint on column CustomerID of model m: it has no expression",
                "Ignoring the not_null constraint on the model of model m: not_null is a column constraint: declare it"
                        + " on each column");
        assertThat(columns("m")).containsExactly(List.of("CustomerID", "integer", true));
        assertThat(constraints("m")).extracting(c -> (String) c.get(1)).doesNotContain("c");
    }
}
