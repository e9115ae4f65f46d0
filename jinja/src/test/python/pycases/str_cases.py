import os
import sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from methods import case, emit
from markupsafe import Markup
C = []
a = C.append
# case conversions
for s in ['hello world', 'Hello World', 'hELLO wORLD', "they're bill's friends", 'ß straße', 'ǆa ǅb Ǆc', 'ﬁx ﬂy', 'ΑΣ ΣΑ', 'aΣ.', 'İstanbul', 'ŉ', '1st 2ND 3rd', '', '\u1f80\u1fb3', 'ǰ', 'ꭰᏸ Ꭰ', 'a\u0345Σ b', 'µ', 'ſ']:
    for m in ['lower', 'upper', 'title', 'capitalize', 'swapcase', 'casefold']:
        a(case(s, m))
a(case('abc', 'upper', 1))
a(case('abc', 'upper', x=1))
a(case('abc', 'title', 1, 2))
# predicates
for s in ['', 'abc', 'ABC', 'Abc', 'Abc Def', 'aBc', '123', '١٢٣', '²', '½', '一二', 'Ⅻ', 'abc123', 'abc 123', ' \t\n', '\x1c\x1d\x1e\x1f\x85\xa0\u2028\u3000', '\u200b', 'a_b', '_1', '1a', 'ñandú', 'ǅ', 'ǅa', 'Hello World!', 'hello world!', 'HELLO!', '\x7f', 'é', '\U0001f600', 'a\u0301', 'ß']:
    for m in ['isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper']:
        a(case(s, m))
a(case('abc', 'isalpha', 1))
# search
for args in [('a',), ('b',), ('',), ('a', 1), ('a', -2), ('a', 0, 1), ('a', None, None), ('', 5), ('', 3), ('', 4), ('a', 10**30), ('a', -10**30), ('zz',), ('a', 'x'), (1,), (), ('a', 1, 2, 3), ('bc', 1, 3), ('bc', 1, 2)]:
    for m in ['find', 'rfind', 'index', 'rindex', 'count']:
        a(case('abcabc', m, *args))
a(case('abc', 'find', sub='a'))
a(case('a\U0001f600b\U0001f600c', 'find', 'b'))
a(case('a\U0001f600b\U0001f600c', 'rfind', '\U0001f600'))
a(case('a\U0001f600b\U0001f600c', 'count', '\U0001f600', 2))
a(case('aaaa', 'count', 'aa'))
a(case('aaaa', 'count', ''))
for m in ['startswith', 'endswith']:
    for args in [('ab',), ('bc',), ('',), (('x', 'ab'),), (('x', 'y'),), (('ab', 1),), ((1, 'ab'),), ((),), (1,), ('b', 1), ('b', 1, 2), ('c', -1), ('', 4), ('', 3), ('abc', 0, 2), ('a', 'x'), (), ('a', 1, 2, 3), ('a', None, 2)]:
        a(case('abc', m, *args))
a(case('abc', 'startswith', prefix='a'))
# replace
for args in [('a', 'x'), ('a', 'x', 1), ('a', 'x', 0), ('a', 'x', -1), ('', '-'), ('', '-', 2), ('', '-', 0), ('abc', ''), ('zz', 'y'), (1, 'b'), ('a', 1), ('a',), ('a', 'b', 'c'), ('a', 'b', 1.0), ('a', 'b', True)]:
    a(case('abcabc', 'replace', *args))
a(case('', 'replace', '', 'x'))
a(case('a\U0001f600b', 'replace', '', '.'))
a(case('abc', 'replace', old='a', new='b'))
# split
for s in ['a b  c', '  a b c  ', 'a,b,,c,', '', '   ', 'a\tb\nc\x1cd\x85e\u3000f', 'a\u200bb']:
    for args, kw in [((), {}), ((None,), {}), ((',',), {}), ((None, 1), {}), ((None, 0), {}), ((',', 1), {}), ((',', 2), {}), ((), {'maxsplit': 1}), ((), {'sep': ','}), ((',',), {'maxsplit': -1}), ((), {'sep': None, 'maxsplit': 2})]:
        a(case(s, 'split', *args, **kw))
        a(case(s, 'rsplit', *args, **kw))
for args, kw in [(('',), {}), ((1,), {}), ((',', 'x'), {}), ((',', 1, 2), {}), ((), {'x': 1}), ((',',), {'sep': ','}), ((), {'maxsplit': None}), ((), {'maxsplit': True}), ((), {'maxsplit': 10**30}), (('ab',), {})]:
    a(case('a,b ab c', 'split', *args, **kw))
    a(case('a,b ab c', 'rsplit', *args, **kw))
for s in ['a\nb\r\nc\rd', 'a\n', '\n', '', 'a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i', 'a\r', 'a\n\nb', 'no breaks']:
    a(case(s, 'splitlines'))
    a(case(s, 'splitlines', True))
    a(case(s, 'splitlines', keepends=True))
for args, kw in [((1,), {}), ((0,), {}), (('x',), {}), ((None,), {}), ((1.0,), {}), ((True, False), {}), ((), {'x': 1}), ((True,), {'keepends': True})]:
    a(case('a\nb', 'splitlines', *args, **kw))
# partition
for s in ['a=b=c', 'abc', '', '=']:
    for args in [('=',), ('b',), ('zz',), ('',), (1,), (), ('=', '=')]:
        a(case(s, 'partition', *args))
        a(case(s, 'rpartition', *args))
# strip
for s in ['  abc  ', '\t\n abc \x1c\x85\u3000', 'xxabcxx', 'abc', '', 'xyzzyx', '\U0001f600a\U0001f600']:
    for args in [(), (None,), ('x',), ('xy',), ('',), ('zyx',), ('\U0001f600',), (1,), ('a', 'b')]:
        for m in ['strip', 'lstrip', 'rstrip']:
            a(case(s, m, *args))
a(case('abc', 'strip', chars='a'))
# padding
for s in ['abc', 'ab', '', 'abcd', '\U0001f600']:
    for args in [(7,), (6,), (2,), (-1,), (7, '*'), (6, '*'), (8, '\U0001f600'), (5, 'ab'), (5, ''), (5, 1), ('x',), (5.0,), (True,), (), (5, '*', 1), (10**30,)]:
        for m in ['center', 'ljust', 'rjust']:
            a(case(s, m, *args))
a(case('abc', 'center', width=3))
for s in ['42', '-42', '+42', 'abc', '', '-', '+', '--1', '\U0001f600']:
    for args in [(5,), (2,), (0,), (-3,), (1,), ('x',), (), (1, 2)]:
        a(case(s, 'zfill', *args))
for s in ['a\tb', '\tab\tc\n\td', 'ab\r\tc', '1234567\t8', 'no tabs', '\U0001f600\tx']:
    for args, kw in [((), {}), ((4,), {}), ((0,), {}), ((-1,), {}), ((1,), {}), ((), {'tabsize': 2}), (('x',), {}), ((1, 2), {}), ((), {'x': 2})]:
        a(case(s, 'expandtabs', *args, **kw))
# join
for args in [(['a', 'b', 'c'],), ([],), (['a'],), ('abc',), (('x', 'y'),), ({'k1': 1, 'k2': 2},), ([1],), (['a', 2],), (1,), (None,), (), (['a'], ['b']), ([Markup('<b>'), 'c'],)]:
    a(case(', ', 'join', *args))
a(case('', 'join', ['a', 'b']))
# encode
for s in ['é', 'aéb', 'aé\U0001f600b', 'abc', '', '\'"', "'", 'a\x00\x7f\n\t\\']:
    for args, kw in [((), {}), (('ascii',), {}), (('ascii', 'replace'), {}), (('ascii', 'ignore'), {}), (('latin-1',), {}), (('UTF8',), {}), (('foo',), {}), ((1,), {}),
                     ((), {'encoding': 'utf-8'}), (('ascii', 'x'), {}), (('utf-8', 'x'), {}), ((), {'x': 1}), (('a', 'b', 'c'), {}), (('Latin_1',), {}), (('us-ascii',), {})]:
        a(case(s, 'encode', *args, **kw))
# affixes
for args in [('ab',), ('c',), ('',), ('abcd',), (1,), ()]:
    a(case('abc', 'removeprefix', *args))
    a(case('abc', 'removesuffix', *args))
print(emit(C))
print(len(C), file=sys.stderr)
