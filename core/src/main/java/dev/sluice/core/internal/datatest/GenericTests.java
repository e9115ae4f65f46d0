package dev.sluice.core.internal.datatest;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one entry of a {@code data_tests:} / {@code tests:} list into a {@link GenericTestSpec}
 * exactly as dbt-core 1.10 does (with {@code require_generic_test_arguments_property}, the default
 * since 1.10.8), and computes the node's {@code unique_id} and {@code raw_code}.
 *
 * <pre>{@code
 * GenericTestSpec t = GenericTests.read("unique", "model", "customers", null, "customer_id", where);
 * GenericTests.uniqueId("jaffle_shop", t); // test.jaffle_shop.unique_customers_customer_id.c5af1ff4b1
 * }</pre>
 *
 * <p>Nothing is rendered here. dbt renders string config values ({@code where}, {@code severity}, ...)
 * with the native Jinja renderer while parsing; kwargs stay as written until the test runs (see
 * {@link #kwargTemplate}).
 */
public final class GenericTests {
    /** Keys of a test entry that dbt takes as configs rather than arguments, in dbt's order. */
    static final List<String> CONFIG_KEYS = List.of("severity", "tags", "enabled", "where", "limit", "warn_if",
            "error_if", "fail_calc", "store_failures", "store_failures_as", "meta", "database", "schema", "alias");
    /** Matched at the start only, as re.match does: anything after the name is ignored. */
    private static final Pattern TEST_NAME = Pattern.compile(
            "(?:([a-zA-Z_][0-9a-zA-Z_]*)\\.)?([a-zA-Z_][0-9a-zA-Z_]*)");
    private static final Pattern LOOKS_LIKE_FUNCTION = Pattern.compile(
            "\\s*(env_var|ref|var|source|doc)\\s*\\(.+\\)\\s*", Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS);

    private GenericTests() {
    }

    /**
     * Reads one entry of a data_tests/tests list.
     *
     * @param entry the YAML value: {@code "unique"}, {@code {accepted_values: {arguments: {values: [...]}}}},
     *        {@code {relationships: {to: "ref('customers')", field: id}}}, or
     *        {@code {name: custom_name, test_name: ..., arguments: {...}, config: {...}}}
     * @param targetKind "model", "seed", "snapshot" or "source"
     * @param targetName the model, seed or snapshot name; for a source, the source's name
     * @param sourceTable the table's name for a source, else null
     * @param columnName the column when the list is under a column (quoted already when the column
     *        has {@code quote: true}, as dbt quotes it with the adapter), else null
     * @param where the file and line to blame in errors
     * @throws SluiceException (user) when the entry is not a test dbt would accept
     */
    public static GenericTestSpec read(Object entry, String targetKind, String targetName, String sourceTable,
            String columnName, Location where) {
        Target target = Target.of(targetKind, targetName, sourceTable);
        TestErrors errors = new TestErrors(target.describe(columnName), where);
        Map<?, ?> dict;
        if (entry instanceof String s) {
            dict = Map.of(s, Map.of());
        } else if (entry instanceof Map<?, ?> m) {
            dict = m;
        } else {
            throw errors.notATest(entry);
        }
        Object rawName;
        Object rawArgs;
        if (dict.containsKey("test_name")) {
            rawName = dict.get("test_name");
            Map<Object, Object> rest = new LinkedHashMap<>(dict);
            rest.remove("test_name");
            rawArgs = rest;
        } else if (dict.size() != 1) {
            throw errors.notOneKey(dict);
        } else {
            Map.Entry<?, ?> only = dict.entrySet().iterator().next();
            rawName = only.getKey();
            rawArgs = only.getValue();
        }
        if (!(rawArgs instanceof Map<?, ?> argMap)) {
            throw errors.argumentsNotMapping(String.valueOf(rawName), rawArgs);
        }
        if (!(rawName instanceof String written)) {
            throw errors.nameNotString(rawName);
        }
        Map<String, Object> args = copy(argMap);
        if (columnName != null) {
            args.put("column_name", columnName);
        }
        if (args.containsKey("arguments")) {
            Object arguments = args.remove("arguments");
            if (arguments instanceof Map<?, ?> m) {
                args.putAll(copy(m)); // an argument given both ways keeps its place with the nested value
            } else if (arguments != null) {
                throw errors.argumentsNotMapping(written, arguments);
            }
        }
        if (args.containsKey("model")) {
            throw errors.modelArgument(written);
        }
        Matcher m = TEST_NAME.matcher(written);
        if (!m.lookingAt()) {
            throw errors.badName(written);
        }
        String namespace = m.group(1);
        String testName = m.group(2);
        Map<String, Object> config = configs(args, errors, written);
        String description = errors.string(written, "description", args.remove("description"), false);
        String name;
        String shortName;
        if (args.containsKey("name")) {
            name = errors.string(written, "name", args.remove("name"), true);
            shortName = name;
        } else {
            String type = (target.isSource() ? "source_" : "") + testName;
            type = namespace == null ? type : namespace + "_" + type;
            String[] names = TestNames.synthesize(type, target.nameInTests(), args);
            shortName = names[0];
            name = names[1];
            if (!shortName.equals(name) && !config.containsKey("alias")) {
                config.put("alias", shortName);
            }
        }
        return new GenericTestSpec(testName, namespace, args, target.modelArgument(), config, name, shortName,
                description == null ? "" : description, columnName, errors.tags(written, config.get("tags")));
    }

    /**
     * dbt's unique_id: {@code test.<package>.<name>.<hash>}, the hash being the last 10 hex digits of
     * the md5 of the name followed by Python's repr of test_metadata ({@code namespace}, {@code name},
     * {@code kwargs} with {@code model}) with every mapping's keys sorted and every leaf made a string.
     * Configs, description and tags do not count.
     *
     * @param packageName the project whose property file declares the test (not the test's namespace)
     */
    public static String uniqueId(String packageName, GenericTestSpec spec) {
        return "test." + packageName + "." + spec.name() + "." + TestNames.hash(spec);
    }

    /**
     * The node's raw_code: {@code {{ test_not_null(**_dbt_generic_test_kwargs) }}}, then a
     * {@code {{ config(...) }}} call with the spec's configs when it has any. dbt renders string
     * configs before writing this, so pass a spec whose configs are rendered for dbt's exact text.
     */
    public static String rawCode(GenericTestSpec spec) {
        StringBuilder configs = new StringBuilder();
        spec.config().forEach((k, v) -> configs.append(configs.length() == 0 ? "" : ",").append(k).append('=')
                .append(v instanceof String s ? '"' + s.replace("\"", "\\\"") + '"' : PyText.str(v)));
        return "{{ " + spec.macroName() + "(**_dbt_generic_test_kwargs) }}"
                + (configs.length() == 0 ? "" : "{{ config(" + configs + ") }}");
    }

    /**
     * The node's tags: the test's own and those it inherits, deduplicated and sorted. A model's
     * column test inherits the column's tags (its {@code tags} and {@code config.tags}); a source's
     * test inherits the source's, the table's and, on a column, the column's.
     */
    public static List<String> nodeTags(GenericTestSpec spec, Collection<String> inherited) {
        TreeSet<String> all = new TreeSet<>(PyText.CODE_POINT_ORDER);
        all.addAll(inherited);
        all.addAll(spec.tags());
        return List.copyOf(all);
    }

    /**
     * What dbt renders for one string kwarg when the test runs, with the native renderer: a value that
     * looks like a call to {@code ref}, {@code source}, {@code var}, {@code env_var} or {@code doc} is
     * wrapped in {@code {{ }}}; any other string is rendered as it is (plain text stays text,
     * {@code "{{ var('statuses') }}"} becomes the var's value). Lists and mappings are walked and their
     * strings treated the same. The top-level {@code column_name} is never rendered.
     */
    public static String kwargTemplate(String value) {
        return LOOKS_LIKE_FUNCTION.matcher(value).matches() ? "{{ " + value + " }}" : value;
    }

    /** Pops config keys from {@code args} as dbt does: top-level keys first, then the config block. */
    private static Map<String, Object> configs(Map<String, Object> args, TestErrors errors, String test) {
        Map<String, Object> block = null;
        if (args.containsKey("config")) {
            if (!(args.get("config") instanceof Map<?, ?> m)) {
                throw errors.configNotMapping(test, args.get("config"));
            }
            block = copy(m);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        for (String key : CONFIG_KEYS) {
            Object value = args.remove(key);
            if (truthy(value) && block != null && block.containsKey(key)) {
                throw errors.sameKey(test, key);
            }
            if (!truthy(value) && block != null) {
                value = block.remove(key); // dbt's quirk: a falsy top-level value is replaced, even by nothing
            }
            if (value != null) {
                config.put(key, value);
            }
        }
        if (block != null) {
            args.remove("config");
            block.forEach((k, v) -> {
                if (v != null) {
                    config.put(k, v);
                }
            });
        }
        return config;
    }

    /** Python truthiness of a YAML value. */
    private static boolean truthy(Object v) {
        if (v == null || Boolean.FALSE.equals(v) || "".equals(v)) {
            return false;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return !(v instanceof List<?> l) || !l.isEmpty();
    }

    private static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), deepCopy(v)));
        return out;
    }

    private static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            return copy(m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(e -> out.add(deepCopy(e)));
            return out;
        }
        return v;
    }
}
