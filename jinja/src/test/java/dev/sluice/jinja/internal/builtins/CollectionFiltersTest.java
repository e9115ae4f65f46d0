package dev.sluice.jinja.internal.builtins;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ordering and aggregating filters: sort, dictsort, groupby, unique, min, max, sum. Expected results come from CPython Jinja2 3.1; see {@link TestingBuiltinCases}. */
class CollectionFiltersTest {
    private static final String CASES = """
            F ¦ sort ¦ [3, 1, 2] ¦  ¦ d ¦ [1, 2, 3]
            F ¦ sort ¦ ['b', 'A', 'c'] ¦  ¦ d ¦ ['A', 'b', 'c']
            F ¦ sort ¦ ['b', 'A', 'c', 'a', 'B'] ¦  ¦ d ¦ ['A', 'a', 'b', 'B', 'c']
            F ¦ sort ¦ ['b', 'A', 'c', 'a', 'B'] ¦ case_sensitive=True ¦ d ¦ ['A', 'B', 'a', 'b', 'c']
            F ¦ sort ¦ [3, 1, 2] ¦ reverse=True ¦ d ¦ [3, 2, 1]
            F ¦ sort ¦ [3, 1, 2] ¦ True ¦ d ¦ [3, 2, 1]
            F ¦ sort ¦ ['b', 'a', 'B', 'A'] ¦ True ¦ d ¦ ['b', 'B', 'a', 'A']
            F ¦ sort ¦ {'b': 1, 'a': 2} ¦  ¦ d ¦ ['a', 'b']
            F ¦ sort ¦ [1, 'a'] ¦  ¦ d ¦ !TypeError: '<' not supported between instances of 'str' and 'int'
            F ¦ sort ¦ ['a', 1] ¦  ¦ d ¦ !TypeError: '<' not supported between instances of 'int' and 'str'
            F ¦ sort ¦ [2, 1, 'a'] ¦  ¦ d ¦ !TypeError: '<' not supported between instances of 'str' and 'int'
            F ¦ sort ¦ [1, 2.5, True, 0] ¦  ¦ d ¦ [0, 1, True, 2.5]
            F ¦ sort ¦ [[2, 1], [1, 2], [1]] ¦  ¦ d ¦ [[1], [1, 2], [2, 1]]
            F ¦ sort ¦ [(2, 'b'), (1, 'z'), (2, 'a')] ¦  ¦ d ¦ [(1, 'z'), (2, 'a'), (2, 'b')]
            F ¦ sort ¦ [None, None] ¦  ¦ d ¦ [None, None]
            F ¦ sort ¦ [None, 1] ¦  ¦ d ¦ !TypeError: '<' not supported between instances of 'int' and 'NoneType'
            F ¦ sort ¦ [['b', 1], ['a', 2], ['b', 0], ['a', 1]] ¦ attribute=0 ¦ d ¦ [['a', 2], ['a', 1], ['b', 1], ['b', 0]]
            F ¦ sort ¦ [{'n': 'bob', 'a': 30}, {'n': 'alice', 'a': 25}, {'n': 'Carl', 'a': 30}] ¦ attribute='n' ¦ d ¦ [{'n': 'alice', 'a': 25}, {'n': 'bob', 'a': 30}, {'n': 'Carl', 'a': 30}]
            F ¦ sort ¦ [{'n': 'bob', 'a': 30}, {'n': 'alice', 'a': 25}, {'n': 'Carl', 'a': 30}] ¦ attribute='a,n' ¦ d ¦ [{'n': 'alice', 'a': 25}, {'n': 'bob', 'a': 30}, {'n': 'Carl', 'a': 30}]
            F ¦ sort ¦ [{'n': 'bob', 'a': 30}, {'n': 'alice', 'a': 25}, {'n': 'Carl', 'a': 30}] ¦ attribute='a,n', reverse=True ¦ d ¦ [{'n': 'Carl', 'a': 30}, {'n': 'bob', 'a': 30}, {'n': 'alice', 'a': 25}]
            F ¦ sort ¦ [{'m': {'k': 3}, 'id': 1}, {'m': {'k': 1}, 'id': 2}] ¦ attribute='m.k' ¦ d ¦ [{'m': {'k': 1}, 'id': 2}, {'m': {'k': 3}, 'id': 1}]
            F ¦ sort ¦ [{'a': 1}, {}] ¦ attribute='a' ¦ d ¦ !UndefinedError: 'dict object' has no attribute 'a'
            F ¦ sort ¦ [3, 1] ¦ reverse='yes' ¦ d ¦ !TypeError: 'str' object cannot be interpreted as an integer
            F ¦ sort ¦ [3, 1] ¦ reverse=None ¦ d ¦ !TypeError: 'NoneType' object cannot be interpreted as an integer
            F ¦ sort ¦ 'cba' ¦  ¦ d ¦ ['a', 'b', 'c']
            F ¦ sort ¦ undefined ¦  ¦ d ¦ []
            F ¦ sort ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ sort ¦ 5 ¦  ¦ d ¦ !TypeError: 'int' object is not iterable
            F ¦ sort ¦ [markup('B'), 'a'] ¦  ¦ d ¦ ['a', Markup('B')]
            F ¦ dictsort ¦ {'b': 1, 'A': 3, 'c': 2} ¦  ¦ d ¦ [('A', 3), ('b', 1), ('c', 2)]
            F ¦ dictsort ¦ {'b': 1, 'A': 3, 'c': 2} ¦ True ¦ d ¦ [('A', 3), ('b', 1), ('c', 2)]
            F ¦ dictsort ¦ {'b': 1, 'A': 3, 'c': 2} ¦ by='value' ¦ d ¦ [('b', 1), ('c', 2), ('A', 3)]
            F ¦ dictsort ¦ {'b': 1, 'A': 3, 'c': 2} ¦ False, 'value', True ¦ d ¦ [('A', 3), ('c', 2), ('b', 1)]
            F ¦ dictsort ¦ {'b': 1, 'A': 3, 'c': 2} ¦ reverse=True ¦ d ¦ [('c', 2), ('b', 1), ('A', 3)]
            F ¦ dictsort ¦ {'b': 1, 'A': 3, 'c': 2} ¦ by='x' ¦ d ¦ !FilterArgumentError: You can only sort by either "key" or "value"
            F ¦ dictsort ¦ {'b': 'Y', 'a': 'x', 'c': 'z'} ¦ by='value' ¦ d ¦ [('a', 'x'), ('b', 'Y'), ('c', 'z')]
            F ¦ dictsort ¦ {'b': 'Y', 'a': 'x', 'c': 'z'} ¦ True, 'value' ¦ d ¦ [('b', 'Y'), ('a', 'x'), ('c', 'z')]
            F ¦ dictsort ¦ {1: 'a', 'b': 2} ¦  ¦ d ¦ !TypeError: '<' not supported between instances of 'str' and 'int'
            F ¦ dictsort ¦ {} ¦  ¦ d ¦ []
            F ¦ dictsort ¦ 'a' ¦  ¦ d ¦ !AttributeError: 'str' object has no attribute 'items'
            F ¦ dictsort ¦ [1] ¦  ¦ d ¦ !AttributeError: 'list' object has no attribute 'items'
            F ¦ dictsort ¦ undefined ¦  ¦ d ¦ !UndefinedError: 'missing' is undefined
            F ¦ groupby ¦ [{'n': 1, 'age': 2}, {'n': 3, 'age': 1}] ¦ 'age' ¦ d ¦ [(1, [{'n': 3, 'age': 1}]), (2, [{'n': 1, 'age': 2}])]
            F ¦ groupby ¦ [{'city': 'b'}, {'city': 'a'}, {'city': 'b'}] ¦ 'city' ¦ d ¦ [('a', [{'city': 'a'}]), ('b', [{'city': 'b'}, {'city': 'b'}])]
            F ¦ groupby ¦ [{'city': 'Paris'}, {'city': 'paris'}, {'city': 'Berlin'}] ¦ 'city' ¦ d ¦ [('Berlin', [{'city': 'Berlin'}]), ('Paris', [{'city': 'Paris'}, {'city': 'paris'}])]
            F ¦ groupby ¦ [{'city': 'Paris'}, {'city': 'paris'}, {'city': 'Berlin'}] ¦ 'city', case_sensitive=True ¦ d ¦ [('Berlin', [{'city': 'Berlin'}]), ('Paris', [{'city': 'Paris'}]), ('paris', [{'city': 'paris'}])]
            F ¦ groupby ¦ [{'city': 'paris'}, {'city': 'Paris'}] ¦ 'city' ¦ d ¦ [('paris', [{'city': 'paris'}, {'city': 'Paris'}])]
            F ¦ groupby ¦ [{'n': 'a', 'c': 'X'}, {'n': 'b'}] ¦ 'c', default='NA' ¦ d ¦ [('NA', [{'n': 'b'}]), ('X', [{'n': 'a', 'c': 'X'}])]
            F ¦ groupby ¦ [{'n': 'a', 'c': 'X'}, {'n': 'b'}] ¦ 'c' ¦ d ¦ !UndefinedError: 'dict object' has no attribute 'c'
            F ¦ groupby ¦ [{'meta': {'kind': 'b'}}, {'meta': {'kind': 'a'}}] ¦ 'meta.kind' ¦ d ¦ [('a', [{'meta': {'kind': 'a'}}]), ('b', [{'meta': {'kind': 'b'}}])]
            F ¦ groupby ¦ [['x', 1], ['y', 2], ['x', 3]] ¦ 0 ¦ d ¦ [('x', [['x', 1], ['x', 3]]), ('y', [['y', 2]])]
            F ¦ groupby ¦ [1, 2] ¦ 'a' ¦ d ¦ !UndefinedError: 'int object' has no attribute 'a'
            F ¦ groupby ¦ [] ¦ 'a' ¦ d ¦ []
            F ¦ groupby ¦ undefined ¦ 'a' ¦ d ¦ []
            F ¦ groupby ¦ [1] ¦  ¦ d ¦ !TypeError: sync_do_groupby() missing 1 required positional argument: 'attribute'
            F ¦ groupby ¦ [{'a': 1}, {'a': 1.0}, {'a': True}] ¦ 'a' ¦ d ¦ [(1, [{'a': 1}, {'a': 1.0}, {'a': True}])]
            F ¦ unique ¦ [3, 1, 3, 2, 1] ¦  ¦ d ¦ iter:[3, 1, 2]
            F ¦ unique ¦ ['a', 'A', 'b'] ¦  ¦ d ¦ iter:['a', 'b']
            F ¦ unique ¦ ['a', 'A', 'b'] ¦ True ¦ d ¦ iter:['a', 'A', 'b']
            F ¦ unique ¦ 'abracadabra' ¦  ¦ d ¦ iter:['a', 'b', 'r', 'c', 'd']
            F ¦ unique ¦ [1, 1.0, True, 2] ¦  ¦ d ¦ iter:[1, 2]
            F ¦ unique ¦ [(1, 2), (1, 2), (2, 1)] ¦  ¦ d ¦ iter:[(1, 2), (2, 1)]
            F ¦ unique ¦ [[1], [1]] ¦  ¦ d ¦ !TypeError: unhashable type: 'list'
            F ¦ unique ¦ [{'a': 1, 'n': 'x'}, {'a': 1, 'n': 'y'}, {'a': 2, 'n': 'z'}] ¦ attribute='a' ¦ d ¦ iter:[{'a': 1, 'n': 'x'}, {'a': 2, 'n': 'z'}]
            F ¦ unique ¦ [{'c': 'X'}, {'c': 'x'}, {'c': 'Y'}] ¦ attribute='c' ¦ d ¦ iter:[{'c': 'X'}, {'c': 'Y'}]
            F ¦ unique ¦ [{'c': 'X'}, {}, {}] ¦ attribute='c' ¦ d ¦ iter:[{'c': 'X'}, {}]
            F ¦ unique ¦ [None, None, markup('a'), 'a'] ¦  ¦ d ¦ iter:[None, Markup('a')]
            F ¦ unique ¦ undefined ¦  ¦ d ¦ iter:[]
            F ¦ unique ¦ 5 ¦  ¦ d ¦ !TypeError: 'int' object is not iterable
            F ¦ min ¦ [3, 1, 2] ¦  ¦ d ¦ 1
            F ¦ max ¦ [3, 1, 2] ¦  ¦ d ¦ 3
            F ¦ min ¦ 'bac' ¦  ¦ d ¦ 'a'
            F ¦ max ¦ [1.5, 1] ¦  ¦ d ¦ 1.5
            F ¦ min ¦ ['b', 'A', 'c'] ¦  ¦ d ¦ 'A'
            F ¦ max ¦ ['b', 'A', 'C'] ¦  ¦ d ¦ 'C'
            F ¦ min ¦ ['b', 'A', 'c'] ¦ case_sensitive=True ¦ d ¦ 'A'
            F ¦ max ¦ ['b', 'A', 'C'] ¦ True ¦ d ¦ 'b'
            F ¦ min ¦ [] ¦  ¦ d ¦ Undefined
            F ¦ max ¦ [] ¦  ¦ d ¦ Undefined
            F ¦ min ¦ ['a', 'A'] ¦  ¦ d ¦ 'a'
            F ¦ max ¦ ['a', 'A'] ¦  ¦ d ¦ 'a'
            F ¦ min ¦ [{'n': 'bob', 'a': 30}, {'n': 'alice', 'a': 25}] ¦ attribute='a' ¦ d ¦ {'n': 'alice', 'a': 25}
            F ¦ max ¦ [{'n': 'bob', 'a': 30}, {'n': 'alice', 'a': 25}] ¦ attribute='n' ¦ d ¦ {'n': 'bob', 'a': 30}
            F ¦ min ¦ [1, 'a'] ¦  ¦ d ¦ !TypeError: '<' not supported between instances of 'str' and 'int'
            F ¦ max ¦ [{'a': 1}, {}] ¦ attribute='a' ¦ d ¦ !UndefinedError: 'dict object' has no attribute 'a'
            F ¦ min ¦ undefined ¦  ¦ d ¦ Undefined
            F ¦ min ¦ 5 ¦  ¦ d ¦ !TypeError: 'int' object is not iterable
            F ¦ sum ¦ [1, 2, 3] ¦  ¦ d ¦ 6
            F ¦ sum ¦ [1.5, 2] ¦  ¦ d ¦ 3.5
            F ¦ sum ¦ [] ¦  ¦ d ¦ 0
            F ¦ sum ¦ [1, 2] ¦ start=10 ¦ d ¦ 13
            F ¦ sum ¦ [[1], [2, 3]] ¦ start=[] ¦ d ¦ [1, 2, 3]
            F ¦ sum ¦ ['a', 'b'] ¦  ¦ d ¦ !TypeError: unsupported operand type(s) for +: 'int' and 'str'
            F ¦ sum ¦ ['a', 'b'] ¦ start='' ¦ d ¦ !TypeError: sum() can't sum strings [use ''.join(seq) instead]
            F ¦ sum ¦ [{'v': 1}, {'v': 2}] ¦ 'v' ¦ d ¦ 3
            F ¦ sum ¦ [{'v': {'n': 1}}, {'v': {'n': 2}}] ¦ 'v.n' ¦ d ¦ 3
            F ¦ sum ¦ [{'v': 1}, {}] ¦ 'v' ¦ d ¦ !UndefinedError: 'dict object' has no attribute 'v'
            F ¦ sum ¦ [True, True] ¦  ¦ d ¦ 2
            F ¦ sum ¦ [9223372036854775807, 1] ¦  ¦ d ¦ 9223372036854775808
            F ¦ sum ¦ [(1,), (2,)] ¦ start=() ¦ d ¦ (1, 2)
            F ¦ sum ¦ undefined ¦  ¦ d ¦ 0
            F ¦ sum ¦ 5 ¦  ¦ d ¦ !TypeError: 'int' object is not iterable
            F ¦ sum ¦ [1] ¦ 1, 2, 3 ¦ d ¦ !TypeError: sync_do_sum() takes from 2 to 4 positional arguments but 5 were given
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
