package dev.sluice.jinja.internal.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateRuntimeException;
import dev.sluice.jinja.TestingCallContext;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry, and the builtins whose results are random or stateful. */
class BuiltinsTest {
    private final TestingCallContext ctx = TestingCallContext.standard();

    @Test
    void hasEveryFilterTestAndGlobalOfJinja() {
        assertThat(Builtins.filters().keySet()).containsExactlyInAnyOrder(("abs attr batch capitalize center count d"
                + " default dictsort e escape filesizeformat first float forceescape format groupby indent int items"
                + " join last length list lower map max min pprint random reject rejectattr replace reverse round safe"
                + " select selectattr slice sort string striptags sum title tojson trim truncate unique upper urlencode"
                + " urlize wordcount wordwrap xmlattr").split(" "));
        assertThat(Builtins.tests().keySet()).containsExactlyInAnyOrder(("!= < <= == > >= boolean callable defined"
                + " divisibleby eq equalto escaped even false filter float ge greaterthan gt in integer iterable le"
                + " lessthan lower lt mapping ne none number odd sameas sequence string test true undefined upper")
                .split(" "));
        assertThat(Builtins.globals().keySet()).containsExactly("range", "dict", "lipsum", "cycler", "joiner",
                "namespace");
    }

    @Test
    void mapsAreBuiltOnceAndImmutable() {
        assertThat(Builtins.filters()).isSameAs(Builtins.filters());
        assertThatThrownBy(() -> Builtins.filters().put("x", null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Builtins.globals().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void globalsPrintLikeTheirPythonFunctionsAndClasses() {
        assertThat(PyRepr.str(Builtins.globals().get("dict"))).isEqualTo("<class 'dict'>");
        assertThat(PyRepr.str(Builtins.globals().get("cycler"))).isEqualTo("<class 'jinja2.utils.Cycler'>");
        assertThat(PyRepr.str(Builtins.globals().get("range"))).matches("<function safe_range at 0x[0-9a-f]+>");
    }

    private Object global(String name, Object... args) {
        return ((JinjaCallable) Builtins.globals().get(name)).call(ctx, Arguments.of(args));
    }

    private static Object call(Object method, Object... args) {
        return ((JinjaCallable) method).call(TestingCallContext.standard(), Arguments.of(args));
    }

    @Test
    void cyclerCyclesAndResets() {
        JinjaObject c = (JinjaObject) global("cycler", "a", "b");
        assertThat(c.attribute("current")).isEqualTo("a");
        assertThat(call(c.attribute("next"))).isEqualTo("a");
        assertThat(call(c.attribute("next"))).isEqualTo("b");
        assertThat(c.attribute("pos")).isEqualTo(0L);
        assertThat(call(c.attribute("next"))).isEqualTo("a");
        assertThat(call(c.attribute("reset"))).isNull();
        assertThat(c.attribute("current")).isEqualTo("a");
        assertThat(c.attribute("items")).isEqualTo(PyTuple.of("a", "b"));
        assertThat(c.attribute("_pos")).isSameAs(JinjaObject.ABSENT);
        assertThat(c.str()).matches("<jinja2.utils.Cycler object at 0x[0-9a-f]+>");
        assertThat(PyRepr.str(c.attribute("next"))).startsWith("<bound method Cycler.next of <jinja2.utils.Cycler");
    }

    @Test
    void cyclerNeedsAnItemAndNextTakesNoArgument() {
        assertThatThrownBy(() -> global("cycler")).isInstanceOf(TemplateRuntimeException.class)
                .hasMessageContaining("at least one item has to be provided");
        JinjaObject c = (JinjaObject) global("cycler", 1L);
        assertThatThrownBy(() -> call(c.attribute("next"), 1L))
                .hasMessageContaining("Cycler.next() takes 1 positional argument but 2 were given");
    }

    @Test
    void joinerGivesNothingFirstThenTheSeparator() {
        Object j = global("joiner", "|");
        assertThat(((JinjaObject) j).attribute("used")).isEqualTo(false);
        assertThat(call(j)).isEqualTo("");
        assertThat(call(j)).isEqualTo("|");
        assertThat(call(j)).isEqualTo("|");
        assertThat(((JinjaObject) j).attribute("used")).isEqualTo(true);
        assertThat(((JinjaObject) j).attribute("sep")).isEqualTo("|");
        assertThat(call(global("joiner"))).isEqualTo("");
        Object defaultJoiner = global("joiner");
        call(defaultJoiner);
        assertThat(call(defaultJoiner)).isEqualTo(", ");
        assertThat(PyRepr.str(j)).matches("<jinja2.utils.Joiner object at 0x[0-9a-f]+>");
    }

    @Test
    void namespaceHoldsItsArguments() {
        Object ns = ((JinjaCallable) Builtins.globals().get("namespace")).call(ctx,
                Arguments.of(List.of(Map.of("a", 1L)), Map.of("b", 2L)));
        assertThat(ns).isInstanceOf(Namespace.class);
        assertThat(((Namespace) ns).attribute("a")).isEqualTo(1L);
        assertThat(((Namespace) ns).attribute("b")).isEqualTo(2L);
        assertThat(PyRepr.str(ns)).isEqualTo("<Namespace {'a': 1, 'b': 2}>");
    }

    @Test
    void lipsumMakesHtmlParagraphsOfLoremWords() {
        Object html = global("lipsum");
        assertThat(html).isInstanceOf(Markup.class);
        String[] paragraphs = html.toString().split("\n");
        assertThat(paragraphs).hasSize(5).allMatch(p -> p.matches("<p>[A-Z][A-Za-z ,.]*\\.</p>"));
        Object text = global("lipsum", 2L, false, 5L, 6L);
        assertThat(text).isInstanceOf(String.class);
        String[] plain = text.toString().split("\n\n");
        assertThat(plain).hasSize(2);
        for (String p : plain) {
            assertThat(p.split(" ")).hasSize(5);
            assertThat(p).endsWith(".");
        }
    }

    @Test
    void randomPicksEveryItemEventually() {
        Set<Object> seen = new HashSet<>();
        List<Object> items = List.of(1L, 2L, 3L);
        for (int i = 0; i < 300; i++) {
            seen.add(Builtins.filters().get("random").apply(ctx, items, Arguments.EMPTY));
        }
        assertThat(seen).containsExactlyInAnyOrder(1L, 2L, 3L);
        Object c = Builtins.filters().get("random").apply(ctx, "héllo", Arguments.EMPTY);
        assertThat("héllo").contains(c.toString());
    }

    @Test
    void generatorsAreLazySingleUseAndPrintLikePython() {
        Object g = Builtins.filters().get("map").apply(ctx, List.of("a", "b"), Arguments.of("upper"));
        assertThat(PyRepr.str(g)).matches("<generator object sync_do_map at 0x[0-9a-f]+>");
        assertThat(PyOps.truthy(g)).isTrue();
        assertThatThrownBy(() -> PyOps.len(g)).hasMessageEndingWith("object of type 'generator' has no len()");
        assertThat(PyOps.toList(g)).containsExactly("A", "B");
        assertThat(PyOps.toList(g)).isEmpty();
        Object lazy = Builtins.filters().get("map").apply(ctx, List.of(1L), Arguments.of("nosuchfilter"));
        assertThatThrownBy(() -> PyOps.toList(lazy)).isInstanceOf(TemplateRuntimeException.class)
                .hasMessageContaining("No filter named 'nosuchfilter'.");
    }

    @Test
    void reverseOfAListIsAListReverseIterator() {
        Object r = Builtins.filters().get("reverse").apply(ctx, new ArrayList<>(List.of(1L, 2L)), Arguments.EMPTY);
        assertThat(PyRepr.str(r)).matches("<list_reverseiterator object at 0x[0-9a-f]+>");
        assertThat(PyOps.toList(r)).containsExactly(2L, 1L);
        Object t = Builtins.filters().get("reverse").apply(ctx, PyTuple.of(1L), Arguments.EMPTY);
        assertThat(PyRepr.str(t)).startsWith("<reversed object at 0x");
    }

    @Test
    void groupTuplesUnpackIndexAndNameTheirFields() {
        Object groups = Builtins.filters().get("groupby").apply(ctx,
                List.of(Map.of("k", "b"), Map.of("k", "a")), Arguments.of("k"));
        GroupTuple first = (GroupTuple) ((List<?>) groups).get(0);
        assertThat(first.attribute("grouper")).isEqualTo("a");
        assertThat(first.get(1)).isEqualTo(List.of(Map.of("k", "a")));
        assertThat(first).hasSize(2);
        assertThat(first.typeName()).isEqualTo("_GroupTuple");
        assertThat(first.equals(PyTuple.of("a", List.of(Map.of("k", "a"))))).isTrue();
        assertThat(PyRepr.repr(groups)).isEqualTo("[('a', [{'k': 'a'}]), ('b', [{'k': 'b'}])]");
    }

    @Test
    void errorsHaveJinjasKinds() {
        assertThatThrownBy(() -> Builtins.filters().get("round").apply(ctx, 1.5, Arguments.of(0L, "up")))
                .isInstanceOfSatisfying(TemplateRuntimeException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.FILTER_ARGUMENT));
        assertThatThrownBy(() -> global("range", 100_001L))
                .isInstanceOfSatisfying(TemplateRuntimeException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.OVERFLOW));
    }
}
