package dev.sluice.jinja.internal.builtins;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The builtin globals. Expected results come from CPython Jinja2 3.1; see {@link TestingBuiltinCases}. */
class GlobalsTest {
    private static final String CASES = """
            G ¦ range ¦  ¦ 3 ¦ d ¦ range(0, 3)
            G ¦ range ¦  ¦ 1, 5 ¦ d ¦ range(1, 5)
            G ¦ range ¦  ¦ 10, 0, -3 ¦ d ¦ range(10, 0, -3)
            G ¦ range ¦  ¦ 100000 ¦ d ¦ range(0, 100000)
            G ¦ range ¦  ¦ 100001 ¦ d ¦ !OverflowError: Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).
            G ¦ range ¦  ¦ 0, 200001, 2 ¦ d ¦ !OverflowError: Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).
            G ¦ range ¦  ¦ 0, 200000, 2 ¦ d ¦ range(0, 200000, 2)
            G ¦ range ¦  ¦ -100000, 100000, 2 ¦ d ¦ range(-100000, 100000, 2)
            G ¦ range ¦  ¦ 1, 5, 0 ¦ d ¦ !ValueError: range() arg 3 must not be zero
            G ¦ range ¦  ¦ 1.5 ¦ d ¦ !TypeError: 'float' object cannot be interpreted as an integer
            G ¦ range ¦  ¦ 'a' ¦ d ¦ !TypeError: 'str' object cannot be interpreted as an integer
            G ¦ range ¦  ¦ True ¦ d ¦ range(0, 1)
            G ¦ range ¦  ¦  ¦ d ¦ !TypeError: range expected at least 1 argument, got 0
            G ¦ range ¦  ¦ 1, 2, 3, 4 ¦ d ¦ !TypeError: range expected at most 3 arguments, got 4
            G ¦ range ¦  ¦ stop=3 ¦ d ¦ !TypeError: safe_range() got an unexpected keyword argument 'stop'
            G ¦ range ¦  ¦ undefined ¦ d ¦ !TypeError: 'Undefined' object cannot be interpreted as an integer
            G ¦ dict ¦  ¦  ¦ d ¦ {}
            G ¦ dict ¦  ¦ a=1, b='x' ¦ d ¦ {'a': 1, 'b': 'x'}
            G ¦ dict ¦  ¦ [('a', 1), ('b', 2)] ¦ d ¦ {'a': 1, 'b': 2}
            G ¦ dict ¦  ¦ [['a', 1]], b=2 ¦ d ¦ {'a': 1, 'b': 2}
            G ¦ dict ¦  ¦ {'a': 1}, b=2 ¦ d ¦ {'a': 1, 'b': 2}
            G ¦ dict ¦  ¦ {'a': 1}, a=2 ¦ d ¦ {'a': 2}
            G ¦ dict ¦  ¦ ['ab', 'cd'] ¦ d ¦ {'a': 'b', 'c': 'd'}
            G ¦ dict ¦  ¦ [(1, 'a'), (1.0, 'b'), (True, 'c')] ¦ d ¦ {1: 'c'}
            G ¦ dict ¦  ¦ 1, 2 ¦ d ¦ !TypeError: dict expected at most 1 argument, got 2
            G ¦ dict ¦  ¦ [1] ¦ d ¦ !TypeError: cannot convert dictionary update sequence element #0 to a sequence
            G ¦ dict ¦  ¦ [(1, 2, 3)] ¦ d ¦ !ValueError: dictionary update sequence element #0 has length 3; 2 is required
            G ¦ dict ¦  ¦ [([1], 2)] ¦ d ¦ !TypeError: unhashable type: 'list'
            G ¦ dict ¦  ¦ 5 ¦ d ¦ !TypeError: 'int' object is not iterable
            G ¦ dict ¦  ¦ [] ¦ d ¦ {}
            G ¦ dict ¦  ¦ [(None, 1)] ¦ d ¦ {None: 1}
            G ¦ namespace ¦  ¦  ¦ d ¦ <Namespace {}>
            G ¦ namespace ¦  ¦ a=1 ¦ d ¦ <Namespace {'a': 1}>
            G ¦ namespace ¦  ¦ {'b': 1}, a=1 ¦ d ¦ <Namespace {'b': 1, 'a': 1}>
            G ¦ namespace ¦  ¦ 1, 2 ¦ d ¦ !TypeError: dict expected at most 1 argument, got 2
            G ¦ namespace ¦  ¦ [('x', [1])] ¦ d ¦ <Namespace {'x': [1]}>
            G ¦ lipsum ¦  ¦ 1, False, 2, 2 ¦ d ¦ !ValueError: empty range for randrange() (2, 2, 0)
            G ¦ lipsum ¦  ¦ 1, False, 3, 2 ¦ d ¦ !ValueError: empty range for randrange() (3, 2, -1)
            G ¦ lipsum ¦  ¦ x=1 ¦ d ¦ !TypeError: generate_lorem_ipsum() got an unexpected keyword argument 'x'
            G ¦ lipsum ¦  ¦ 0 ¦ d ¦ Markup('')
            G ¦ lipsum ¦  ¦ 0, False ¦ d ¦ ''
            G ¦ cycler ¦  ¦ x=1 ¦ d ¦ !TypeError: Cycler.__init__() got an unexpected keyword argument 'x'
            G ¦ joiner ¦  ¦ 1, 2 ¦ d ¦ !TypeError: Joiner.__init__() takes from 1 to 2 positional arguments but 3 were given
            """;

    static Stream<String> cases() {
        return TestingBuiltinCases.rows(CASES);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesJinja(String row) {
        TestingBuiltinCases.check(row);
    }
}
