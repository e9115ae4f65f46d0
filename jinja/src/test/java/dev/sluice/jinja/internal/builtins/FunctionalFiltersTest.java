package dev.sluice.jinja.internal.builtins;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The filters that apply filters, tests or lookups: default, attr, map, select, reject, selectattr, rejectattr. Expected results come from CPython Jinja2 3.1; see {@link TestingBuiltinCases}. */
class FunctionalFiltersTest {
    private static final String CASES = """
            F ¦ default ¦ undefined ¦ 'dflt' ¦ d ¦ 'dflt'
            F ¦ default ¦ 'val' ¦ 'dflt' ¦ d ¦ 'val'
            F ¦ d ¦ undefined ¦ 'short' ¦ d ¦ 'short'
            F ¦ default ¦ undefined ¦  ¦ d ¦ ''
            F ¦ default ¦ undefined ¦ 'x' ¦ s ¦ 'x'
            F ¦ default ¦ '' ¦ 'd' ¦ d ¦ ''
            F ¦ default ¦ None ¦ 'd' ¦ d ¦ None
            F ¦ default ¦ 0 ¦ 'd' ¦ d ¦ 0
            F ¦ default ¦ False ¦ 'd' ¦ d ¦ False
            F ¦ default ¦ '' ¦ 'd', True ¦ d ¦ 'd'
            F ¦ default ¦ None ¦ 'd', boolean=True ¦ d ¦ 'd'
            F ¦ d ¦ 0 ¦ 'd', True ¦ d ¦ 'd'
            F ¦ d ¦ 'x' ¦ 'd', True ¦ d ¦ 'x'
            F ¦ d ¦ [] ¦ boolean=True ¦ d ¦ ''
            F ¦ default ¦ undefined ¦ default_value=1 ¦ d ¦ 1
            F ¦ default ¦ 1 ¦ 1, 2, 3 ¦ d ¦ !TypeError: do_default() takes from 1 to 3 positional arguments but 4 were given
            F ¦ attr ¦ {'a': 1} ¦ 'a' ¦ d ¦ Undefined
            F ¦ attr ¦ 5 ¦ 'real' ¦ d ¦ 5
            F ¦ attr ¦ 5 ¦ 'imag' ¦ d ¦ 0
            F ¦ attr ¦ 2.5 ¦ 'real' ¦ d ¦ 2.5
            F ¦ attr ¦ True ¦ 'denominator' ¦ d ¦ 1
            F ¦ attr ¦ 'x' ¦ '__class__' ¦ d ¦ Undefined
            F ¦ attr ¦ 'x' ¦ 'nope' ¦ d ¦ Undefined
            F ¦ attr ¦ 'a' ¦ 1 ¦ d ¦ !TypeError: attribute name must be string, not 'int'
            F ¦ attr ¦ undefined ¦ 'a' ¦ d ¦ !UndefinedError: 'missing' is undefined
            F ¦ attr ¦ undefined ¦ 'a' ¦ c ¦ Undefined
            F ¦ attr ¦ None ¦ 'a' ¦ d ¦ Undefined
            F ¦ attr ¦ [1] ¦ 'x' ¦ d ¦ Undefined
            F ¦ attr ¦ {'a': 1} ¦ 'a', 'b' ¦ d ¦ !TypeError: do_attr() takes 3 positional arguments but 4 were given
            F ¦ map ¦ ['a', 'B'] ¦ 'upper' ¦ d ¦ iter:['A', 'B']
            F ¦ map ¦ ['1', '2'] ¦ 'int' ¦ d ¦ iter:[1, 2]
            F ¦ map ¦ ['a', 'b'] ¦ 'replace', 'a', 'z' ¦ d ¦ iter:['z', 'b']
            F ¦ map ¦ [1.26, 2.5] ¦ 'round', 1 ¦ d ¦ iter:[1.3, 2.5]
            F ¦ map ¦ ['x'] ¦ 'center', width=5 ¦ d ¦ iter:['  x  ']
            F ¦ map ¦ [1, 2] ¦ 'string' ¦ d ¦ iter:['1', '2']
            F ¦ map ¦ [{'n': 'bob'}, {'n': 'al'}] ¦ attribute='n' ¦ d ¦ iter:['bob', 'al']
            F ¦ map ¦ [{'n': 'bob'}, {'m': 'al'}] ¦ attribute='n', default='?' ¦ d ¦ iter:['bob', '?']
            F ¦ map ¦ [{'n': 'bob'}, {'m': 'al'}] ¦ attribute='n' ¦ d ¦ iter:['bob', Undefined]
            F ¦ map ¦ [{'a': {'b': 1}}, {'a': {'b': 2}}] ¦ attribute='a.b' ¦ d ¦ iter:[1, 2]
            F ¦ map ¦ [['x', 1], ['y', 2]] ¦ attribute=0 ¦ d ¦ iter:['x', 'y']
            F ¦ map ¦ [['x', 1], ['y', 2]] ¦ attribute='1' ¦ d ¦ iter:[1, 2]
            F ¦ map ¦ [1] ¦ 'nosuchfilter' ¦ d ¦ !TemplateRuntimeError: No filter named 'nosuchfilter'.
            F ¦ map ¦ [] ¦ 'nosuchfilter' ¦ d ¦ iter:[]
            F ¦ map ¦ [1] ¦ 5 ¦ d ¦ !TemplateRuntimeError: No filter named 5.
            F ¦ map ¦ [1] ¦  ¦ d ¦ !FilterArgumentError: map requires a filter argument
            F ¦ map ¦ [1] ¦ attribute='x', foo=1 ¦ d ¦ !FilterArgumentError: Unexpected keyword argument 'foo'
            F ¦ map ¦ [1] ¦ 'upper', 1, x=1 ¦ d ¦ !TypeError: do_upper() got an unexpected keyword argument 'x'
            F ¦ map ¦ [1] ¦ 'upper', attribute='x' ¦ d ¦ !TypeError: do_upper() got an unexpected keyword argument 'attribute'
            F ¦ map ¦ undefined ¦ 'upper' ¦ d ¦ iter:[]
            F ¦ map ¦ undefined ¦ 'upper' ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ map ¦ 5 ¦ 'upper' ¦ d ¦ !TypeError: 'int' object is not iterable
            F ¦ map ¦ 0 ¦ 'upper' ¦ d ¦ iter:[]
            F ¦ map ¦ {'a': 1} ¦ 'upper' ¦ d ¦ iter:['A']
            F ¦ map ¦ [[3, 1], [2]] ¦ 'sort' ¦ d ¦ iter:[[1, 3], [2]]
            F ¦ map ¦ [[3, 1], [2]] ¦ 'first' ¦ d ¦ iter:[3, 2]
            F ¦ map ¦ ['<a>'] ¦ 'e' ¦ d ¦ iter:[Markup('&lt;a&gt;')]
            F ¦ select ¦ [1, 2, 3, 4, 5] ¦ 'odd' ¦ d ¦ iter:[1, 3, 5]
            F ¦ select ¦ [0, 1, '', 'a', None] ¦  ¦ d ¦ iter:[1, 'a']
            F ¦ select ¦ [1, 2, 3, 4, 5, 6] ¦ 'divisibleby', 3 ¦ d ¦ iter:[3, 6]
            F ¦ select ¦ [1, 5, 10] ¦ '>', 4 ¦ d ¦ iter:[5, 10]
            F ¦ select ¦ ['a', 'b'] ¦ 'in', ['b', 'c'] ¦ d ¦ iter:['b']
            F ¦ select ¦ ['a', 'b', 'a'] ¦ 'equalto', 'a' ¦ d ¦ iter:['a', 'a']
            F ¦ select ¦ [1, 2] ¦ '==', 2 ¦ d ¦ iter:[2]
            F ¦ select ¦ [1, 2, 3] ¦ '!=', 2 ¦ d ¦ iter:[1, 3]
            F ¦ select ¦ [1, 2, 3] ¦ '<=', 2 ¦ d ¦ iter:[1, 2]
            F ¦ select ¦ [1, 'a', None, 2.5, [1]] ¦ 'number' ¦ d ¦ iter:[1, 2.5]
            F ¦ select ¦ ['a', 'B'] ¦ 'upper' ¦ d ¦ iter:['B']
            F ¦ select ¦ [1] ¦ 'nosuchtest' ¦ d ¦ !TemplateRuntimeError: No test named 'nosuchtest'.
            F ¦ select ¦ [1] ¦ x=1 ¦ d ¦ iter:[1]
            F ¦ select ¦ [1, 2] ¦ 'odd', x=1 ¦ d ¦ !TypeError: test_odd() got an unexpected keyword argument 'x'
            F ¦ select ¦ [1, 2] ¦ 'divisibleby', num=2 ¦ d ¦ iter:[2]
            F ¦ select ¦ undefined ¦ 'odd' ¦ d ¦ iter:[]
            F ¦ select ¦ [1, undefined] ¦ 'defined' ¦ d ¦ iter:[1]
            F ¦ select ¦ 5 ¦ 'odd' ¦ d ¦ !TypeError: 'int' object is not iterable
            F ¦ reject ¦ [1, 2, 3, 4] ¦ 'odd' ¦ d ¦ iter:[2, 4]
            F ¦ reject ¦ [0, 1, '', 'a'] ¦  ¦ d ¦ iter:[0, '']
            F ¦ reject ¦ [1, 2, 3] ¦ 'lessthan', 2 ¦ d ¦ iter:[2, 3]
            F ¦ reject ¦ [1, 2, 3] ¦ 'in', [2] ¦ d ¦ iter:[1, 3]
            F ¦ reject ¦ [1, 'a', None] ¦ 'none' ¦ d ¦ iter:[1, 'a']
            F ¦ selectattr ¦ [{'c': 'P', 'n': 1}, {'n': 2}, {'c': '', 'n': 3}] ¦ 'c' ¦ d ¦ iter:[{'c': 'P', 'n': 1}]
            F ¦ selectattr ¦ [{'c': 'P', 'n': 1}, {'n': 2}, {'c': '', 'n': 3}] ¦ 'c' ¦ s ¦ !UndefinedError: 'dict object' has no attribute 'c'
            F ¦ selectattr ¦ [{'c': 'P', 'n': 1}, {'n': 2}] ¦ 'c', 'defined' ¦ d ¦ iter:[{'c': 'P', 'n': 1}]
            F ¦ selectattr ¦ [{'a': 30}, {'a': 25}] ¦ 'a', 'equalto', 30 ¦ d ¦ iter:[{'a': 30}]
            F ¦ selectattr ¦ [{'a': 30}, {'a': 25}] ¦ 'a', 'gt', 28 ¦ d ¦ iter:[{'a': 30}]
            F ¦ selectattr ¦ [{'m': {'on': True}}, {'m': {'on': False}}] ¦ 'm.on' ¦ d ¦ iter:[{'m': {'on': True}}]
            F ¦ selectattr ¦ [{'v': None}, {'v': 's'}, {'v': 3}] ¦ 'v', 'none' ¦ d ¦ iter:[{'v': None}]
            F ¦ selectattr ¦ [{'v': None}, {'v': 's'}, {'v': 3}] ¦ 'v', 'string' ¦ d ¦ iter:[{'v': 's'}]
            F ¦ selectattr ¦ [1] ¦  ¦ d ¦ !FilterArgumentError: Missing parameter for attribute name
            F ¦ selectattr ¦ [] ¦  ¦ d ¦ iter:[]
            F ¦ selectattr ¦ [[0, 1], [1, 0]] ¦ 0 ¦ d ¦ iter:[[1, 0]]
            F ¦ rejectattr ¦ [{'a': 30}, {'a': 25}, {'a': 41}] ¦ 'a', 'lt', 30 ¦ d ¦ iter:[{'a': 30}, {'a': 41}]
            F ¦ rejectattr ¦ [{'c': 'P', 'n': 1}, {'n': 2}] ¦ 'c', 'defined' ¦ d ¦ iter:[{'n': 2}]
            F ¦ rejectattr ¦ [{'c': 'P', 'n': 1}, {'n': 2}] ¦ 'c' ¦ d ¦ iter:[{'n': 2}]
            F ¦ rejectattr ¦ [1] ¦  ¦ d ¦ !FilterArgumentError: Missing parameter for attribute name
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
