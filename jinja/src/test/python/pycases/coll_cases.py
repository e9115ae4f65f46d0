import os
import sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from methods import case, scase, emit
from markupsafe import Markup
which = sys.argv[1]
C = []; a = C.append
if which == 'markup':
    m = Markup('<b>Hello</b> &amp; World')
    for meth in ['lower', 'upper', 'title', 'capitalize', 'swapcase', 'casefold', 'striptags', 'unescape', 'isupper', 'istitle']:
        a(case(m, meth))
    for args in [('World', '<i>'), ('&amp;', 'and'), ('<b>', '<em>'), (Markup('<b>'), Markup('<em>')), ('o', '0', 1)]:
        a(case(m, 'replace', *args))
    for meth, args in [('center', (30,)), ('center', (30, '*')), ('center', (30, '<')), ('ljust', (30, '-')), ('rjust', (30,)), ('zfill', (30,)),
                       ('strip', ('<>',)), ('strip', ('<',)), ('lstrip', ('<b',)), ('rstrip', (Markup('dl'),)), ('expandtabs', (4,)),
                       ('split', ()), ('split', ('&',)), ('split', ('&amp;',)), ('rsplit', (' ', 1)), ('split', ()), ('splitlines', ()),
                       ('partition', ('&',)), ('partition', ('&amp;',)), ('rpartition', ('<',)), ('partition', (None,)), ('partition', (5,)),
                       ('join', (['<a>', Markup('<b>'), 3, None],)), ('join', (5,)), ('join', ()),
                       ('find', ('&',)), ('count', ('<',)), ('startswith', ('<b>',)), ('endswith', ('d',)), ('index', ('Hello',)),
                       ('removeprefix', ('<b>',)), ('removesuffix', ('World',)), ('escape', ('<x>',)), ('escape', (Markup('<x>'),)),
                       ('format', ('<i>',)), ('upper', (1,)), ('striptags', (1,)), ('split', (',', 1, 2)), ('split', ()), ('partition', ())]:
        a(case(m, meth, *args))
    a(case(m, 'split', sep='&', maxsplit=1))
    a(case(m, 'splitlines', keepends=True))
    a(case(Markup('a\nb<br>\nc'), 'splitlines', True))
    for s in ['<p>Hello  <b>World</b></p>\n\t!', 'a <!-- comment <b> --> b', '&lt;tag&gt; &amp;amp; &nbsp;x &#60; &#x3c; &#128; &bogus; &amp', '<a\nhref="x">link</a>', '&notit; &notin; &copy &COPY', '&#0; &#xD800; &#1114112; &#11;']:
        a(case(Markup(s), 'striptags'))
        a(case(Markup(s), 'unescape'))
    for f, args, kw in [('{0} and {1}', ('<a>', Markup('<b>')), {}), ('{x}', (), {'x': '&'}), ('{0!r}', ('<',), {}), ('{0:>5}', ('<',), {}),
                        ('{0:>5}', (Markup('<'),), {}), ('{0}', (None,), {}), ('{0:d}', (5,), {}), ('{0!s}', (Markup('<'),), {}), ('{0.real}', (3,), {}),
                        ('{0[0]}', (['<'],), {}), ('{}', ([1, '<'],), {})]:
        a(case(Markup(f), 'format', *args, **kw))
    for mapping in [{'a': '<'}, {'a': Markup('<')}, {}]:
        a(case(Markup('{a}'), 'format_map', mapping))
    a(case(Markup('{a}'), 'format_map'))
    a(case(Markup('{a}'), 'format_map', {}, x=1))
elif which == 'list':
    L = [3, 1, 2, 1]
    for meth, args, kw in [('append', (4,), {}), ('append', (), {}), ('append', (1, 2), {}), ('append', (), {'x': 1}), ('clear', (), {}), ('clear', (1,), {}),
                           ('copy', (), {}), ('count', (1,), {}), ('count', (1.0,), {}), ('count', (True,), {}), ('count', ('1',), {}), ('count', (), {}),
                           ('extend', ([5, 6],), {}), ('extend', ('ab',), {}), ('extend', ((7,),), {}), ('extend', ({'k': 1},), {}), ('extend', (1,), {}), ('extend', (range(2),), {}),
                           ('index', (1,), {}), ('index', (1, 2), {}), ('index', (1, -1), {}), ('index', (1, 0, 1), {}), ('index', (2, -10, 10**30), {}), ('index', (9,), {}),
                           ('index', (1, 'x'), {}), ('index', (1, None), {}), ('index', (), {}), ('index', (1, 4), {}), ('index', (True,), {}), ('index', ('x',), {}),
                           ('insert', (0, 9), {}), ('insert', (-1, 9), {}), ('insert', (-100, 9), {}), ('insert', (100, 9), {}), ('insert', (2, 9), {}), ('insert', (1,), {}), ('insert', ('x', 1), {}), ('insert', (10**30, 1), {}),
                           ('pop', (), {}), ('pop', (0,), {}), ('pop', (-1,), {}), ('pop', (-4,), {}), ('pop', (4,), {}), ('pop', (-5,), {}), ('pop', ('x',), {}), ('pop', (1, 2), {}), ('pop', (True,), {}), ('pop', (10**30,), {}),
                           ('remove', (1,), {}), ('remove', (9,), {}), ('remove', (1.0,), {}), ('remove', (), {}),
                           ('reverse', (), {}), ('reverse', (1,), {}),
                           ('sort', (), {}), ('sort', (), {'reverse': True}), ('sort', (), {'reverse': 1}), ('sort', (), {'reverse': 'x'}), ('sort', (1,), {}), ('sort', (), {'x': 1}),
                           ('sort', (), {'key': None}), ('sort', (), {'key': None, 'reverse': False, 'x': 1}), ('nope', (), {})]:
        if meth == 'nope': continue
        a(case(L, meth, *args, **kw))
    for lst in [[], [1, 'a'], ['b', 'a', 'C', 'B'], [3.5, 1, True, 2, False], [[2, 1], [1, 2], [1]], [(2, 'a'), (1, 'b'), (1, 'a')], ['b', 'a', 'c'], [0.0, -0.0, 0], list(range(30, 0, -1)), [5, 3, 5, 1, 3, 5], [1, None]]:
        a(case(lst, 'sort'))
        a(case(lst, 'sort', reverse=True))
    a(case([], 'pop'))
    T = (1, 2, 1, 'a')
    for meth, args in [('count', (1,)), ('count', (True,)), ('count', ()), ('index', (2,)), ('index', (1, 1)), ('index', ('a', -1)), ('index', (9,)), ('index', ()), ('index', (1, 'x')), ('append', (1,))]:
        if meth == 'append': continue
        a(case(T, meth, *args))
    for r in [range(0, 10, 2), range(5), range(10, 0, -3), range(0)]:
        for meth, args in [('count', (4,)), ('count', (4.0,)), ('count', (True,)), ('count', ('a',)), ('index', (4,)), ('index', (7,)), ('index', (4.0,)), ('index', (True,)), ('index', ('a',)), ('index', (10**30,)), ('count', ()), ('index', (1, 2))]:
            a(case(r, meth, *args))
elif which == 'dict':
    D = {'a': 1, 'b': 2, 1: 'one'}
    for meth, args, kw in [('keys', (), {}), ('values', (), {}), ('items', (), {}), ('keys', (1,), {}), ('get', ('a',), {}), ('get', ('z',), {}), ('get', ('z', 0), {}),
                           ('get', (1.0,), {}), ('get', (True,), {}), ('get', (), {}), ('get', (1, 2, 3), {}), ('get', (), {'key': 'a'}), ('get', ([1],), {}),
                           ('copy', (), {}), ('clear', (), {}), ('pop', ('a',), {}), ('pop', ('z',), {}), ('pop', ('z', None), {}), ('pop', (1.0,), {}), ('pop', (), {}), ('pop', (1, 2, 3), {}),
                           ('popitem', (), {}), ('setdefault', ('a',), {}), ('setdefault', ('z',), {}), ('setdefault', ('z', 5), {}), ('setdefault', (True, 5), {}), ('setdefault', (), {}), ('setdefault', ({},), {}),
                           ('update', ({'a': 10, 'c': 3},), {}), ('update', ([('x', 1), ['y', 2]],), {}), ('update', ((),), {}), ('update', (['ab', 'cd'],), {}), ('update', (), {'a': 5, 'n': 6}),
                           ('update', ({'q': 1},), {'r': 2}), ('update', ({1.0: 'uno', True: 'si'},), {}), ('update', (1,), {}), ('update', ([1],), {}), ('update', ([(1, 2, 3)],), {}), ('update', ({}, {}), {}),
                           ('update', ([('k',)],), {}), ('update', (), {})]:
        a(case(D, meth, *args, **kw))
    a(case({}, 'popitem'))
    a(case({'x': [1]}, 'copy'))
    for meth in ['keys', 'values', 'items']:
        a(case({}, meth))
elif which == 'bytes':
    for b in [b'\xc3\xa9', b'\xff', b'abc', b'', b'\xe3\x81', b'\xe3', b'\xe3\x41', b'a\xed\xa0\x80', b'\xf0\x9f\x98\x80', b'\xf4\x90\x80\x80', b'\xc0\xaf', b'ok\xe2\x82']:
        for args in [(), ('latin-1',), ('ascii',), ('utf-8',), ('foo',)]:
            a(case(b, 'decode', *args))
elif which == 'set':
    S = {1, 2, 3}
    for meth, args, kw in [('add', (4,), {}), ('add', (2,), {}), ('add', (2.0,), {}), ('add', ([1],), {}), ('add', (), {}), ('discard', (2,), {}), ('discard', (9,), {}), ('discard', (1.0,), {}),
                           ('remove', (2,), {}), ('remove', (9,), {}), ('remove', (True,), {}), ('clear', (), {}), ('copy', (), {}),
                           ('union', ([4, 5],), {}), ('union', ([4], (5,), {6: 0}), {}), ('union', (), {}), ('union', (1,), {}), ('union', ([1.0, 7],), {}),
                           ('intersection', ([2, 3, 4],), {}), ('intersection', ([2, 3], [3]), {}), ('intersection', (1,), {}), ('intersection', ([2.0],), {}),
                           ('difference', ([2],), {}), ('difference', ([2], [3]), {}), ('difference', ([True],), {}), ('symmetric_difference', ([3, 4],), {}),
                           ('issubset', ([1, 2, 3, 4],), {}), ('issubset', ([1, 2],), {}), ('issuperset', ([1, 2],), {}), ('issuperset', ([1, 5],), {}), ('issubset', (1,), {}),
                           ('isdisjoint', ([4, 5],), {}), ('isdisjoint', ([3],), {}), ('update', ([4], [5, 1]), {}), ('update', (1,), {}), ('update', ([1],), {'x': 1}),
                           ('union', ([2],), {'x': 1})]:
        a(scase(S, meth, *args, **kw))
    a(scase(set(), 'pop'))
    a(scase({5}, 'pop'))
print(emit(C))
print(len(C), file=sys.stderr)
