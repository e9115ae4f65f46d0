package dev.sluice.core.internal.datatest;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generic test as a property file declares it, resolved as dbt resolves it (see
 * {@link GenericTests#read}).
 *
 * @param testName the generic test: {@code not_null}, {@code accepted_values}, {@code expression_is_true}
 * @param namespace the package prefix when written {@code dbt_utils.expression_is_true}, else null
 * @param kwargs the test's keyword arguments in dbt's order ({@code column_name} included when the
 *        test is on a column), without {@code model}; values exactly as written in YAML, unrendered
 * @param model the {@code model} argument dbt adds last: {@code {{ get_where_subquery(ref('orders')) }}}
 * @param config the configs given with the test (top-level config keys, then the {@code config:}
 *        block, then the {@code alias} dbt adds for a truncated name), in dbt's order, unrendered
 * @param name the node's name, also its fqn leaf and in its unique_id: the custom {@code name:}, or
 *        the synthesized name in full, however long
 * @param shortName the name of the test's file and its default alias: {@code name} unless dbt
 *        truncated it (64 characters or more) to 30 characters plus an md5
 * @param description the test's {@code description:}, "" when none
 * @param columnName the column the test is listed under (as passed in), or null for a model-level test
 * @param tags the test's own tags ({@code tags:} at the top level or in {@code config:})
 */
public record GenericTestSpec(String testName, String namespace, Map<String, Object> kwargs, String model,
        Map<String, Object> config, String name, String shortName, String description, String columnName,
        List<String> tags) {
    public GenericTestSpec {
        requireNonNull(testName, "testName is null");
        requireNonNull(kwargs, "kwargs is null");
        requireNonNull(model, "model is null");
        requireNonNull(config, "config is null");
        requireNonNull(name, "name is null");
        requireNonNull(shortName, "shortName is null");
        requireNonNull(description, "description is null");
        requireNonNull(tags, "tags is null");
        kwargs = frozenMap(kwargs);
        config = frozenMap(config);
        tags = List.copyOf(tags);
    }

    /** {@code test_metadata.kwargs} as dbt writes it: the kwargs, then {@code model}. */
    public Map<String, Object> testMetadataKwargs() {
        Map<String, Object> all = new LinkedHashMap<>(kwargs);
        all.put("model", model);
        return Collections.unmodifiableMap(all);
    }

    /** The macro dbt calls: {@code test_not_null}, or {@code dbt_utils.test_expression_is_true}. */
    public String macroName() {
        return namespace == null ? "test_" + testName : namespace + ".test_" + testName;
    }

    /** The node's {@code path}: the short name plus {@code .sql}. */
    public String path() {
        return shortName + ".sql";
    }

    /** A deep, unmodifiable, order-keeping copy; YAML values may be null, so no Map.copyOf. */
    private static Map<String, Object> frozenMap(Map<?, ?> m) {
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(String.valueOf(k), frozen(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object frozen(Object v) {
        if (v instanceof Map<?, ?> m) {
            return frozenMap(m);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(e -> copy.add(frozen(e)));
            return Collections.unmodifiableList(copy);
        }
        return v;
    }
}
