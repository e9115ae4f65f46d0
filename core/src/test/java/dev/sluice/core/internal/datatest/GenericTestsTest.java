package dev.sluice.core.internal.datatest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.yaml.YamlDoc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generic test entries resolved as dbt-core resolves them. Unique ids marked "real" were read from
 * manifests, run results and logs that dbt-core wrote for public projects (jaffle_shop, dbt-core's own
 * functional tests, balboa, billiam-database); the rest were computed with dbt's algorithm
 * (generic_test_builders / schema_generic_tests) for cases no public manifest shows.
 */
class GenericTestsTest {
    private static final Location WHERE = new Location("models/schema.yml", 12, 9);

    /** The value of one list entry written in YAML, as the property file reader hands it over. */
    private static Object yaml(String yaml) {
        return YamlDoc.parse("models/schema.yml", yaml).root();
    }

    private static GenericTestSpec column(String yaml, String model, String column) {
        return GenericTests.read(yaml(yaml), "model", model, null, column, WHERE);
    }

    @Nested
    class RealManifests {
        @ParameterizedTest
        @CsvSource({
            "unique,   customers,    customer_id, test.jaffle_shop.unique_customers_customer_id.c5af1ff4b1",
            "not_null, customers,    customer_id, test.jaffle_shop.not_null_customers_customer_id.5c9bf9911d",
            "not_null, orders,       amount,      test.jaffle_shop.not_null_orders_amount.106140f9fd",
            "unique,   stg_payments, payment_id,  test.jaffle_shop.unique_stg_payments_payment_id.3744510712",
        })
        void jaffleShopColumnTests(String test, String model, String column, String uniqueId) {
            GenericTestSpec spec = column(test, model, column);

            assertThat(GenericTests.uniqueId("jaffle_shop", spec)).isEqualTo(uniqueId);
            assertThat(spec.name()).isEqualTo(test + "_" + model + "_" + column).isEqualTo(spec.shortName());
            assertThat(spec.kwargs()).containsExactly(entry("column_name", column));
            assertThat(spec.testMetadataKwargs()).containsExactly(entry("column_name", column),
                    entry("model", "{{ get_where_subquery(ref('" + model + "')) }}"));
            assertThat(spec.config()).isEmpty();
            assertThat(GenericTests.rawCode(spec)).isEqualTo("{{ test_" + test + "(**_dbt_generic_test_kwargs) }}");
            assertThat(spec.path()).isEqualTo(spec.name() + ".sql");
        }

        @Test
        void dbtCoreFunctionalTests() {
            assertThat(GenericTests.uniqueId("test", column("not_null", "model", "id")))
                    .isEqualTo("test.test.not_null_model_id.d01cc630e6");
            assertThat(GenericTests.uniqueId("test", column("unique", "model", "id")))
                    .isEqualTo("test.test.unique_model_id.67b76558ff");
            assertThat(GenericTests.uniqueId("test", column("unique", "model_three", "id")))
                    .isEqualTo("test.test.unique_model_three_id.6776ac8160");
            assertThat(GenericTests.uniqueId("test", column("is_odd", "orders", "id")))
                    .isEqualTo("test.test.is_odd_orders_id.82834fdc5b");
        }

        @Test
        void longAcceptedValuesNameKeepsItsFullNameAndGetsAHashedAlias() {
            GenericTestSpec spec = column("""
                    accepted_values:
                      values: ['placed', 'shipped', 'completed', 'return_pending', 'returned']
                    """, "orders", "status");

            assertThat(spec.name())
                    .isEqualTo("accepted_values_orders_status__placed__shipped__completed__return_pending__returned");
            assertThat(GenericTests.uniqueId("jaffle_shop", spec)).isEqualTo("test.jaffle_shop."
                    + "accepted_values_orders_status__placed__shipped__completed__return_pending__returned.be6b5b5ec3");
            assertThat(spec.shortName()).isEqualTo("accepted_values_orders_1ce6ab157c285f7cd2ac656013faf758");
            assertThat(spec.config()).containsExactly(entry("alias", spec.shortName()));
            assertThat(spec.path()).isEqualTo("accepted_values_orders_1ce6ab157c285f7cd2ac656013faf758.sql");
            assertThat(GenericTests.rawCode(spec)).isEqualTo("{{ test_accepted_values(**_dbt_generic_test_kwargs) }}"
                    + "{{ config(alias=\"accepted_values_orders_1ce6ab157c285f7cd2ac656013faf758\") }}");
            assertThat(spec.kwargs()).containsExactly(
                    entry("values", List.of("placed", "shipped", "completed", "return_pending", "returned")),
                    entry("column_name", "status"));
        }

        @Test
        void stgPaymentsAcceptedValues() {
            GenericTestSpec spec = column("""
                    accepted_values:
                      values: ['credit_card', 'coupon', 'bank_transfer', 'gift_card']
                    """, "stg_payments", "payment_method");

            assertThat(GenericTests.uniqueId("jaffle_shop", spec)).isEqualTo("test.jaffle_shop.accepted_values_"
                    + "stg_payments_payment_method__credit_card__coupon__bank_transfer__gift_card.3c3820f278");
            assertThat(spec.shortName()).isEqualTo("accepted_values_stg_payments_c7909fb19b1f0177c2bf99c7912f06ef");
        }

        @Test
        void relationshipsKeepsTheRefAsAString() {
            GenericTestSpec spec = column("""
                    relationships:
                      to: ref('customers')
                      field: customer_id
                    """, "orders", "customer_id");

            assertThat(GenericTests.uniqueId("jaffle_shop", spec)).isEqualTo(
                    "test.jaffle_shop.relationships_orders_customer_id__customer_id__ref_customers_.c6ec7f58f2");
            assertThat(spec.kwargs()).containsExactly(entry("to", "ref('customers')"), entry("field", "customer_id"),
                    entry("column_name", "customer_id"));
        }

        @Test
        void configIsNotHashedAndDoubleQuotedRefIs() {
            // billiam-database, dbt 1.4.5: a where config, and ref("...") written with double quotes
            GenericTestSpec spec = column("""
                    relationships:
                      to: ref("stg__finances")
                      field: transaction_id
                      config:
                        where: "reimbursement_transaction_id IS NOT NULL"
                    """, "stg__finances", "reimbursement_transaction_id");

            assertThat(GenericTests.uniqueId("billiam_database", spec)).isEqualTo("test.billiam_database.relationships_"
                    + "stg__finances_reimbursement_transaction_id__transaction_id__ref_stg__finances_.ea59af76e0");
            assertThat(spec.shortName()).isEqualTo("relationships_stg__finances_4dbda710cfe374bcd725841f50604d92");
            assertThat(spec.config()).containsExactly(entry("where", "reimbursement_transaction_id IS NOT NULL"),
                    entry("alias", spec.shortName()));
            assertThat(spec.kwargs()).doesNotContainKey("config");
            assertThat(GenericTests.rawCode(spec)).isEqualTo("{{ test_relationships(**_dbt_generic_test_kwargs) }}"
                    + "{{ config(where=\"reimbursement_transaction_id IS NOT NULL\","
                    + "alias=\"relationships_stg__finances_4dbda710cfe374bcd725841f50604d92\") }}");
        }

        @Test
        void customConfigKeysAndSeverityInConfigBlock() {
            // dbt-core tests/functional/schema_tests: same id with and without configs
            GenericTestSpec custom = column("""
                    accepted_values:
                      values: ['blue', 'red']
                      config:
                        custom_config_key: some_value
                    """, "table", "color");
            GenericTestSpec mixed = column("""
                    accepted_values:
                      values: ['blue', 'red']
                      config:
                        custom_config_key: some_value
                        severity: warn
                    """, "table", "color");

            assertThat(GenericTests.uniqueId("test", custom))
                    .isEqualTo("test.test.accepted_values_table_color__blue__red.9482147132")
                    .isEqualTo(GenericTests.uniqueId("test", mixed));
            assertThat(custom.config()).containsExactly(entry("custom_config_key", "some_value"));
            assertThat(mixed.config()).containsExactly(entry("severity", "warn"), entry("custom_config_key", "some_value"));
        }

        @Test
        void namespacedModelLevelTestWithoutArguments() {
            GenericTestSpec spec = GenericTests.read(yaml("test.nothing"), "model", "model", null, null, WHERE);

            assertThat(spec.namespace()).isEqualTo("test");
            assertThat(spec.testName()).isEqualTo("nothing");
            assertThat(spec.name()).isEqualTo("test_nothing_model_");
            assertThat(GenericTests.uniqueId("test", spec)).isEqualTo("test.test.test_nothing_model_.5d38568946");
            assertThat(GenericTests.rawCode(spec)).isEqualTo("{{ test.test_nothing(**_dbt_generic_test_kwargs) }}");
            assertThat(spec.kwargs()).isEmpty();
            assertThat(spec.testMetadataKwargs()).containsExactly(entry("model", "{{ get_where_subquery(ref('model')) }}"));
            assertThat(spec.columnName()).isNull();
        }

        @Test
        void dbtUtilsTestWithAListArgumentIsTruncated() {
            // balboa: id from a dbt Cloud manifest, alias from the compiled test's relation
            GenericTestSpec spec = GenericTests.read(yaml("""
                    dbt_utils.unique_combination_of_columns:
                      combination_of_columns:
                        - country_code
                        - year
                    """), "model", "country_populations", null, null, WHERE);

            assertThat(GenericTests.uniqueId("balboa", spec)).isEqualTo("test.balboa.dbt_utils_unique_combination_of_"
                    + "columns_country_populations_country_code__year.f0f4e51143");
            assertThat(spec.shortName()).isEqualTo("dbt_utils_unique_combination_o_ccf7ac78693d777d133554a8bfe73c1e");
            assertThat(GenericTests.rawCode(spec)).isEqualTo(
                    "{{ dbt_utils.test_unique_combination_of_columns(**_dbt_generic_test_kwargs) }}"
                            + "{{ config(alias=\"dbt_utils_unique_combination_o_ccf7ac78693d777d133554a8bfe73c1e\") }}");
        }

        @Test
        void argumentsPropertyGivesTheSameTestAsTopLevelArguments() {
            // dbt_snowflake_transformation run_results, dbt 1.10: written either way, one unique_id
            String id = "test.dbt_snowflake_transformation.dbt_utils_unique_combination_of_columns_"
                    + "braze_cdi_attribute_sync_external_id__updated_at.eda18da0d2";
            GenericTestSpec flat = GenericTests.read(yaml("""
                    dbt_utils.unique_combination_of_columns:
                      combination_of_columns: [external_id, updated_at]
                    """), "model", "braze_cdi_attribute_sync", null, null, WHERE);
            GenericTestSpec nested = GenericTests.read(yaml("""
                    dbt_utils.unique_combination_of_columns:
                      arguments:
                        combination_of_columns: [external_id, updated_at]
                    """), "model", "braze_cdi_attribute_sync", null, null, WHERE);

            assertThat(GenericTests.uniqueId("dbt_snowflake_transformation", flat)).isEqualTo(id);
            assertThat(GenericTests.uniqueId("dbt_snowflake_transformation", nested)).isEqualTo(id);
            assertThat(nested.kwargs()).isEqualTo(flat.kwargs());
        }

        @Test
        void sourceTests() {
            GenericTestSpec seedSources = GenericTests.read("not_null", "source", "seed_sources", "raw_customers", "id",
                    WHERE);
            GenericTestSpec jaffle = GenericTests.read("not_null", "source", "jaffle_shop", "customers", "id", WHERE);

            assertThat(GenericTests.uniqueId("test", seedSources))
                    .isEqualTo("test.test.source_not_null_seed_sources_raw_customers_id.e39ee7bf0d");
            assertThat(seedSources.model()).isEqualTo("{{ get_where_subquery(source('seed_sources', 'raw_customers')) }}");
            assertThat(GenericTests.uniqueId("jaffle_shop", jaffle))
                    .isEqualTo("test.jaffle_shop.source_not_null_jaffle_shop_customers_id.50aa22178f");
        }
    }

    @Nested
    class DbtAlgorithm {
        @Test
        void argumentsFormOrdersKwargsAsDbtMergesThem() {
            GenericTestSpec spec = column("""
                    relationships:
                      arguments:
                        to: ref('customers')
                        field: customer_id
                    """, "orders", "customer_id");

            assertThat(spec.kwargs()).containsExactly(entry("column_name", "customer_id"),
                    entry("to", "ref('customers')"), entry("field", "customer_id"));
            assertThat(GenericTests.uniqueId("jaffle_shop", spec)).endsWith(".c6ec7f58f2");
        }

        @Test
        void nestedArgumentWinsOverTopLevelOneInItsPlace() {
            GenericTestSpec spec = column("""
                    accepted_values:
                      values: [a]
                      quote: true
                      arguments:
                        values: [b, c]
                    """, "orders", "status");

            assertThat(spec.kwargs()).containsExactly(entry("values", List.of("b", "c")), entry("quote", true),
                    entry("column_name", "status"));
        }

        @Test
        void customNameWithTestNameArgumentsAndConfig() {
            GenericTestSpec spec = column("""
                    name: unexpected_order_status_today
                    test_name: accepted_values
                    description: Statuses seen today
                    arguments:
                      values: [placed, shipped, completed, returned]
                    config:
                      where: "order_date = current_date"
                    """, "orders", "status");

            assertThat(spec.name()).isEqualTo("unexpected_order_status_today").isEqualTo(spec.shortName());
            assertThat(spec.description()).isEqualTo("Statuses seen today");
            assertThat(spec.config()).containsExactly(entry("where", "order_date = current_date"));
            assertThat(spec.kwargs()).containsExactly(entry("column_name", "status"),
                    entry("values", List.of("placed", "shipped", "completed", "returned")));
            assertThat(GenericTests.uniqueId("jaffle_shop", spec))
                    .isEqualTo("test.jaffle_shop.unexpected_order_status_today.48374bd7c5");
        }

        @Test
        void customNameIsNeverTruncated() {
            String longName = "a_custom_test_name_that_is_well_over_sixty_four_characters_long_really";
            GenericTestSpec spec = column("not_null: {name: " + longName + "}", "orders", "id");

            assertThat(spec.name()).isEqualTo(longName).isEqualTo(spec.shortName());
            assertThat(spec.config()).doesNotContainKey("alias");
        }

        @Test
        void valuesOfEveryYamlTypeAsPythonSpellsThem() {
            GenericTestSpec spec = column("""
                    accepted_values:
                      values: [a, 1, null, true, 1.5, [x, y], {z: v, k: 2}]
                      quote: false
                    """, "orders", "status");

            assertThat(spec.name())
                    .isEqualTo("accepted_values_orders_status__False__a__1__None__True__1_5___x_y____z_v_k_2_");
            assertThat(spec.shortName()).isEqualTo("accepted_values_orders_c31edbd382c8dc1317c78088f243374d");
            assertThat(GenericTests.uniqueId("p", spec)).endsWith(".8c42a5cc87");
        }

        @Test
        void singleQuoteInAValueIsHashedAsPythonReprsIt() {
            GenericTestSpec spec = column("""
                    accepted_values:
                      values: ["TSB", "Jaja", "Allica", "Sainsbury''s"]
                    """, "stg__daily_tracker", "company");

            assertThat(spec.name()).isEqualTo("accepted_values_stg__daily_tracker_company__TSB__Jaja__Allica__Sainsbury_s");
            assertThat(spec.shortName()).isEqualTo("accepted_values_stg__daily_tra_bfc4d193b4cfac1428dc74c24206eb71");
            assertThat(GenericTests.uniqueId("billiam_database", spec)).endsWith(".9489542842");
        }

        @Test
        void namespacedSourceTest() {
            GenericTestSpec spec = GenericTests.read(yaml("dbt_utils.expression_is_true: {expression: amount >= 0}"),
                    "source", "raw", "payments", null, WHERE);

            assertThat(spec.name()).isEqualTo("dbt_utils_source_expression_is_true_raw_payments_amount_0");
            assertThat(spec.shortName()).isEqualTo(spec.name());
            assertThat(GenericTests.uniqueId("shop", spec)).endsWith(".d5024fa679");
        }

        @Test
        void configKeysAtTheTopLevelComeFirstInDbtsOrder() {
            GenericTestSpec spec = column("""
                    expression_is_true:
                      expression: amount >= 0
                      where: "status = 'paid'"
                      severity: warn
                      config:
                        meta: {owner: finance}
                        tags: nightly
                        store_failures: true
                        sql_header: "set x = 1"
                    """, "orders", null);

            assertThat(spec.config().keySet())
                    .containsExactly("severity", "tags", "where", "store_failures", "meta", "sql_header");
            assertThat(spec.kwargs()).containsExactly(entry("expression", "amount >= 0"));
            assertThat(spec.tags()).containsExactly("nightly");
            assertThat(GenericTests.nodeTags(spec, List.of("pii", "a_column_tag", "nightly")))
                    .containsExactly("a_column_tag", "nightly", "pii");
            assertThat(GenericTests.rawCode(spec)).isEqualTo("{{ test_expression_is_true(**_dbt_generic_test_kwargs) }}"
                    + "{{ config(severity=\"warn\",tags=\"nightly\",where=\"status = 'paid'\",store_failures=True,"
                    + "meta={'owner': 'finance'},sql_header=\"set x = 1\") }}");
        }

        @Test
        void falsyTopLevelConfigGivesWayToTheConfigBlock() {
            GenericTestSpec withBlock = column("not_null: {enabled: false, config: {severity: warn}}", "orders", "id");
            GenericTestSpec withoutBlock = column("not_null: {enabled: false}", "orders", "id");
            GenericTestSpec overridden = column("not_null: {enabled: false, config: {enabled: true}}", "orders", "id");

            assertThat(withBlock.config()).containsExactly(entry("severity", "warn"));
            assertThat(withoutBlock.config()).containsExactly(entry("enabled", false));
            assertThat(overridden.config()).containsExactly(entry("enabled", true));
        }

        @Test
        void userAliasIsKeptForATruncatedName() {
            GenericTestSpec spec = column("""
                    accepted_values:
                      values: ['placed', 'shipped', 'completed', 'return_pending', 'returned']
                      config: {alias: status_values}
                    """, "orders", "status");

            assertThat(spec.config()).containsExactly(entry("alias", "status_values"));
            assertThat(spec.shortName()).isEqualTo("accepted_values_orders_1ce6ab157c285f7cd2ac656013faf758");
        }

        @Test
        void specIsImmutable() {
            GenericTestSpec spec = column("accepted_values: {values: [a]}", "orders", "status");

            assertThatThrownBy(() -> spec.kwargs().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> ((List<?>) spec.kwargs().get("values")).clear())
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "ref('customers')|{{ ref('customers') }}",
            "\"  source('raw', 'orders') \"|{{   source('raw', 'orders')  }}",
            "var ('statuses')|{{ var ('statuses') }}",
            "env_var('X')|{{ env_var('X') }}",
            "{{ var('statuses') }}|{{ var('statuses') }}",
            "amount > 0|amount > 0",
            "reference('x')|reference('x')",
        })
        void kwargTemplates(String value, String template) {
            assertThat(GenericTests.kwargTemplate(value)).isEqualTo(template);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "1e16|1e+16", "1e15|1000000000000000.0", "0.0001|0.0001", "0.00001|1e-05", "1.5|1.5", "2|2.0",
            "123456789.123|123456789.123", "5e-324|5e-324", "-0.0|-0.0", "-2.5e-7|-2.5e-07",
        })
        void floatsAsPython(double value, String python) {
            assertThat(PyText.repr(value)).isEqualTo(python);
        }

        @Test
        void pythonFloatReprIsShortest() {
            assertThat(PyText.repr(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        }

        @Test
        void stringsAsPython() {
            assertThat(PyText.repr("it's")).isEqualTo("\"it's\"");
            assertThat(PyText.repr("say \"hi\"")).isEqualTo("'say \"hi\"'");
            assertThat(PyText.repr("both ' \"")).isEqualTo("'both \\' \"'");
            assertThat(PyText.repr("tab\tnl\n\\ \u007f é \u00a0 \u2028")).isEqualTo("'tab\\tnl\\n\\\\ \\x7f é \\xa0 \\u2028'");
            assertThat(PyText.repr(Map.of("k", List.of(true, 1)))).isEqualTo("{'k': [True, 1]}");
        }
    }

    @Nested
    class Errors {
        @Test
        void entryThatIsAList() {
            assertThatThrownBy(() -> column("[unique, not_null]", "orders", "id"))
                    .isInstanceOfSatisfying(SluiceException.class, e -> {
                        assertThat(e.code()).isEqualTo("test.entry");
                        assertThat(e.location()).isEqualTo(WHERE);
                        assertThat(e.getMessage()).isEqualTo("models/schema.yml:12:9: Cannot read a test of column 'id' "
                                + "of model 'orders' in models/schema.yml: a test must be a test name or a mapping, "
                                + "not a list; write it as `- not_null` or `- accepted_values: {arguments: {values: "
                                + "[a, b]}}`");
                    });
        }

        @Test
        void argumentsNotIndentedUnderTheTestName() {
            assertThatThrownBy(() -> column("""
                    accepted_values:
                    values: [a, b]
                    """, "orders", "status"))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo("test.entry"))
                    .hasMessageContaining("exactly one key, the test's name, but this one has 2 (accepted_values, values)")
                    .hasMessageContaining("indent the test's arguments");
        }

        @Test
        void colonAfterATestWithoutArguments() {
            assertThatThrownBy(() -> column("unique:", "orders", "id"))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo("test.arguments"))
                    .hasMessage("models/schema.yml:12:9: Cannot read test 'unique' of column 'id' of model 'orders' in "
                            + "models/schema.yml: its arguments must be a mapping, not an empty value; write `- unique` "
                            + "without the colon when the test takes no arguments");
        }

        @Test
        void argumentsThatAreAList() {
            assertThatThrownBy(() -> column("accepted_values: [a, b]", "orders", "status"))
                    .hasMessageContaining("Cannot read test 'accepted_values' of column 'status' of model 'orders'")
                    .hasMessageContaining("its arguments must be a mapping, not a list");
            assertThatThrownBy(() -> column("accepted_values: {arguments: [a, b]}", "orders", "status"))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo("test.arguments"))
                    .hasMessageContaining("its arguments must be a mapping, not a list");
        }

        @Test
        void testNameThatIsNotAString() {
            assertThatThrownBy(() -> column("{name: x, test_name: [unique]}", "orders", "id"))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo("test.name"))
                    .hasMessageContaining("its test_name must be a string, not a list");
        }

        @Test
        void testNameThatIsNoMacroName() {
            assertThatThrownBy(() -> column("1st_check", "orders", "id"))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo("test.name"))
                    .hasMessageContaining("Cannot read test '1st_check'");
        }

        @Test
        void modelArgument() {
            assertThatThrownBy(() -> column("not_null: {model: orders}", "orders", "id"))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo("test.arguments"))
                    .hasMessageContaining("'model' is a reserved argument");
            assertThatThrownBy(() -> column("not_null: {arguments: {model: orders}}", "orders", "id"))
                    .hasMessageContaining("'model' is a reserved argument");
        }

        @Test
        void sameConfigAtTopLevelAndInConfig() {
            assertThatThrownBy(() -> column("""
                    accepted_values:
                      values: ['blue', 'red']
                      severity: warn
                      config:
                        severity: error
                    """, "table", "color"))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo("test.config"))
                    .hasMessageContaining("'severity' is given both at the top level and in its config");
        }

        @Test
        void badConfigTagsNameAndDescription() {
            assertThatThrownBy(() -> column("not_null: {config: [warn]}", "orders", "id"))
                    .hasMessageContaining("its config must be a mapping, not a list");
            assertThatThrownBy(() -> column("not_null: {tags: [1]}", "orders", "id"))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo("test.tags"))
                    .hasMessageContaining("each tag must be a string, not '1'");
            assertThatThrownBy(() -> column("not_null: {tags: {a: b}}", "orders", "id"))
                    .hasMessageContaining("its tags must be a string or a list of strings, not a mapping");
            assertThatThrownBy(() -> column("not_null: {name: }", "orders", "id"))
                    .hasMessageContaining("its name must be a string, not an empty value");
            assertThatThrownBy(() -> column("not_null: {description: [a]}", "orders", "id"))
                    .hasMessageContaining("its description must be a string, not a list");
        }

        @Test
        void sourceTableIsNamedInMessages() {
            assertThatThrownBy(() -> GenericTests.read(List.of(), "source", "raw", "orders", null, WHERE))
                    .hasMessageContaining("Cannot read a test of source table 'raw.orders' in models/schema.yml");
        }
    }
}
