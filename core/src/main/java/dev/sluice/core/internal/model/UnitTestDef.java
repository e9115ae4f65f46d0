package dev.sluice.core.internal.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A unit test ({@code unit_tests:} in a property file): the model it tests, its mocked inputs and
 * expected rows, and its overrides; {@code node} is how it runs and is selected (resource type
 * unit_test, depending on the model).
 *
 * @param model the tested model's unique id
 * @param given the mocked inputs, rows normalized (csv parsed, fixture files read)
 * @param expect the expected output
 * @param overrides {@code macros}, {@code vars} and {@code env_vars} as written, or null
 */
public record UnitTestDef(Node node, String model, List<Fixture> given, Fixture expect, Map<String, Object> overrides,
        String checksum) {
    public UnitTestDef {
        requireNonNull(node, "node is null");
        requireNonNull(model, "model is null");
        given = List.copyOf(given);
        requireNonNull(expect, "expect is null");
    }

    /**
     * Rows of an input or of the expected output.
     *
     * @param input {@code ref('x')}, {@code source('s', 't')} or {@code this}; null for the expected output
     * @param inputId the unique id of the node {@code input} names (null for the expected output)
     * @param format dict, csv or sql
     * @param rows the rows (column name to value, null for SQL NULL) for dict and csv
     * @param sql the query for the sql format
     * @param fixture the fixture file's name, or null
     * @param writtenRows the rows as the property file wrote them (a list, a CSV string or SQL), for the manifest
     */
    public record Fixture(String input, String inputId, String format, List<Map<String, Object>> rows, String sql,
            String fixture, Object writtenRows) {
        public Fixture {
            requireNonNull(format, "format is null");
        }

        /** {@code this}: the tested model's own table, for incremental models. */
        public boolean isThis() {
            return "this".equals(input == null ? null : input.strip());
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> overridesOf(String kind) {
        Object v = overrides == null ? null : overrides.get(kind);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
