package dev.sluice.core.internal.datatest;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The errors dbt raises for a malformed test entry, as messages that say what to write instead. */
final class TestErrors {
    private final String owner;
    private final Location where;

    TestErrors(String owner, Location where) {
        this.owner = owner;
        this.where = where;
    }

    SluiceException notATest(Object entry) {
        return fail("test.entry", null, "a test must be a test name or a mapping, not " + describe(entry),
                "write it as `- not_null` or `- accepted_values: {arguments: {values: [a, b]}}`");
    }

    SluiceException notOneKey(Map<?, ?> entry) {
        return fail("test.entry", null, "a test written as a mapping must have exactly one key, the test's name, "
                + "but this one has " + entry.size() + " (" + String.join(", ", entry.keySet().stream()
                .map(String::valueOf).toList()) + ")", "indent the test's arguments and config under its name "
                + "(`- accepted_values:` then `arguments: {values: [a, b]}` on the next line, indented), "
                + "or give its name as `test_name:`");
    }

    SluiceException argumentsNotMapping(String test, Object args) {
        return fail("test.arguments", test, "its arguments must be a mapping, not " + describe(args),
                args == null ? "write `- " + test + "` without the colon when the test takes no arguments"
                        : "write them as `- " + test + ": {arguments: {<name>: <value>}}`");
    }

    SluiceException nameNotString(Object name) {
        return fail("test.name", null, "its test_name must be a string, not " + describe(name),
                "write e.g. `test_name: accepted_values`");
    }

    SluiceException badName(String test) {
        return fail("test.name", test, "a test's name must be a test macro's name, optionally with its "
                + "package, such as not_null or dbt_utils.expression_is_true", "check the spelling");
    }

    SluiceException modelArgument(String test) {
        return fail("test.arguments", test, "'model' is a reserved argument: dbt passes the tested model itself",
                "remove the 'model' argument");
    }

    SluiceException configNotMapping(String test, Object config) {
        return fail("test.config", test, "its config must be a mapping, not " + describe(config),
                "write it as `config: {severity: warn}`");
    }

    SluiceException sameKey(String test, String key) {
        return fail("test.config", test, "'" + key + "' is given both at the top level and in its config",
                "keep it in config only");
    }

    /** A string property ({@code name}, {@code description}); null stays null unless required. */
    String string(String test, String property, Object value, boolean required) {
        if (value instanceof String s) {
            return s;
        }
        if (value == null && !required) {
            return null;
        }
        throw fail("test." + property, test, "its " + property + " must be a string, not " + describe(value),
                "write e.g. `" + property + ": " + (property.equals("name") ? "my_test_name" : "'Checks that ...'")
                        + "`");
    }

    /** dbt's tags(): one string is a one-tag list; anything else must be a list of strings. */
    List<String> tags(String test, Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> l) {
            List<String> tags = new ArrayList<>(l.size());
            for (Object tag : l) {
                if (!(tag instanceof String s)) {
                    throw tagsError(test, "each tag must be a string, not " + describe(tag));
                }
                tags.add(s);
            }
            return tags;
        }
        throw tagsError(test, "its tags must be a string or a list of strings, not " + describe(value));
    }

    private SluiceException tagsError(String test, String reason) {
        return fail("test.tags", test, reason, "write e.g. `config: {tags: [nightly]}`");
    }

    private SluiceException fail(String code, String test, String reason, String fix) {
        String what = test == null ? "a test" : "test '" + test + "'";
        return SluiceException.user(code, where, "Cannot read " + what + " of " + owner + " in " + where.file()
                + ": " + reason + "; " + fix);
    }

    private static String describe(Object v) {
        if (v == null) {
            return "an empty value";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        return "'" + v + "'";
    }
}
