package dev.sluice.jinja.internal.py;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateRuntimeException;
import dev.sluice.jinja.TestingCallContext;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.PyTuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Methods on collections a host passed in: unmodifiable ones, Integer elements, key functions. */
class HostCollectionsTest {
    private final CallContext ctx = TestingCallContext.standard();

    private Object call(Object self, String name, Object... args) {
        return PyMethods.call(ctx, self, name, Arguments.of(args));
    }

    @Test
    void changingAnUnmodifiableListIsATypeError() {
        List<Object> l = List.of(1, 2);
        for (String[] m : new String[][] {{"append", "1"}, {"clear"}, {"pop"}, {"reverse"}, {"sort"}, {"remove", "1"}}) {
            Object[] args = m.length > 1 ? new Object[] {1} : new Object[0];
            assertThatThrownBy(() -> call(l, m[0], args))
                    .isInstanceOf(TemplateRuntimeException.class)
                    .satisfies(e -> assertThat(((TemplateRuntimeException) e).kind()).isEqualTo(ErrorKind.TYPE))
                    .hasMessageContaining("read-only");
        }
        assertThat(l).containsExactly(1, 2);
    }

    @Test
    void readingAnUnmodifiableListWorks() {
        List<Object> l = List.of(3, 1, 2);
        assertThat(call(l, "count", 1L)).isEqualTo(1L);
        assertThat(call(l, "index", 2L)).isEqualTo(2L);
        assertThat(call(l, "copy")).isEqualTo(List.of(3, 1, 2)).isInstanceOf(ArrayList.class);
    }

    @Test
    void changingAnUnmodifiableDictOrSetIsATypeError() {
        assertThatThrownBy(() -> call(Map.of("a", 1), "update", Map.of("b", 2)))
                .hasMessageContaining("Cannot set a key of dict: it is read-only");
        assertThatThrownBy(() -> call(Map.of("a", 1), "pop", "a")).hasMessageContaining("read-only");
        assertThatThrownBy(() -> call(Set.of(1L), "add", 2L)).hasMessageContaining("Cannot add to set");
    }

    @Test
    void sortUsesAKeyFunction() {
        List<Object> l = new ArrayList<>(List.of("ccc", "a", "bb", "d"));
        JinjaCallable length = (c, a) -> (long) a.get(0).toString().length();
        PyMethods.call(ctx, l, "sort", Arguments.of(List.of(), Map.of("key", length)));
        assertThat(l).containsExactly("a", "d", "bb", "ccc");
        Map<String, Object> reverse = new LinkedHashMap<>();
        reverse.put("key", length);
        reverse.put("reverse", true);
        PyMethods.call(ctx, l, "sort", Arguments.of(List.of(), reverse));
        assertThat(l).containsExactly("ccc", "bb", "a", "d");
    }

    @Test
    void sortIsStableAndComparesOnlyWithLessThan() {
        List<Object> l = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            l.add(PyTuple.of((long) (i % 3), (long) i));
        }
        JinjaCallable first = (c, a) -> ((PyTuple) a.get(0)).get(0);
        PyMethods.call(ctx, l, "sort", Arguments.of(List.of(), Map.of("key", first)));
        for (int i = 1; i < l.size(); i++) {
            PyTuple prev = (PyTuple) l.get(i - 1);
            PyTuple cur = (PyTuple) l.get(i);
            assertThat(PyOps.le(prev, cur)).isTrue();
        }
        List<Object> nans = new ArrayList<>(List.of(3.0, Double.NaN, 1.0, 2.0));
        call(nans, "sort");
        assertThat(nans).hasSize(4);
    }

    @Test
    void hostIntegersCompareAsPythonInts() {
        List<Object> l = new ArrayList<>(List.of(1, 2, 3));
        assertThat(call(l, "count", 2L)).isEqualTo(1L);
        call(l, "remove", 2.0);
        assertThat(l).containsExactly(1, 3);
        Map<Object, Object> d = new LinkedHashMap<>(Map.of(1, "one"));
        assertThat(call(d, "get", 1L)).isEqualTo("one");
        assertThat(call(d, "pop", true)).isEqualTo("one");
        Set<Object> s = new LinkedHashSet<>(List.of(1));
        call(s, "add", 1L);
        assertThat(s).containsExactly(1);
    }

    @Test
    void dictViewsAreLive() {
        Map<Object, Object> d = new LinkedHashMap<>();
        d.put("a", 1L);
        PyDictView items = (PyDictView) call(d, "items");
        PyDictView keys = (PyDictView) call(d, "keys");
        PyDictView values = (PyDictView) call(d, "values");
        d.put("b", 2L);
        assertThat(PyRepr.str(items)).isEqualTo("dict_items([('a', 1), ('b', 2)])");
        assertThat(PyRepr.repr(List.of(keys))).isEqualTo("[dict_keys(['a', 'b'])]");
        assertThat(PyRepr.str(values)).isEqualTo("dict_values([1, 2])");
        assertThat(PyTypes.typeName(items)).isEqualTo("dict_items");
        assertThat(PyTypes.typeName(keys)).isEqualTo("dict_keys");
        assertThat(PyOps.len(items)).isEqualTo(2);
        assertThat(PyOps.truthy(values)).isTrue();
        assertThat(PyOps.contains(keys, "b")).isTrue();
        assertThat(PyOps.contains(items, PyTuple.of("a", 1.0))).isTrue();
        assertThat(PyOps.contains(items, PyTuple.of("a", 2L))).isFalse();
        assertThat(PyOps.contains(values, 2.0)).isTrue();
        assertThat(PyOps.toList(items)).containsExactly(PyTuple.of("a", 1L), PyTuple.of("b", 2L));
        d.clear();
        assertThat(PyOps.truthy(keys)).isFalse();
        assertThat(PyRepr.str(keys)).isEqualTo("dict_keys([])");
    }

    @Test
    void changingADictWhileIteratingItsViewIsARuntimeError() {
        Map<Object, Object> d = new LinkedHashMap<>(Map.of("a", 1L));
        PyDictView keys = (PyDictView) call(d, "keys");
        var it = keys.iterator();
        it.next();
        d.put("b", 2L);
        d.put("c", 3L);
        assertThatThrownBy(it::next).isInstanceOf(TemplateRuntimeException.class)
                .hasMessageContaining("dictionary changed size during iteration");
    }

    @Test
    void dataAttributesOfNumbersAndRanges() {
        assertThat(PyMethods.attribute(5L, "real")).isEqualTo(5L);
        assertThat(PyMethods.attribute(5, "imag")).isEqualTo(0L);
        assertThat(PyMethods.attribute(true, "numerator")).isEqualTo(1L);
        assertThat(PyMethods.attribute(7L, "denominator")).isEqualTo(1L);
        assertThat(PyMethods.attribute(1.5, "real")).isEqualTo(1.5);
        assertThat(PyMethods.attribute(1.5, "imag")).isEqualTo(0.0);
        assertThat(PyMethods.attribute(new PyRange(1, 9, 2), "step")).isEqualTo(2L);
        assertThat(PyMethods.attribute("abc", "real")).isSameAs(PyMethods.NO_METHOD);
        assertThat(PyMethods.attribute(5L, "upper")).isSameAs(PyMethods.NO_METHOD);
    }

    @Test
    void encodeGivesBytes() {
        Object b = call("é", "encode");
        assertThat(PyRepr.str(b)).isEqualTo("b'\\xc3\\xa9'");
        assertThat(PyTypes.typeName(b)).isEqualTo("bytes");
        assertThat(PyOps.len(b)).isEqualTo(2);
        assertThat(PyOps.toList(b)).containsExactly(0xc3L, 0xa9L);
        assertThat(call(b, "decode")).isEqualTo("é");
    }
}
