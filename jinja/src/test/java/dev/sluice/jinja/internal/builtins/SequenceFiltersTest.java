package dev.sluice.jinja.internal.builtins;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sequence filters: first, last, random, length, count, list, reverse, batch, slice, join, items. Expected results come from CPython Jinja2 3.1; see {@link TestingBuiltinCases}. */
class SequenceFiltersTest {
    private static final String CASES = """
            F ¦ first ¦ [1, 2, 3] ¦  ¦ d ¦ 1
            F ¦ first ¦ 'abc' ¦  ¦ d ¦ 'a'
            F ¦ first ¦ {'a': 1, 'b': 2} ¦  ¦ d ¦ 'a'
            F ¦ first ¦ [] ¦  ¦ d ¦ Undefined
            F ¦ first ¦ range(5) ¦  ¦ d ¦ 0
            F ¦ first ¦ 5 ¦  ¦ d ¦ !TypeError: 'int' object is not iterable
            F ¦ first ¦ undefined ¦  ¦ d ¦ Undefined
            F ¦ first ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ first ¦ [1] ¦ 1 ¦ d ¦ !TypeError: sync_do_first() takes 2 positional arguments but 3 were given
            F ¦ last ¦ [1, 2, 3] ¦  ¦ d ¦ 3
            F ¦ last ¦ 'abc' ¦  ¦ d ¦ 'c'
            F ¦ last ¦ {'a': 1, 'b': 2} ¦  ¦ d ¦ 'b'
            F ¦ last ¦ (1, 2) ¦  ¦ d ¦ 2
            F ¦ last ¦ [] ¦  ¦ d ¦ Undefined
            F ¦ last ¦ '' ¦  ¦ d ¦ Undefined
            F ¦ last ¦ range(4) ¦  ¦ d ¦ 3
            F ¦ last ¦ 5 ¦  ¦ d ¦ !TypeError: 'int' object is not reversible
            F ¦ last ¦ undefined ¦  ¦ d ¦ Undefined
            F ¦ last ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ random ¦ [7] ¦  ¦ d ¦ 7
            F ¦ random ¦ [] ¦  ¦ d ¦ Undefined
            F ¦ random ¦ 'x' ¦  ¦ d ¦ 'x'
            F ¦ random ¦ (5,) ¦  ¦ d ¦ 5
            F ¦ random ¦ 5 ¦  ¦ d ¦ !TypeError: object of type 'int' has no len()
            F ¦ random ¦ {0: 'zero'} ¦  ¦ d ¦ 'zero'
            F ¦ random ¦ {'a': 1} ¦  ¦ d ¦ !KeyError: 0
            F ¦ random ¦ undefined ¦  ¦ d ¦ Undefined
            F ¦ length ¦ 'abc' ¦  ¦ d ¦ 3
            F ¦ length ¦ [1, 2] ¦  ¦ d ¦ 2
            F ¦ length ¦ {'a': 1} ¦  ¦ d ¦ 1
            F ¦ length ¦ '' ¦  ¦ d ¦ 0
            F ¦ length ¦ 'héllo😀' ¦  ¦ d ¦ 6
            F ¦ length ¦ range(10) ¦  ¦ d ¦ 10
            F ¦ length ¦ (1, 2, 3) ¦  ¦ d ¦ 3
            F ¦ length ¦ 5 ¦  ¦ d ¦ !TypeError: object of type 'int' has no len()
            F ¦ length ¦ None ¦  ¦ d ¦ !TypeError: object of type 'NoneType' has no len()
            F ¦ length ¦ undefined ¦  ¦ d ¦ 0
            F ¦ length ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ length ¦ 'a' ¦ 1 ¦ d ¦ !TypeError: len() takes exactly one argument (2 given)
            F ¦ length ¦ 'a' ¦ x=1 ¦ d ¦ !TypeError: len() takes no keyword arguments
            F ¦ count ¦ 'abc' ¦  ¦ d ¦ 3
            F ¦ count ¦ {'a': 1, 'b': 2} ¦  ¦ d ¦ 2
            F ¦ list ¦ 'ab' ¦  ¦ d ¦ ['a', 'b']
            F ¦ list ¦ {'x': 1} ¦  ¦ d ¦ ['x']
            F ¦ list ¦ (1, 2) ¦  ¦ d ¦ [1, 2]
            F ¦ list ¦ [] ¦  ¦ d ¦ []
            F ¦ list ¦ range(3) ¦  ¦ d ¦ [0, 1, 2]
            F ¦ list ¦ 'a😀b' ¦  ¦ d ¦ ['a', '😀', 'b']
            F ¦ list ¦ markup('<a>') ¦  ¦ d ¦ ['<', 'a', '>']
            F ¦ list ¦ 5 ¦  ¦ d ¦ !TypeError: 'int' object is not iterable
            F ¦ list ¦ undefined ¦  ¦ d ¦ []
            F ¦ list ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ reverse ¦ 'abc' ¦  ¦ d ¦ 'cba'
            F ¦ reverse ¦ 'a😀b' ¦  ¦ d ¦ 'b😀a'
            F ¦ reverse ¦ markup('<a>') ¦  ¦ d ¦ Markup('>a<')
            F ¦ reverse ¦ [1, 2, 3] ¦  ¦ d ¦ iter:[3, 2, 1]
            F ¦ reverse ¦ (1, 2) ¦  ¦ d ¦ iter:[2, 1]
            F ¦ reverse ¦ {'a': 1, 'b': 2} ¦  ¦ d ¦ iter:['b', 'a']
            F ¦ reverse ¦ range(3) ¦  ¦ d ¦ iter:[2, 1, 0]
            F ¦ reverse ¦ 5 ¦  ¦ d ¦ !FilterArgumentError: argument must be iterable
            F ¦ reverse ¦ None ¦  ¦ d ¦ !FilterArgumentError: argument must be iterable
            F ¦ reverse ¦ undefined ¦  ¦ d ¦ iter:[]
            F ¦ reverse ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ batch ¦ [1, 2, 3, 4, 5] ¦ 2 ¦ d ¦ iter:[[1, 2], [3, 4], [5]]
            F ¦ batch ¦ [1, 2, 3, 4, 5] ¦ 3, 'x' ¦ d ¦ iter:[[1, 2, 3], [4, 5, 'x']]
            F ¦ batch ¦ [1, 2, 3, 4] ¦ 2, 0 ¦ d ¦ iter:[[1, 2], [3, 4]]
            F ¦ batch ¦ [] ¦ 2 ¦ d ¦ iter:[]
            F ¦ batch ¦ 'abcdefg' ¦ 3, '&nbsp;' ¦ d ¦ iter:[['a', 'b', 'c'], ['d', 'e', 'f'], ['g', '&nbsp;', '&nbsp;']]
            F ¦ batch ¦ [1, 2, 3] ¦ 1 ¦ d ¦ iter:[[1], [2], [3]]
            F ¦ batch ¦ [1, 2, 3] ¦ 0 ¦ d ¦ iter:[[], [1, 2, 3]]
            F ¦ batch ¦ [1, 2, 3] ¦ 5, None ¦ d ¦ iter:[[1, 2, 3]]
            F ¦ batch ¦ [1, 2, 3] ¦ 2.0, 'f' ¦ d ¦ !TypeError: can't multiply sequence by non-int of type 'float'
            F ¦ batch ¦ [1, 2, 3] ¦ 2.5, 'f' ¦ d ¦ iter:[[1, 2, 3]]
            F ¦ batch ¦ [1, 2, 3] ¦ '2' ¦ d ¦ iter:[[1, 2, 3]]
            F ¦ batch ¦ 5 ¦ 2 ¦ d ¦ !TypeError: 'int' object is not iterable
            F ¦ batch ¦ undefined ¦ 2 ¦ d ¦ iter:[]
            F ¦ batch ¦ [1] ¦  ¦ d ¦ !TypeError: do_batch() missing 1 required positional argument: 'linecount'
            F ¦ slice ¦ [1, 2, 3, 4, 5, 6, 7] ¦ 3 ¦ d ¦ iter:[[1, 2, 3], [4, 5], [6, 7]]
            F ¦ slice ¦ [1, 2, 3, 4, 5, 6, 7] ¦ 3, 'x' ¦ d ¦ iter:[[1, 2, 3], [4, 5, 'x'], [6, 7, 'x']]
            F ¦ slice ¦ [1, 2] ¦ 4 ¦ d ¦ iter:[[1], [2], [], []]
            F ¦ slice ¦ [1, 2, 3, 4] ¦ 2, 'x' ¦ d ¦ iter:[[1, 2, 'x'], [3, 4, 'x']]
            F ¦ slice ¦ [] ¦ 2 ¦ d ¦ iter:[[], []]
            F ¦ slice ¦ 'abcde' ¦ 2 ¦ d ¦ iter:[['a', 'b', 'c'], ['d', 'e']]
            F ¦ slice ¦ [1, 2, 3] ¦ 0 ¦ d ¦ !ZeroDivisionError: integer division or modulo by zero
            F ¦ slice ¦ [1, 2, 3] ¦ -1 ¦ d ¦ iter:[]
            F ¦ slice ¦ [1, 2, 3] ¦ 1.5 ¦ d ¦ !TypeError: 'float' object cannot be interpreted as an integer
            F ¦ slice ¦ undefined ¦ 2 ¦ d ¦ iter:[[], []]
            F ¦ slice ¦ 5 ¦ 2 ¦ d ¦ !TypeError: 'int' object is not iterable
            F ¦ slice ¦ [1] ¦  ¦ d ¦ !TypeError: sync_do_slice() missing 1 required positional argument: 'slices'
            F ¦ join ¦ [1, 2, 3] ¦  ¦ d ¦ '123'
            F ¦ join ¦ [1, 2, 3] ¦ ', ' ¦ d ¦ '1, 2, 3'
            F ¦ join ¦ 'abc' ¦ '-' ¦ d ¦ 'a-b-c'
            F ¦ join ¦ [] ¦ ',' ¦ d ¦ ''
            F ¦ join ¦ [None, 1, undefined] ¦ ',' ¦ d ¦ 'None,1,'
            F ¦ join ¦ [None, 1, undefined] ¦ ',' ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ join ¦ [['a', 1], ['b', 2]] ¦ '|', 1 ¦ d ¦ '1|2'
            F ¦ join ¦ [{'n': 'a'}, {'n': 'b'}] ¦ ', ', attribute='n' ¦ d ¦ 'a, b'
            F ¦ join ¦ [{'n': 'a'}, {'m': 'b'}] ¦ ', ', attribute='n' ¦ d ¦ 'a, '
            F ¦ join ¦ ['<a>', markup('<b>')] ¦ '&' ¦ a ¦ Markup('&lt;a&gt;&amp;<b>')
            F ¦ join ¦ ['<a>', markup('<b>')] ¦ '&' ¦ d ¦ '<a>&<b>'
            F ¦ join ¦ ['<a>', '<b>'] ¦ '&' ¦ a ¦ '<a>&<b>'
            F ¦ join ¦ ['<a>', '<b>'] ¦ markup('<br>') ¦ a ¦ Markup('&lt;a&gt;<br>&lt;b&gt;')
            F ¦ join ¦ ['<a>', 1] ¦ markup('<br>') ¦ d ¦ '<a><br>1'
            F ¦ join ¦ [1, 2] ¦ 0 ¦ d ¦ '102'
            F ¦ join ¦ {'a': 1, 'b': 2} ¦ ',' ¦ d ¦ 'a,b'
            F ¦ join ¦ 5 ¦ ',' ¦ d ¦ !TypeError: 'int' object is not iterable
            F ¦ join ¦ [1] ¦ attribute='x', foo=1 ¦ d ¦ !TypeError: sync_do_join() got an unexpected keyword argument 'foo'
            F ¦ items ¦ {'a': 1, 'b': 2} ¦  ¦ d ¦ iter:[('a', 1), ('b', 2)]
            F ¦ items ¦ {} ¦  ¦ d ¦ iter:[]
            F ¦ items ¦ [1] ¦  ¦ d ¦ !TypeError: Can only get item pairs from a mapping.
            F ¦ items ¦ undefined ¦  ¦ d ¦ iter:[]
            F ¦ items ¦ undefined ¦  ¦ s ¦ iter:[]
            F ¦ items ¦ {'a': 1} ¦ 1 ¦ d ¦ !TypeError: do_items() takes 1 positional argument but 2 were given
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
