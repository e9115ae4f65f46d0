package dev.sluice.jinja.internal.builtins;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The layout filters: indent, wordwrap, pprint. Expected results come from CPython Jinja2 3.1; see {@link TestingBuiltinCases}. */
class TextFiltersTest {
    private static final String CASES = """
            F ¦ indent ¦ 'line1\\nline2\\n\\nline4' ¦  ¦ d ¦ 'line1\\n    line2\\n\\n    line4'
            F ¦ indent ¦ 'line1\\nline2\\n\\nline4' ¦ 2, blank=True ¦ d ¦ 'line1\\n  line2\\n  \\n  line4'
            F ¦ indent ¦ 'line1\\nline2\\n\\nline4' ¦ '> ', first=True ¦ d ¦ '> line1\\n> line2\\n\\n> line4'
            F ¦ indent ¦ 'line1\\nline2\\n\\nline4' ¦ 2, True ¦ d ¦ '  line1\\n  line2\\n\\n  line4'
            F ¦ indent ¦ 'abc' ¦ first=True ¦ d ¦ '    abc'
            F ¦ indent ¦ 'a\\nb\\n' ¦ 2 ¦ d ¦ 'a\\n  b\\n'
            F ¦ indent ¦ 'a\\r\\nb\\rc\\x0bd\\x1ce\\u2028f' ¦ 1 ¦ d ¦ 'a\\n b\\n c\\n d\\n e\\n f'
            F ¦ indent ¦ '' ¦ first=True ¦ d ¦ '    '
            F ¦ indent ¦ '' ¦ first=True, blank=True ¦ d ¦ '    '
            F ¦ indent ¦ '\\n' ¦ 2, True, True ¦ d ¦ '  \\n  '
            F ¦ indent ¦ 5 ¦  ¦ d ¦ !TypeError: unsupported operand type(s) for +=: 'int' and 'str'
            F ¦ indent ¦ [1] ¦  ¦ d ¦ !AttributeError: 'list' object has no attribute 'splitlines'
            F ¦ indent ¦ 'ab' ¦ 1.5 ¦ d ¦ !TypeError: can't multiply sequence by non-int of type 'float'
            F ¦ indent ¦ 'a\\nb' ¦ -1 ¦ d ¦ 'a\\nb'
            F ¦ indent ¦ 'a\\nb' ¦ True ¦ d ¦ 'a\\n b'
            F ¦ indent ¦ 'a\\nb' ¦ None ¦ d ¦ !TypeError: can't multiply sequence by non-int of type 'NoneType'
            F ¦ indent ¦ markup('a<\\nb') ¦ '<>' ¦ d ¦ Markup('a<\\n<>b')
            F ¦ indent ¦ markup('a\\n\\nb') ¦ 2, blank=True ¦ d ¦ Markup('a\\n  \\n  b')
            F ¦ indent ¦ undefined ¦  ¦ d ¦ !UndefinedError: 'missing' is undefined
            F ¦ indent ¦ 'a' ¦ width=undefined ¦ d ¦ !UndefinedError: 'missing' is undefined
            F ¦ indent ¦ 'a' ¦ 1, 2, 3, 4 ¦ d ¦ !TypeError: do_indent() takes from 1 to 4 positional arguments but 5 were given
            F ¦ wordwrap ¦ 'The quick brown fox jumps over the lazy dog' ¦ 10 ¦ d ¦ 'The quick\\nbrown fox\\njumps over\\nthe lazy\\ndog'
            F ¦ wordwrap ¦ 'The quick brown fox jumps over the lazy dog' ¦ 15, wrapstring='<br>' ¦ d ¦ 'The quick brown<br>fox jumps over<br>the lazy dog'
            F ¦ wordwrap ¦ 'abcdefghijklmnop qr' ¦ 5 ¦ d ¦ 'abcde\\nfghij\\nklmno\\np qr'
            F ¦ wordwrap ¦ 'abcdefghijklmnop qr' ¦ 5, False ¦ d ¦ 'abcdefghijklmnop\\nqr'
            F ¦ wordwrap ¦ 'well-known-thing x' ¦ 7 ¦ d ¦ 'well-\\nknown-\\nthing x'
            F ¦ wordwrap ¦ 'well-known-thing x' ¦ 7, break_on_hyphens=False ¦ d ¦ 'well-kn\\nown-thi\\nng x'
            F ¦ wordwrap ¦ 'well-known-thing x' ¦ 7, break_on_hyphens=1 ¦ d ¦ 'well-\\nknown-\\nthing x'
            F ¦ wordwrap ¦ 'word word word word word word word word word word word word word word word word word word word word ' ¦  ¦ d ¦ 'word word word word word word word word word word word word word word word word\\nword word word word'
            F ¦ wordwrap ¦ 'aaa bbb ccc\\n\\nddd eee' ¦ 7 ¦ d ¦ 'aaa bbb\\nccc\\n\\nddd eee'
            F ¦ wordwrap ¦ 'a  b   c    d' ¦ 3 ¦ d ¦ 'a\\nb\\nc\\nd'
            F ¦ wordwrap ¦ '  leading and trailing  ' ¦ 8 ¦ d ¦ 'leading\\nand\\ntrailing'
            F ¦ wordwrap ¦ 'tab\\tseparated\\twords here' ¦ 9 ¦ d ¦ 'tab\\nseparated\\nwords\\nhere'
            F ¦ wordwrap ¦ 'Look, goof-ball -- use the -b option!' ¦ 12 ¦ d ¦ 'Look, goof-\\nball -- use\\nthe -b\\noption!'
            F ¦ wordwrap ¦ 'Look, goof-ball -- use the -b option!' ¦ 6 ¦ d ¦ 'Look,\\ngoof-\\nball\\n-- use\\nthe -b\\noption\\n!'
            F ¦ wordwrap ¦ 'a--b c---d e-f-g h-1 2-x' ¦ 3 ¦ d ¦ 'a--\\nb c\\n---\\nd e\\n-f-\\ng\\nh-1\\n2-x'
            F ¦ wordwrap ¦ 'aaaa-bbbb-cccc-dddd' ¦ 6 ¦ d ¦ 'aaaa-\\nbbbb-\\ncccc-\\ndddd'
            F ¦ wordwrap ¦ '----abcd' ¦ 3 ¦ d ¦ '---\\n-ab\\ncd'
            F ¦ wordwrap ¦ 'über-größe straße-ähnlich' ¦ 8 ¦ d ¦ 'über-\\ngröße\\nstraße-\\nähnlich'
            F ¦ wordwrap ¦ 'abc' ¦ 0 ¦ d ¦ !ValueError: invalid width 0 (must be > 0)
            F ¦ wordwrap ¦ '' ¦ 0 ¦ d ¦ ''
            F ¦ wordwrap ¦ 'abc def' ¦ 1 ¦ d ¦ 'a\\nb\\nc\\nd\\ne\\nf'
            F ¦ wordwrap ¦ 'a\\r\\nb\\rc' ¦ 5 ¦ d ¦ 'a\\nb\\nc'
            F ¦ wordwrap ¦ 'x\\u00a0y z' ¦ 2 ¦ d ¦ 'x\\xa0\\ny\\nz'
            F ¦ wordwrap ¦ 'one two three' ¦ 5, wrapstring=markup('<br>') ¦ d ¦ Markup('one<br>two<br>three')
            F ¦ wordwrap ¦ markup('<b>one</b> two') ¦ 5 ¦ d ¦ '<b>on\\ne</b>\\ntwo'
            F ¦ wordwrap ¦ 'one two' ¦ 3, wrapstring=5 ¦ d ¦ !AttributeError: 'int' object has no attribute 'join'
            F ¦ wordwrap ¦ 'one two' ¦ 'x' ¦ d ¦ !TypeError: '<=' not supported between instances of 'str' and 'int'
            F ¦ wordwrap ¦ 5 ¦  ¦ d ¦ !AttributeError: 'int' object has no attribute 'splitlines'
            F ¦ wordwrap ¦ undefined ¦  ¦ d ¦ !UndefinedError: 'missing' is undefined
            F ¦ wordwrap ¦ 'ab😀cd😀ef' ¦ 3 ¦ d ¦ 'ab😀\\ncd😀\\nef'
            F ¦ pprint ¦ 'a' ¦  ¦ d ¦ "'a'"
            F ¦ pprint ¦ 1.5 ¦  ¦ d ¦ '1.5'
            F ¦ pprint ¦ None ¦  ¦ d ¦ 'None'
            F ¦ pprint ¦ (1,) ¦  ¦ d ¦ '(1,)'
            F ¦ pprint ¦ {'b': [1, 2], 'a': 'x', 'c': None} ¦  ¦ d ¦ "{'a': 'x', 'b': [1, 2], 'c': None}"
            F ¦ pprint ¦ ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda'] ¦  ¦ d ¦ "['alpha',\\n 'beta',\\n 'gamma',\\n 'delta',\\n 'epsilon',\\n 'zeta',\\n 'eta',\\n 'theta',\\n 'iota',\\n 'kappa',\\n 'lambda']"
            F ¦ pprint ¦ {'name': 'a rather long string value here', 'items': [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19], 'nested': {'key1': 'value1', 'key2': ['alpha', 'beta', 'gamma', 'delta']}} ¦  ¦ d ¦ "{'items': [0,\\n           1,\\n           2,\\n           3,\\n           4,\\n           5,\\n           6,\\n           7,\\n           8,\\n           9,\\n           10,\\n           11,\\n           12,\\n           13,\\n           14,\\n           15,\\n           16,\\n           17,\\n           18,\\n           19],\\n 'name': 'a rather long string value here',\\n 'nested': {'key1': 'value1', 'key2': ['alpha', 'beta', 'gamma', 'delta']}}"
            F ¦ pprint ¦ 'word word word word word word word word word word word word word word word word word word word word word word ' ¦  ¦ d ¦ "('word word word word word word word word word word word word word word word '\\n 'word word word word word word word ')"
            F ¦ pprint ¦ ['word word word word word word word word word word word word word word word word word word'] ¦  ¦ d ¦ "['word word word word word word word word word word word word word word word '\\n 'word word word']"
            F ¦ pprint ¦ {'k': 'line one is here and it is long\\nline two is here and it is long too, even longer than before'} ¦  ¦ d ¦ "{'k': 'line one is here and it is long\\\\n'\\n      'line two is here and it is long too, even longer than before'}"
            F ¦ pprint ¦ [(1, 2, 3, 'a somewhat long string that goes on'), ('another long string for the tuple', 4, 5, 6)] ¦  ¦ d ¦ "[(1, 2, 3, 'a somewhat long string that goes on'),\\n ('another long string for the tuple', 4, 5, 6)]"
            F ¦ pprint ¦ [('a single element tuple containing a long string that is longer than the width of eighty',)] ¦  ¦ d ¦ "[('a single element tuple containing a long string that is longer than the '\\n  'width of eighty',)]"
            F ¦ pprint ¦ {3: 'c', 1: 'a', 2: 'b'} ¦  ¦ d ¦ "{1: 'a', 2: 'b', 3: 'c'}"
            F ¦ pprint ¦ {'b': 1, 1: 'x', None: 2} ¦  ¦ d ¦ "{None: 2, 1: 'x', 'b': 1}"
            F ¦ pprint ¦ [markup('<b>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</b>'), markup('<i>bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb</i>')] ¦  ¦ d ¦ "[Markup('<b>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</b>'),\\n Markup('<i>bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb</i>')]"
            F ¦ pprint ¦ [[], {}, (), ''] ¦  ¦ d ¦ "[[], {}, (), '']"
            F ¦ pprint ¦ undefined ¦  ¦ d ¦ 'Undefined'
            F ¦ pprint ¦ range(100) ¦  ¦ d ¦ 'range(0, 100)'
            F ¦ pprint ¦ [range(3), 1e100, -0.0, True, 123456789012345678901234567890] ¦  ¦ d ¦ '[range(0, 3), 1e+100, -0.0, True, 123456789012345678901234567890]'
            F ¦ pprint ¦ {'x': [{'aaaaaaaaaa': 1, 'bbbbbbbbbbbb': 2, 'ccccccccccccc': 3, 'dddddddddddd': [1, 2, 3, 4, 5, 6, 7]}]} ¦  ¦ d ¦ "{'x': [{'aaaaaaaaaa': 1,\\n        'bbbbbbbbbbbb': 2,\\n        'ccccccccccccc': 3,\\n        'dddddddddddd': [1, 2, 3, 4, 5, 6, 7]}]}"
            F ¦ pprint ¦ 'a very long string without spaces aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' ¦  ¦ d ¦ "('a very long string without spaces '\\n 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')"
            F ¦ pprint ¦ ['é😀\\n\\t\\x00\\'"'] ¦  ¦ d ¦ '[\\'é😀\\\\n\\\\t\\\\x00\\\\\\'"\\']'
            F ¦ pprint ¦ 1 ¦ 2 ¦ d ¦ !TypeError: do_pprint() takes 1 positional argument but 2 were given
            F ¦ wordwrap ¦ 'one two three' ¦ 5.5 ¦ d ¦ 'one\\ntwo\\nthree'
            F ¦ wordwrap ¦ 'onetwothree' ¦ 5.5 ¦ d ¦ !TypeError: slice indices must be integers or None or have an __index__ method
            F ¦ wordwrap ¦ 'onetwothree' ¦ 5.5, False ¦ d ¦ 'onetwothree'
            F ¦ wordwrap ¦ '' ¦ 'x' ¦ d ¦ ''
            F ¦ wordwrap ¦ 'abc' ¦ True ¦ d ¦ 'a\\nb\\nc'
            F ¦ wordwrap ¦ 'abc' ¦ None ¦ d ¦ !TypeError: '<=' not supported between instances of 'NoneType' and 'int'
            F ¦ wordwrap ¦ 'abc' ¦ 0.5 ¦ d ¦ 'a\\nb\\nc'
            F ¦ wordwrap ¦ 'abc' ¦ -2 ¦ d ¦ !ValueError: invalid width -2 (must be > 0)
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
