package dev.sluice.jinja.internal.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jinja.Environment;
import dev.sluice.jinja.TemplateRuntimeException;
import dev.sluice.jinja.TestingCallContext;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaFilter;
import dev.sluice.jinja.spi.JinjaTest;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Runs builtin calls written as rows {@code kind ¦ name ¦ value ¦ args ¦ mode ¦ expected}, where the
 * expected column is what CPython Jinja2 3.1 gave for the same call (the repr of the result,
 * {@code iter:[...]} for an iterator's items, or {@code !ErrorType: message}). Kinds: F filter,
 * T test, G global; modes: d default, s strict undefined, c chainable undefined, a autoescape.
 */
final class TestingBuiltinCases {
    private static final Environment DEFAULT = Environment.standard();
    private static final Environment STRICT = Environment.builder().undefined(UndefinedPolicy.STRICT).build();
    private static final Environment CHAINABLE = Environment.builder().undefined(UndefinedPolicy.CHAINABLE).build();

    private TestingBuiltinCases() {
    }

    /** One row per non-blank line of {@code block}. */
    static Stream<String> rows(String block) {
        return Arrays.stream(block.split("\n")).filter(l -> !l.isBlank());
    }

    /** Runs the call of {@code row} and checks it gives the expected column. */
    static void check(String row) {
        String[] f = row.split("¦", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("malformed row: " + row);
        }
        String kind = f[0].trim();
        String name = f[1].trim();
        String mode = f[4].trim();
        String expected = f[5].trim();
        assertThat(run(kind, name, f[2].trim(), f[3].trim(), mode)).as(row).isEqualTo(expected);
    }

    static String run(String kind, String name, String valueText, String argsText, String mode) {
        Environment env = switch (mode) {
            case "s" -> STRICT;
            case "c" -> CHAINABLE;
            default -> DEFAULT;
        };
        TestingCallContext ctx = new TestingCallContext(env, mode.equals("a"));
        UndefinedPolicy policy = env.undefinedPolicy();
        try {
            Arguments args = TestingLiterals.arguments(argsText, policy);
            Object result;
            switch (kind) {
                case "F" -> {
                    JinjaFilter filter = Builtins.filters().get(name);
                    result = filter.apply(ctx, TestingLiterals.value(valueText, policy), args);
                }
                case "T" -> {
                    JinjaTest test = Builtins.tests().get(name);
                    result = test.test(ctx, TestingLiterals.value(valueText, policy), args);
                }
                default -> result = ((JinjaCallable) Builtins.globals().get(name)).call(ctx, args);
            }
            if (result instanceof PyIterator) {
                return "iter:" + PyRepr.repr(PyOps.toList(result));
            }
            return PyRepr.repr(result);
        } catch (TemplateRuntimeException e) {
            return "!" + e.kind().pythonName() + ": " + e.reason().split("\n")[0];
        }
    }
}
