package dev.sluice.jinja.internal.py;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.jinja.Environment;
import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateRuntimeException;
import dev.sluice.jinja.TestingCallContext;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Undefined;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Formatting with undefined values and the sandbox, under each undefined policy. */
class FormatUndefinedTest {
    private static final Undefined MISSING = Undefined.name(UndefinedPolicy.DEFAULT, "x");
    private static final Undefined STRICT = Undefined.name(UndefinedPolicy.STRICT, "x");

    private static CallContext strictContext() {
        return new TestingCallContext(Environment.builder().undefined(UndefinedPolicy.STRICT).build(), false);
    }

    private static ErrorKind kindOf(Runnable r) {
        try {
            r.run();
        } catch (TemplateRuntimeException e) {
            return e.kind();
        }
        throw new AssertionError("no error");
    }

    @Test
    void percentWithUndefined() {
        assertThat(PyFormat.percent("%s|", MISSING)).isEqualTo("|");
        assertThat(PyFormat.percent("abc", MISSING)).isEqualTo("abc");
        assertThat(kindOf(() -> PyFormat.percent("%(a)s", MISSING))).isEqualTo(ErrorKind.UNDEFINED);
        assertThat(kindOf(() -> PyFormat.percent("%d", MISSING))).isEqualTo(ErrorKind.UNDEFINED);
        assertThat(kindOf(() -> PyFormat.percent("%s", STRICT))).isEqualTo(ErrorKind.UNDEFINED);
        assertThat(PyFormat.percent("%s|", PyTuple.of(MISSING))).isEqualTo("|");
    }

    @Test
    void formatValueWithUndefined() {
        assertThat(PyFormat.formatValue(MISSING, "")).isEmpty();
        assertThatThrownBy(() -> PyFormat.formatValue(MISSING, ">5"))
                .hasMessageContaining("unsupported format string passed to Undefined.__format__");
        assertThat(kindOf(() -> PyFormat.formatValue(STRICT, ""))).isEqualTo(ErrorKind.UNDEFINED);
    }

    @Test
    void strFormatWithUndefined() {
        CallContext ctx = TestingCallContext.standard();
        assertThat(PyFormat.format(ctx, "[{}]", Arguments.of(MISSING))).isEqualTo("[]");
        assertThat(PyFormat.format(ctx, "[{!r}]", Arguments.of(MISSING))).isEqualTo("[Undefined]");
        assertThat(kindOf(() -> PyFormat.format(ctx, "{}", Arguments.of(STRICT)))).isEqualTo(ErrorKind.UNDEFINED);
        assertThat(kindOf(() -> PyFormat.format(ctx, "{0.a.b}", Arguments.of(MISSING))))
                .isEqualTo(ErrorKind.UNDEFINED);
    }

    @Test
    void sandboxedAttributesInFormatStrings() {
        CallContext ctx = TestingCallContext.standard();
        assertThat(PyFormat.format(ctx, "[{0.__class__}]", Arguments.of(1L))).isEqualTo("[]");
        assertThat(PyFormat.format(ctx, "{0.__class__!r}", Arguments.of(1L))).isEqualTo("Undefined");
        assertThat(kindOf(() -> PyFormat.format(strictContext(), "{0.__class__}", Arguments.of(1L))))
                .isEqualTo(ErrorKind.SECURITY);
        assertThat(PyFormat.format(ctx, "{0.x}/{0[y]}", Arguments.of(Map.of("x", 1L, "y", 2L)))).isEqualTo("1/2");
        assertThat(PyFormat.format(ctx, "{0.upper}", Arguments.of("a"))).isEqualTo("<built-in method upper of str object>");
    }

    @Test
    void markupFormatEscapes() {
        CallContext ctx = TestingCallContext.standard();
        Markup m = PyFormat.formatMarkup(ctx, new Markup("<p>{}</p>{x}"),
                Arguments.of(java.util.List.of("<b>"), Map.of("x", new Markup("<i/>"))));
        assertThat(m.toString()).isEqualTo("<p>&lt;b&gt;</p><i/>");
        assertThat(PyFormat.formatMapMarkup(ctx, new Markup("{a}"), Map.of("a", "&")).toString()).isEqualTo("&amp;");
        assertThat(PyFormat.percent(new Markup("<%s>"), "&")).isEqualTo(new Markup("<&amp;>"));
    }

    @Test
    void nullContextUsesTheDefaultPolicy() {
        assertThat(PyFormat.format(null, "{0.__class__}|{0}", Arguments.of(1L))).isEqualTo("|1");
        assertThat(PyFormat.formatMap(null, "{a}", Map.of("a", 1L))).isEqualTo("1");
    }
}
