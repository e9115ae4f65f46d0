package dev.sluice.jinja.internal.builtins;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The text filters. Expected results come from CPython Jinja2 3.1; see {@link TestingBuiltinCases}. */
class StringFiltersTest {
    private static final String CASES = """
            F ¦ upper ¦ 'abc' ¦  ¦ d ¦ 'ABC'
            F ¦ upper ¦ 'straße' ¦  ¦ d ¦ 'STRASSE'
            F ¦ upper ¦ markup('<b>x</b>') ¦  ¦ d ¦ Markup('<B>X</B>')
            F ¦ upper ¦ 5 ¦  ¦ d ¦ '5'
            F ¦ upper ¦ None ¦  ¦ d ¦ 'NONE'
            F ¦ upper ¦ [1, 'a'] ¦  ¦ d ¦ "[1, 'A']"
            F ¦ upper ¦ undefined ¦  ¦ d ¦ ''
            F ¦ upper ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ upper ¦ 'a' ¦ 1 ¦ d ¦ !TypeError: do_upper() takes 1 positional argument but 2 were given
            F ¦ lower ¦ 'AbC' ¦  ¦ d ¦ 'abc'
            F ¦ lower ¦ 'ΑΣ ΣΑ' ¦  ¦ d ¦ 'ας σα'
            F ¦ lower ¦ 'İ' ¦  ¦ d ¦ 'i̇'
            F ¦ lower ¦ True ¦  ¦ d ¦ 'true'
            F ¦ lower ¦ markup('<B>') ¦  ¦ d ¦ Markup('<b>')
            F ¦ capitalize ¦ 'hello WORLD' ¦  ¦ d ¦ 'Hello world'
            F ¦ capitalize ¦ '' ¦  ¦ d ¦ ''
            F ¦ capitalize ¦ '1abc' ¦  ¦ d ¦ '1abc'
            F ¦ capitalize ¦ 'ßa' ¦  ¦ d ¦ 'Ssa'
            F ¦ capitalize ¦ 'ǆb' ¦  ¦ d ¦ 'ǅb'
            F ¦ capitalize ¦ 'ﬁx' ¦  ¦ d ¦ 'Fix'
            F ¦ capitalize ¦ 'ŉx' ¦  ¦ d ¦ 'ʼNx'
            F ¦ capitalize ¦ 'ΑΣ' ¦  ¦ d ¦ 'Ας'
            F ¦ capitalize ¦ markup('<b>X</b>') ¦  ¦ d ¦ Markup('<b>x</b>')
            F ¦ capitalize ¦ undefined ¦  ¦ d ¦ ''
            F ¦ title ¦ 'hello world' ¦  ¦ d ¦ 'Hello World'
            F ¦ title ¦ 'HELLO wORLD' ¦  ¦ d ¦ 'Hello World'
            F ¦ title ¦ "it's o'neil" ¦  ¦ d ¦ "It's O'neil"
            F ¦ title ¦ 'jean-luc picard' ¦  ¦ d ¦ 'Jean-Luc Picard'
            F ¦ title ¦ '(hello) [world] {x} <y>' ¦  ¦ d ¦ '(Hello) [World] {X} <Y>'
            F ¦ title ¦ 'x1y 2nd a_b c.d' ¦  ¦ d ¦ 'X1y 2nd A_b C.d'
            F ¦ title ¦ "'hi'  there\\tyou\\u3000now" ¦  ¦ d ¦ "'hi'  There\\tYou\\u3000Now"
            F ¦ title ¦ 'ßa ǆb ﬁx' ¦  ¦ d ¦ 'SSa Ǆb FIx'
            F ¦ title ¦ markup('<b>hi</b> there') ¦  ¦ d ¦ '<B>hi</b> There'
            F ¦ title ¦ 12 ¦  ¦ d ¦ '12'
            F ¦ center ¦ 'x' ¦  ¦ d ¦ '                                       x                                        '
            F ¦ center ¦ 'ab' ¦ 6 ¦ d ¦ '  ab  '
            F ¦ center ¦ 'ab' ¦ width=7 ¦ d ¦ '   ab  '
            F ¦ center ¦ 'abc' ¦ 1 ¦ d ¦ 'abc'
            F ¦ center ¦ 'x' ¦ 4 ¦ d ¦ ' x  '
            F ¦ center ¦ 'x' ¦ 5 ¦ d ¦ '  x  '
            F ¦ center ¦ 'xy' ¦ 5 ¦ d ¦ '  xy '
            F ¦ center ¦ 'xy' ¦ 7 ¦ d ¦ '   xy  '
            F ¦ center ¦ 'abc' ¦ True ¦ d ¦ 'abc'
            F ¦ center ¦ 'abc' ¦ 'a' ¦ d ¦ !TypeError: 'str' object cannot be interpreted as an integer
            F ¦ center ¦ 'abc' ¦ 1.5 ¦ d ¦ !TypeError: 'float' object cannot be interpreted as an integer
            F ¦ center ¦ 'abc' ¦ -5 ¦ d ¦ 'abc'
            F ¦ center ¦ markup('<') ¦ 3 ¦ d ¦ Markup(' < ')
            F ¦ center ¦ 7 ¦ 3 ¦ d ¦ ' 7 '
            F ¦ center ¦ 'a' ¦ 1, 2 ¦ d ¦ !TypeError: do_center() takes from 1 to 2 positional arguments but 3 were given
            F ¦ trim ¦ '  a  ' ¦  ¦ d ¦ 'a'
            F ¦ trim ¦ '\\n\\ta \\n' ¦  ¦ d ¦ 'a'
            F ¦ trim ¦ '\\u00a0a\\u2003' ¦  ¦ d ¦ 'a'
            F ¦ trim ¦ 'xxaxx' ¦ 'x' ¦ d ¦ 'a'
            F ¦ trim ¦ '-=a=-' ¦ '-=' ¦ d ¦ 'a'
            F ¦ trim ¦ '  a  ' ¦ chars=' a' ¦ d ¦ ''
            F ¦ trim ¦ 'abc' ¦ 1 ¦ d ¦ !TypeError: strip arg must be None or str
            F ¦ trim ¦ 'abc' ¦ None ¦ d ¦ 'abc'
            F ¦ trim ¦ markup(' <b> ') ¦  ¦ d ¦ Markup('<b>')
            F ¦ trim ¦ markup('a<b') ¦ '<' ¦ d ¦ Markup('a<b')
            F ¦ trim ¦ markup('ta<b;t') ¦ '<' ¦ d ¦ Markup('a<b')
            F ¦ trim ¦ 5 ¦  ¦ d ¦ '5'
            F ¦ replace ¦ 'aaa' ¦ 'a', 'b' ¦ d ¦ 'bbb'
            F ¦ replace ¦ 'aaa' ¦ 'a', 'b', 2 ¦ d ¦ 'bba'
            F ¦ replace ¦ 'aaa' ¦ 'a', 'c', count=1 ¦ d ¦ 'caa'
            F ¦ replace ¦ 'Hello' ¦ 'l', '' ¦ d ¦ 'Heo'
            F ¦ replace ¦ 'abc' ¦ '', '-' ¦ d ¦ '-a-b-c-'
            F ¦ replace ¦ 'abc' ¦ '', '-', 2 ¦ d ¦ '-a-bc'
            F ¦ replace ¦ 'a b' ¦ 'a', 1 ¦ d ¦ '1 b'
            F ¦ replace ¦ 'a b' ¦ 'a', 'b', 1.5 ¦ d ¦ !TypeError: 'float' object cannot be interpreted as an integer
            F ¦ replace ¦ 'a b' ¦ 'a', 'b', None ¦ d ¦ 'b b'
            F ¦ replace ¦ 'a b' ¦ 'a', 'b', -1 ¦ d ¦ 'b b'
            F ¦ replace ¦ 'a b' ¦ 'a', 'b', 0 ¦ d ¦ 'a b'
            F ¦ replace ¦ 5 ¦ '5', 'b' ¦ d ¦ 'b'
            F ¦ replace ¦ markup('<a>') ¦ 'a', '<b>' ¦ d ¦ '<<b>>'
            F ¦ replace ¦ '<a>' ¦ 'a', '<b>' ¦ a ¦ '<<b>>'
            F ¦ replace ¦ markup('<a>') ¦ 'a', '<b>' ¦ a ¦ Markup('<&lt;b&gt;>')
            F ¦ replace ¦ '<a>' ¦ 'a', markup('<b>') ¦ a ¦ Markup('&lt;<b>&gt;')
            F ¦ replace ¦ '<a>' ¦ markup('a'), 'b' ¦ a ¦ Markup('&lt;b&gt;')
            F ¦ replace ¦ '<a>' ¦ '<', 'x' ¦ a ¦ 'xa>'
            F ¦ replace ¦ undefined ¦ 'a', 'b' ¦ d ¦ ''
            F ¦ replace ¦ 'a' ¦ 'a' ¦ d ¦ !TypeError: do_replace() missing 1 required positional argument: 'new'
            F ¦ string ¦ 5 ¦  ¦ d ¦ '5'
            F ¦ string ¦ None ¦  ¦ d ¦ 'None'
            F ¦ string ¦ [1, 'a'] ¦  ¦ d ¦ "[1, 'a']"
            F ¦ string ¦ markup('<a>') ¦  ¦ d ¦ Markup('<a>')
            F ¦ string ¦ 1.0 ¦  ¦ d ¦ '1.0'
            F ¦ string ¦ {'a': (1,)} ¦  ¦ d ¦ "{'a': (1,)}"
            F ¦ string ¦ undefined ¦  ¦ d ¦ ''
            F ¦ string ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ string ¦ 'a' ¦ 1 ¦ d ¦ !TypeError: markupsafe._speedups.soft_str() takes exactly one argument (2 given)
            F ¦ string ¦ 'a' ¦ x=1 ¦ d ¦ !TypeError: markupsafe._speedups.soft_str() takes no keyword arguments
            F ¦ wordcount ¦ 'hello big  world' ¦  ¦ d ¦ 3
            F ¦ wordcount ¦ '' ¦  ¦ d ¦ 0
            F ¦ wordcount ¦ "it's a-b c_d" ¦  ¦ d ¦ 5
            F ¦ wordcount ¦ 'hello\\u2003world\\x1cfoo' ¦  ¦ d ¦ 3
            F ¦ wordcount ¦ '¹²³ x² é' ¦  ¦ d ¦ 3
            F ¦ wordcount ¦ 12345 ¦  ¦ d ¦ 1
            F ¦ wordcount ¦ undefined ¦  ¦ d ¦ 0
            F ¦ truncate ¦ 'The quick brown fox jumps over the lazy dog' ¦ 15 ¦ d ¦ 'The quick...'
            F ¦ truncate ¦ 'The quick brown fox jumps over the lazy dog' ¦ 100 ¦ d ¦ 'The quick brown fox jumps over the lazy dog'
            F ¦ truncate ¦ 'The quick brown fox jumps over the lazy dog' ¦ 15, True ¦ d ¦ 'The quick br...'
            F ¦ truncate ¦ 'The quick brown fox jumps over the lazy dog' ¦ 15, killwords=True, end='' ¦ d ¦ 'The quick brown'
            F ¦ truncate ¦ 'The quick brown fox jumps over the lazy dog' ¦ 15, False, '…' ¦ d ¦ 'The quick…'
            F ¦ truncate ¦ 'The quick brown fox jumps over the lazy dog' ¦ 15, end=' [more]' ¦ d ¦ 'The [more]'
            F ¦ truncate ¦ 'The quick brown fox jumps over the lazy dog' ¦ 40 ¦ d ¦ 'The quick brown fox jumps over the lazy dog'
            F ¦ truncate ¦ 'The quick brown fox jumps over the lazy dog' ¦ 40, leeway=0 ¦ d ¦ 'The quick brown fox jumps over the...'
            F ¦ truncate ¦ 'The quick brown fox jumps over the lazy dog' ¦ 20, leeway=30 ¦ d ¦ 'The quick brown fox jumps over the lazy dog'
            F ¦ truncate ¦ 'abcdefghijklmnopqrstuvwxyz' ¦ 10, leeway=0 ¦ d ¦ 'abcdefg...'
            F ¦ truncate ¦ 'abcdefgh' ¦ 3, leeway=0 ¦ d ¦ '...'
            F ¦ truncate ¦ 'abcdefgh' ¦ 5, True, leeway=0 ¦ d ¦ 'ab...'
            F ¦ truncate ¦ 'a b c' ¦ 3, killwords=True, end='!', leeway=0 ¦ d ¦ 'a !'
            F ¦ truncate ¦ 'abcdefghijkl' ¦ 5, end=1 ¦ d ¦ !TypeError: object of type 'int' has no len()
            F ¦ truncate ¦ 'abcdefghijkl' ¦ 5.5, leeway=0 ¦ d ¦ !TypeError: slice indices must be integers or None or have an __index__ method
            F ¦ truncate ¦ 'abc def<ghijkl' ¦ 9, leeway=0, end='<' ¦ d ¦ 'abc<'
            F ¦ truncate ¦ markup('abc def<ghijkl') ¦ 9, leeway=0, end='<' ¦ d ¦ Markup('abc&lt;')
            F ¦ truncate ¦ [1, 2] ¦ 3 ¦ d ¦ [1, 2]
            F ¦ truncate ¦ undefined ¦  ¦ d ¦ Undefined
            F ¦ truncate ¦ 'ab😀cdefgh😀ijklmn' ¦ 8, True, leeway=0 ¦ d ¦ 'ab😀cd...'
            F ¦ truncate ¦ 'abc' ¦ 3, s=1 ¦ d ¦ !TypeError: do_truncate() got multiple values for argument 's'
            F ¦ truncate ¦ 'abc' ¦ 1, 2, 3, 4, 5, 6 ¦ d ¦ !TypeError: do_truncate() takes from 2 to 6 positional arguments but 8 were given
            F ¦ truncate ¦ 'abc' ¦ foo=1 ¦ d ¦ !TypeError: do_truncate() got an unexpected keyword argument 'foo'
            F ¦ format ¦ '%s-%s' ¦ 'a', 'b' ¦ d ¦ 'a-b'
            F ¦ format ¦ '%s' ¦ 'a', b=1 ¦ d ¦ !FilterArgumentError: can't handle positional and keyword arguments at the same time
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
