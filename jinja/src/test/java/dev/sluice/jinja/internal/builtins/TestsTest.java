package dev.sluice.jinja.internal.builtins;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The builtin tests. Expected results come from CPython Jinja2 3.1; see {@link TestingBuiltinCases}. */
class TestsTest {
    private static final String CASES = """
            T ¦ odd ¦ 3 ¦  ¦ d ¦ True
            T ¦ odd ¦ 4 ¦  ¦ d ¦ False
            T ¦ odd ¦ -3 ¦  ¦ d ¦ True
            T ¦ odd ¦ 2.5 ¦  ¦ d ¦ False
            T ¦ odd ¦ 3.0 ¦  ¦ d ¦ True
            T ¦ odd ¦ True ¦  ¦ d ¦ True
            T ¦ odd ¦ 12345678901234567890123 ¦  ¦ d ¦ True
            T ¦ odd ¦ undefined ¦  ¦ d ¦ !UndefinedError: 'missing' is undefined
            T ¦ odd ¦ None ¦  ¦ d ¦ !TypeError: unsupported operand type(s) for %: 'NoneType' and 'int'
            T ¦ odd ¦ [1] ¦  ¦ d ¦ !TypeError: unsupported operand type(s) for %: 'list' and 'int'
            T ¦ odd ¦ 1 ¦ 1 ¦ d ¦ !TypeError: test_odd() takes 1 positional argument but 2 were given
            T ¦ odd ¦ 1 ¦ x=1 ¦ d ¦ !TypeError: test_odd() got an unexpected keyword argument 'x'
            T ¦ even ¦ 4 ¦  ¦ d ¦ True
            T ¦ even ¦ 0 ¦  ¦ d ¦ True
            T ¦ even ¦ 3 ¦  ¦ d ¦ False
            T ¦ even ¦ -2.0 ¦  ¦ d ¦ True
            T ¦ divisibleby ¦ 9 ¦ 3 ¦ d ¦ True
            T ¦ divisibleby ¦ 10 ¦ 3 ¦ d ¦ False
            T ¦ divisibleby ¦ 0 ¦ 5 ¦ d ¦ True
            T ¦ divisibleby ¦ 7.5 ¦ 2.5 ¦ d ¦ True
            T ¦ divisibleby ¦ 9 ¦ 0 ¦ d ¦ !ZeroDivisionError: integer modulo by zero
            T ¦ divisibleby ¦ 9.0 ¦ 0 ¦ d ¦ !ZeroDivisionError: float modulo
            T ¦ divisibleby ¦ 9 ¦ num=3 ¦ d ¦ True
            T ¦ divisibleby ¦ 9 ¦ 3, 4 ¦ d ¦ !TypeError: test_divisibleby() takes 2 positional arguments but 3 were given
            T ¦ divisibleby ¦ 9 ¦  ¦ d ¦ !TypeError: test_divisibleby() missing 1 required positional argument: 'num'
            T ¦ divisibleby ¦ 9 ¦ -3 ¦ d ¦ True
            T ¦ defined ¦ undefined ¦  ¦ d ¦ False
            T ¦ defined ¦ None ¦  ¦ d ¦ True
            T ¦ defined ¦ undefined ¦  ¦ s ¦ False
            T ¦ defined ¦ 1 ¦ 1 ¦ d ¦ !TypeError: test_defined() takes 1 positional argument but 2 were given
            T ¦ undefined ¦ undefined ¦  ¦ d ¦ True
            T ¦ undefined ¦ 0 ¦  ¦ d ¦ False
            T ¦ undefined ¦ undefined ¦  ¦ s ¦ True
            T ¦ filter ¦ 'upper' ¦  ¦ d ¦ True
            T ¦ filter ¦ 'nosuch' ¦  ¦ d ¦ False
            T ¦ filter ¦ 'd' ¦  ¦ d ¦ True
            T ¦ filter ¦ 'odd' ¦  ¦ d ¦ False
            T ¦ filter ¦ 5 ¦  ¦ d ¦ False
            T ¦ filter ¦ [1] ¦  ¦ d ¦ !TypeError: unhashable type: 'list'
            T ¦ filter ¦ undefined ¦  ¦ d ¦ False
            T ¦ test ¦ 'odd' ¦  ¦ d ¦ True
            T ¦ test ¦ 'nosuch' ¦  ¦ d ¦ False
            T ¦ test ¦ '==' ¦  ¦ d ¦ True
            T ¦ test ¦ 'upper' ¦  ¦ d ¦ True
            T ¦ test ¦ 'lessthan' ¦  ¦ d ¦ True
            T ¦ none ¦ None ¦  ¦ d ¦ True
            T ¦ none ¦ 0 ¦  ¦ d ¦ False
            T ¦ none ¦ undefined ¦  ¦ d ¦ False
            T ¦ boolean ¦ True ¦  ¦ d ¦ True
            T ¦ boolean ¦ 1 ¦  ¦ d ¦ False
            T ¦ boolean ¦ None ¦  ¦ d ¦ False
            T ¦ true ¦ True ¦  ¦ d ¦ True
            T ¦ true ¦ 1 ¦  ¦ d ¦ False
            T ¦ false ¦ False ¦  ¦ d ¦ True
            T ¦ false ¦ 0 ¦  ¦ d ¦ False
            T ¦ false ¦ None ¦  ¦ d ¦ False
            T ¦ integer ¦ 1 ¦  ¦ d ¦ True
            T ¦ integer ¦ 1.0 ¦  ¦ d ¦ False
            T ¦ integer ¦ True ¦  ¦ d ¦ False
            T ¦ integer ¦ 1267650600228229401496703205376 ¦  ¦ d ¦ True
            T ¦ float ¦ 1.0 ¦  ¦ d ¦ True
            T ¦ float ¦ 1 ¦  ¦ d ¦ False
            T ¦ float ¦ '1.0' ¦  ¦ d ¦ False
            T ¦ lower ¦ 'abc' ¦  ¦ d ¦ True
            T ¦ lower ¦ 'aBc' ¦  ¦ d ¦ False
            T ¦ lower ¦ '123' ¦  ¦ d ¦ False
            T ¦ lower ¦ 'a1' ¦  ¦ d ¦ True
            T ¦ lower ¦ 'ǅ' ¦  ¦ d ¦ False
            T ¦ lower ¦ 'ªb' ¦  ¦ d ¦ True
            T ¦ lower ¦ 5 ¦  ¦ d ¦ False
            T ¦ lower ¦ None ¦  ¦ d ¦ False
            T ¦ lower ¦ [1, 'a'] ¦  ¦ d ¦ True
            T ¦ lower ¦ undefined ¦  ¦ d ¦ False
            T ¦ lower ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            T ¦ upper ¦ 'ABC' ¦  ¦ d ¦ True
            T ¦ upper ¦ '123' ¦  ¦ d ¦ False
            T ¦ upper ¦ 'A1' ¦  ¦ d ¦ True
            T ¦ upper ¦ 'Ǆ' ¦  ¦ d ¦ True
            T ¦ upper ¦ 'ǅ' ¦  ¦ d ¦ False
            T ¦ upper ¦ None ¦  ¦ d ¦ False
            T ¦ upper ¦ True ¦  ¦ d ¦ False
            T ¦ string ¦ 'a' ¦  ¦ d ¦ True
            T ¦ string ¦ '' ¦  ¦ d ¦ True
            T ¦ string ¦ 1 ¦  ¦ d ¦ False
            T ¦ string ¦ ['a'] ¦  ¦ d ¦ False
            T ¦ string ¦ markup('a') ¦  ¦ d ¦ True
            T ¦ string ¦ undefined ¦  ¦ d ¦ False
            T ¦ mapping ¦ {} ¦  ¦ d ¦ True
            T ¦ mapping ¦ [] ¦  ¦ d ¦ False
            T ¦ mapping ¦ 'a' ¦  ¦ d ¦ False
            T ¦ number ¦ 1 ¦  ¦ d ¦ True
            T ¦ number ¦ 1.5 ¦  ¦ d ¦ True
            T ¦ number ¦ True ¦  ¦ d ¦ True
            T ¦ number ¦ '1' ¦  ¦ d ¦ False
            T ¦ number ¦ None ¦  ¦ d ¦ False
            T ¦ sequence ¦ [] ¦  ¦ d ¦ True
            T ¦ sequence ¦ 'abc' ¦  ¦ d ¦ True
            T ¦ sequence ¦ {} ¦  ¦ d ¦ True
            T ¦ sequence ¦ () ¦  ¦ d ¦ True
            T ¦ sequence ¦ 5 ¦  ¦ d ¦ False
            T ¦ sequence ¦ range(3) ¦  ¦ d ¦ True
            T ¦ sequence ¦ None ¦  ¦ d ¦ False
            T ¦ sequence ¦ undefined ¦  ¦ d ¦ True
            T ¦ sequence ¦ undefined ¦  ¦ s ¦ False
            T ¦ iterable ¦ [] ¦  ¦ d ¦ True
            T ¦ iterable ¦ 'abc' ¦  ¦ d ¦ True
            T ¦ iterable ¦ {} ¦  ¦ d ¦ True
            T ¦ iterable ¦ 5 ¦  ¦ d ¦ False
            T ¦ iterable ¦ range(2) ¦  ¦ d ¦ True
            T ¦ iterable ¦ None ¦  ¦ d ¦ False
            T ¦ iterable ¦ undefined ¦  ¦ d ¦ True
            T ¦ iterable ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            T ¦ callable ¦ 'a' ¦  ¦ d ¦ False
            T ¦ callable ¦ undefined ¦  ¦ d ¦ True
            T ¦ callable ¦ None ¦  ¦ d ¦ False
            T ¦ callable ¦ 1 ¦ 1 ¦ d ¦ !TypeError: callable() takes exactly one argument (2 given)
            T ¦ sameas ¦ True ¦ True ¦ d ¦ True
            T ¦ sameas ¦ 1 ¦ True ¦ d ¦ False
            T ¦ sameas ¦ None ¦ None ¦ d ¦ True
            T ¦ sameas ¦ None ¦ False ¦ d ¦ False
            T ¦ sameas ¦ [1] ¦ [1] ¦ d ¦ False
            T ¦ sameas ¦ 1 ¦  ¦ d ¦ !TypeError: test_sameas() missing 1 required positional argument: 'other'
            T ¦ escaped ¦ 'a' ¦  ¦ d ¦ False
            T ¦ escaped ¦ markup('a') ¦  ¦ d ¦ True
            T ¦ escaped ¦ 5 ¦  ¦ d ¦ False
            T ¦ in ¦ 1 ¦ [1, 2] ¦ d ¦ True
            T ¦ in ¦ 'a' ¦ 'cat' ¦ d ¦ True
            T ¦ in ¦ 'k' ¦ {'k': 1} ¦ d ¦ True
            T ¦ in ¦ 3 ¦ [1, 2] ¦ d ¦ False
            T ¦ in ¦ 1.0 ¦ [1, 2] ¦ d ¦ True
            T ¦ in ¦ 2 ¦ range(3) ¦ d ¦ True
            T ¦ in ¦ 1 ¦ 'abc' ¦ d ¦ !TypeError: 'in <string>' requires string as left operand, not int
            T ¦ in ¦ 1 ¦ 5 ¦ d ¦ !TypeError: argument of type 'int' is not iterable
            T ¦ in ¦ undefined ¦ [1] ¦ d ¦ False
            T ¦ in ¦ undefined ¦ [1] ¦ s ¦ !UndefinedError: 'missing' is undefined
            T ¦ in ¦ 1 ¦ undefined ¦ d ¦ False
            T ¦ in ¦ 1 ¦  ¦ d ¦ !TypeError: test_in() missing 1 required positional argument: 'seq'
            T ¦ eq ¦ 1 ¦ 1 ¦ d ¦ True
            T ¦ equalto ¦ 1 ¦ 1.0 ¦ d ¦ True
            T ¦ == ¦ 'a' ¦ 'a' ¦ d ¦ True
            T ¦ eq ¦ 1 ¦ 2 ¦ d ¦ False
            T ¦ eq ¦ [1] ¦ (1,) ¦ d ¦ False
            T ¦ eq ¦ undefined ¦ 1 ¦ d ¦ False
            T ¦ eq ¦ undefined ¦ 1 ¦ s ¦ !UndefinedError: 'missing' is undefined
            T ¦ eq ¦ 1 ¦  ¦ d ¦ !TypeError: eq expected 2 arguments, got 1
            T ¦ eq ¦ 1 ¦ 1, 2 ¦ d ¦ !TypeError: eq expected 2 arguments, got 3
            T ¦ eq ¦ 1 ¦ x=1 ¦ d ¦ !TypeError: _operator.eq() takes no keyword arguments
            T ¦ ne ¦ 1 ¦ 2 ¦ d ¦ True
            T ¦ != ¦ 1 ¦ 1 ¦ d ¦ False
            T ¦ ne ¦ 1 ¦  ¦ d ¦ !TypeError: ne expected 2 arguments, got 1
            T ¦ gt ¦ 3 ¦ 2 ¦ d ¦ True
            T ¦ greaterthan ¦ 3 ¦ 3 ¦ d ¦ False
            T ¦ > ¦ 'b' ¦ 'a' ¦ d ¦ True
            T ¦ gt ¦ 1 ¦ 'a' ¦ d ¦ !TypeError: '>' not supported between instances of 'int' and 'str'
            T ¦ gt ¦ undefined ¦ 1 ¦ d ¦ !UndefinedError: 'missing' is undefined
            T ¦ ge ¦ 3 ¦ 3 ¦ d ¦ True
            T ¦ >= ¦ 3 ¦ 4 ¦ d ¦ False
            T ¦ lt ¦ 1 ¦ 2 ¦ d ¦ True
            T ¦ lessthan ¦ 2 ¦ 2 ¦ d ¦ False
            T ¦ < ¦ [1] ¦ [1, 0] ¦ d ¦ True
            T ¦ lt ¦ 5 ¦  ¦ d ¦ !TypeError: lt expected 2 arguments, got 1
            T ¦ le ¦ 2 ¦ 2 ¦ d ¦ True
            T ¦ <= ¦ 3 ¦ 2 ¦ d ¦ False
            T ¦ le ¦ None ¦ 1 ¦ d ¦ !TypeError: '<=' not supported between instances of 'NoneType' and 'int'
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
