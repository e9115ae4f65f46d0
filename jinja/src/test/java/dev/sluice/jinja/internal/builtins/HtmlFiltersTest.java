package dev.sluice.jinja.internal.builtins;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTML filters: escape, forceescape, safe, striptags, xmlattr, urlencode, urlize, tojson. Expected results come from CPython Jinja2 3.1; see {@link TestingBuiltinCases}. */
class HtmlFiltersTest {
    private static final String CASES = """
            F ¦ escape ¦ '<a href="x">&\\'</a>' ¦  ¦ d ¦ Markup('&lt;a href=&#34;x&#34;&gt;&amp;&#39;&lt;/a&gt;')
            F ¦ e ¦ '<>' ¦  ¦ d ¦ Markup('&lt;&gt;')
            F ¦ e ¦ markup('<b>') ¦  ¦ d ¦ Markup('<b>')
            F ¦ e ¦ 5 ¦  ¦ d ¦ Markup('5')
            F ¦ e ¦ None ¦  ¦ d ¦ Markup('None')
            F ¦ e ¦ [1, '<'] ¦  ¦ d ¦ Markup('[1, &#39;&lt;&#39;]')
            F ¦ e ¦ undefined ¦  ¦ d ¦ Markup('')
            F ¦ e ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ e ¦ 'a' ¦ 1 ¦ d ¦ !TypeError: markupsafe._speedups.escape() takes exactly one argument (2 given)
            F ¦ e ¦ 'a' ¦ x=1 ¦ d ¦ !TypeError: markupsafe._speedups.escape() takes no keyword arguments
            F ¦ forceescape ¦ markup('<b>') ¦  ¦ d ¦ Markup('&lt;b&gt;')
            F ¦ forceescape ¦ markup('&amp;') ¦  ¦ d ¦ Markup('&amp;amp;')
            F ¦ forceescape ¦ '<' ¦  ¦ d ¦ Markup('&lt;')
            F ¦ forceescape ¦ 3.5 ¦  ¦ d ¦ Markup('3.5')
            F ¦ forceescape ¦ undefined ¦  ¦ d ¦ Markup('')
            F ¦ safe ¦ '<b>' ¦  ¦ d ¦ Markup('<b>')
            F ¦ safe ¦ 5 ¦  ¦ d ¦ Markup('5')
            F ¦ safe ¦ markup('x') ¦  ¦ d ¦ Markup('x')
            F ¦ safe ¦ undefined ¦  ¦ d ¦ Markup('')
            F ¦ safe ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ safe ¦ 'a' ¦ 1 ¦ d ¦ !TypeError: do_mark_safe() takes 1 positional argument but 2 were given
            F ¦ striptags ¦ '<p>Hello <b>world</b>!</p>' ¦  ¦ d ¦ 'Hello world!'
            F ¦ striptags ¦ '  <p>a\\n\\n   b</p>  &amp; &lt;x&gt; <!-- c -->d' ¦  ¦ d ¦ 'a b & <x> d'
            F ¦ striptags ¦ '&amp;x &#65; &#x42; &#128; &notit; &notin &amp &#0; &#xD800; &#11;' ¦  ¦ d ¦ '&x A B € ¬it; ¬in & � � '
            F ¦ striptags ¦ '<a\\nb>x</a  >  y <!-- <b> -->z' ¦  ¦ d ¦ 'x y z'
            F ¦ striptags ¦ 'Main &raquo;\\t<em>About</em>' ¦  ¦ d ¦ 'Main » About'
            F ¦ striptags ¦ '&#x110000; &#99999999999; &#65 &Aacute &AElig; &lt' ¦  ¦ d ¦ '� � A Á Æ <'
            F ¦ striptags ¦ markup('a &lt; b') ¦  ¦ d ¦ 'a < b'
            F ¦ striptags ¦ 5 ¦  ¦ d ¦ '5'
            F ¦ striptags ¦ undefined ¦  ¦ d ¦ ''
            F ¦ xmlattr ¦ {'href': '/x?a=1&b=2', 'class': 'c', 'title': '"q"'} ¦  ¦ d ¦ ' href="/x?a=1&amp;b=2" class="c" title="&#34;q&#34;"'
            F ¦ xmlattr ¦ {'t': '<&>'} ¦  ¦ a ¦ Markup(' t="&lt;&amp;&gt;"')
            F ¦ xmlattr ¦ {'x': 1} ¦ False ¦ d ¦ 'x="1"'
            F ¦ xmlattr ¦ {'x': 1} ¦ autospace=True ¦ d ¦ ' x="1"'
            F ¦ xmlattr ¦ {'a': None, 'b': undefined, 'c': 0, 'd': ''} ¦  ¦ d ¦ ' c="0" d=""'
            F ¦ xmlattr ¦ {} ¦  ¦ d ¦ ''
            F ¦ xmlattr ¦ {'a': None} ¦  ¦ a ¦ Markup('')
            F ¦ xmlattr ¦ {1: 'a'} ¦  ¦ d ¦ !TypeError: expected string or bytes-like object, got 'int'
            F ¦ xmlattr ¦ [1] ¦  ¦ d ¦ !AttributeError: 'list' object has no attribute 'items'
            F ¦ xmlattr ¦ {'a b': 'a'} ¦  ¦ d ¦ !ValueError: Invalid character in attribute name: 'a b'
            F ¦ xmlattr ¦ {'a/b': 'a'} ¦  ¦ d ¦ !ValueError: Invalid character in attribute name: 'a/b'
            F ¦ xmlattr ¦ {'a\\u00a0b': 'a'} ¦  ¦ d ¦ ' a\\xa0b="a"'
            F ¦ xmlattr ¦ {'a': True, 'b': [1, '<']} ¦  ¦ d ¦ ' a="True" b="[1, &#39;&lt;&#39;]"'
            F ¦ xmlattr ¦ {'a': 1} ¦ 0 ¦ d ¦ 'a="1"'
            F ¦ xmlattr ¦ {'<k': markup('<v>')} ¦  ¦ d ¦ ' &lt;k="<v>"'
            F ¦ xmlattr ¦ undefined ¦  ¦ d ¦ !UndefinedError: 'missing' is undefined
            F ¦ urlencode ¦ 'a b&c=d/é?' ¦  ¦ d ¦ 'a%20b%26c%3Dd/%C3%A9%3F'
            F ¦ urlencode ¦ 'x/y' ¦  ¦ d ¦ 'x/y'
            F ¦ urlencode ¦ 42 ¦  ¦ d ¦ '42'
            F ¦ urlencode ¦ None ¦  ¦ d ¦ 'None'
            F ¦ urlencode ¦ 1.5 ¦  ¦ d ¦ '1.5'
            F ¦ urlencode ¦ {'q': 'a b', 'lang': 'é', 'n': 1} ¦  ¦ d ¦ 'q=a+b&lang=%C3%A9&n=1'
            F ¦ urlencode ¦ [('a', 1), ('b', 'x y')] ¦  ¦ d ¦ 'a=1&b=x+y'
            F ¦ urlencode ¦ [1, 2] ¦  ¦ d ¦ !TypeError: cannot unpack non-iterable int object
            F ¦ urlencode ¦ ['ab'] ¦  ¦ d ¦ 'a=b'
            F ¦ urlencode ¦ [(1, 2, 3)] ¦  ¦ d ¦ !ValueError: too many values to unpack (expected 2)
            F ¦ urlencode ¦ [(1,)] ¦  ¦ d ¦ !ValueError: not enough values to unpack (expected 2, got 1)
            F ¦ urlencode ¦ {1: None, 'a/b': 'c d+e~'} ¦  ¦ d ¦ '1=None&a%2Fb=c+d%2Be~'
            F ¦ urlencode ¦ 'a~b_c.d-e f+g:h@' ¦  ¦ d ¦ 'a~b_c.d-e%20f%2Bg%3Ah%40'
            F ¦ urlencode ¦ '😀\\x00%' ¦  ¦ d ¦ '%F0%9F%98%80%00%25'
            F ¦ urlencode ¦ markup('<a b>') ¦  ¦ d ¦ '%3Ca%20b%3E'
            F ¦ urlencode ¦ undefined ¦  ¦ d ¦ ''
            F ¦ urlencode ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ urlencode ¦ [] ¦  ¦ d ¦ ''
            F ¦ urlencode ¦ {} ¦  ¦ d ¦ ''
            F ¦ urlize ¦ 'visit http://example.com now' ¦  ¦ d ¦ 'visit <a href="http://example.com" rel="noopener">http://example.com</a> now'
            F ¦ urlize ¦ 'a<b http://e.com?a=1&b=2' ¦  ¦ d ¦ 'a&lt;b <a href="http://e.com?a=1&amp;b=2" rel="noopener">http://e.com?a=1&amp;b=2</a>'
            F ¦ urlize ¦ 'go ftp://x.org and tel:123 and mailto:a@b.co' ¦ extra_schemes=['ftp://', 'tel:'] ¦ d ¦ 'go <a href="ftp://x.org" rel="noopener">ftp://x.org</a> and <a href="tel:123" rel="noopener">tel:123</a> and <a href="mailto:a@b.co">a@b.co</a>'
            F ¦ urlize ¦ 'https://e.com example.com e.org/x' ¦  ¦ d ¦ '<a href="https://e.com" rel="noopener">https://e.com</a> <a href="https://example.com" rel="noopener">example.com</a> e.org/x'
            F ¦ urlize ¦ 'http://a.com' ¦ nofollow=True, target='_blank' ¦ d ¦ '<a href="http://a.com" rel="nofollow noopener" target="_blank">http://a.com</a>'
            F ¦ urlize ¦ '(http://example.com/x). <http://e.com>' ¦  ¦ d ¦ '(<a href="http://example.com/x" rel="noopener">http://example.com/x</a>). &lt;<a href="http://e.com" rel="noopener">http://e.com</a>&gt;'
            F ¦ urlize ¦ 'http://a.com' ¦ rel='ugc' ¦ d ¦ '<a href="http://a.com" rel="noopener ugc">http://a.com</a>'
            F ¦ urlize ¦ 'http://a.com' ¦ nofollow=True, rel='ugc  x' ¦ d ¦ '<a href="http://a.com" rel="nofollow noopener ugc x">http://a.com</a>'
            F ¦ urlize ¦ 'http://example.com/a/very/long/path/here' ¦ 20 ¦ d ¦ '<a href="http://example.com/a/very/long/path/here" rel="noopener">http://example.com/a...</a>'
            F ¦ urlize ¦ 'www.example.org/a' ¦ 5 ¦ d ¦ '<a href="https://www.example.org/a" rel="noopener">www.e...</a>'
            F ¦ urlize ¦ 'see www.example.org or mail me@example.com' ¦  ¦ d ¦ 'see <a href="https://www.example.org" rel="noopener">www.example.org</a> or mail <a href="mailto:me@example.com">me@example.com</a>'
            F ¦ urlize ¦ 'x http://192.168.0.1:8080/p and http://[::1]/ and http://1.2.3/ y' ¦  ¦ d ¦ 'x <a href="http://192.168.0.1:8080/p" rel="noopener">http://192.168.0.1:8080/p</a> and <a href="http://[::1]/" rel="noopener">http://[::1]/</a> and http://1.2.3/ y'
            F ¦ urlize ¦ 'a (www.x.com/(b)) c' ¦  ¦ d ¦ 'a (<a href="https://www.x.com/(b)" rel="noopener">www.x.com/(b)</a>) c'
            F ¦ urlize ¦ 'see http://x.com/a,b. done' ¦  ¦ d ¦ 'see <a href="http://x.com/a,b" rel="noopener">http://x.com/a,b</a>. done'
            F ¦ urlize ¦ 'foo@bar foo@bar.baz mailto:x@y mailto:x@y.z www.a@b.com a:b@c.com' ¦  ¦ d ¦ 'foo@bar <a href="mailto:foo@bar.baz">foo@bar.baz</a> mailto:x@y <a href="mailto:x@y.z">x@y.z</a> www.a@b.com a:b@c.com'
            F ¦ urlize ¦ 'HTTP://EXAMPLE.COM xn--bcher-kva.example WWW.X.IO' ¦  ¦ d ¦ '<a href="https://HTTP://EXAMPLE.COM" rel="noopener">HTTP://EXAMPLE.COM</a> xn--bcher-kva.example <a href="https://WWW.X.IO" rel="noopener">WWW.X.IO</a>'
            F ¦ urlize ¦ 'example.museum sub.example.info a.b.mil' ¦  ¦ d ¦ 'example.museum <a href="https://sub.example.info" rel="noopener">sub.example.info</a> a.b.mil'
            F ¦ urlize ¦ '\\nhttp://x.com\\n\\nhttp://y.com\\n' ¦  ¦ d ¦ '\\n<a href="http://x.com" rel="noopener">http://x.com</a>\\n\\n<a href="http://y.com" rel="noopener">http://y.com</a>\\n'
            F ¦ urlize ¦ 'http://x.com' ¦  ¦ a ¦ Markup('<a href="http://x.com" rel="noopener">http://x.com</a>')
            F ¦ urlize ¦ markup('<b>http://x.com</b>') ¦  ¦ d ¦ '<b>http://x.com</b>'
            F ¦ urlize ¦ 'x' ¦ extra_schemes=['x'] ¦ d ¦ !FilterArgumentError: 'x' is not a valid URI scheme prefix.
            F ¦ urlize ¦ 'x' ¦ extra_schemes='ftp:' ¦ d ¦ !FilterArgumentError: 'f' is not a valid URI scheme prefix.
            F ¦ urlize ¦ 'x' ¦ extra_schemes=[1] ¦ d ¦ !TypeError: expected string or bytes-like object, got 'int'
            F ¦ urlize ¦ 'ftp: ftp:x' ¦ extra_schemes=['ftp:'] ¦ d ¦ 'ftp: <a href="ftp:x" rel="noopener">ftp:x</a>'
            F ¦ urlize ¦ 'http://a.com' ¦ target='<"x">' ¦ d ¦ '<a href="http://a.com" rel="noopener" target="&lt;&#34;x&#34;&gt;">http://a.com</a>'
            F ¦ urlize ¦ undefined ¦  ¦ d ¦ ''
            F ¦ urlize ¦ 5 ¦  ¦ d ¦ '5'
            F ¦ urlize ¦ 'http://a.com' ¦ rel=5 ¦ d ¦ !AttributeError: 'int' object has no attribute 'split'
            F ¦ tojson ¦ {'b': 1, 'a': [1.5, None, True, 'x']} ¦  ¦ d ¦ Markup('{"a": [1.5, null, true, "x"], "b": 1}')
            F ¦ tojson ¦ "<script>'&'</script>" ¦  ¦ d ¦ Markup('"\\\\u003cscript\\\\u003e\\\\u0027\\\\u0026\\\\u0027\\\\u003c/script\\\\u003e"')
            F ¦ tojson ¦ [1, {'x': 'é'}] ¦ indent=1 ¦ d ¦ Markup('[\\n 1,\\n {\\n  "x": "\\\\u00e9"\\n }\\n]')
            F ¦ tojson ¦ {'b': {'c': 1}, 'a': [1, 2]} ¦ 2 ¦ d ¦ Markup('{\\n  "a": [\\n    1,\\n    2\\n  ],\\n  "b": {\\n    "c": 1\\n  }\\n}')
            F ¦ tojson ¦ {'b': [], 'a': {}} ¦ 2 ¦ d ¦ Markup('{\\n  "a": {},\\n  "b": []\\n}')
            F ¦ tojson ¦ [1, 2] ¦ '\\t' ¦ d ¦ Markup('[\\n\\t1,\\n\\t2\\n]')
            F ¦ tojson ¦ [1, 2] ¦ 0 ¦ d ¦ Markup('[\\n1,\\n2\\n]')
            F ¦ tojson ¦ [1, 2] ¦ -1 ¦ d ¦ Markup('[\\n1,\\n2\\n]')
            F ¦ tojson ¦ [1, 2] ¦ 1.5 ¦ d ¦ !TypeError: can't multiply sequence by non-int of type 'float'
            F ¦ tojson ¦ 'é😀\\x01\\x7f"\\\\/\\n\\t\\b\\f\\r' ¦  ¦ d ¦ Markup('"\\\\u00e9\\\\ud83d\\\\ude00\\\\u0001\\\\u007f\\\\"\\\\\\\\/\\\\n\\\\t\\\\b\\\\f\\\\r"')
            F ¦ tojson ¦ 1.0 ¦  ¦ d ¦ Markup('1.0')
            F ¦ tojson ¦ 1e300 ¦  ¦ d ¦ Markup('1e+300')
            F ¦ tojson ¦ 1152921504606846976 ¦  ¦ d ¦ Markup('1152921504606846976')
            F ¦ tojson ¦ 123456789012345678901234567890 ¦  ¦ d ¦ Markup('123456789012345678901234567890')
            F ¦ tojson ¦ (1, 2) ¦  ¦ d ¦ Markup('[1, 2]')
            F ¦ tojson ¦ None ¦  ¦ d ¦ Markup('null')
            F ¦ tojson ¦ False ¦  ¦ d ¦ Markup('false')
            F ¦ tojson ¦ markup('<b>') ¦  ¦ d ¦ Markup('"\\\\u003cb\\\\u003e"')
            F ¦ tojson ¦ {1: 'a', 2.5: 'b', False: 'c', None: 'd'} ¦  ¦ d ¦ !TypeError: '<' not supported between instances of 'NoneType' and 'int'
            F ¦ tojson ¦ {1: 'a', 2.5: 'b', False: 'c', 'x': 'd'} ¦  ¦ d ¦ !TypeError: '<' not supported between instances of 'str' and 'int'
            F ¦ tojson ¦ {1: 'a', 2.5: 'b', False: 'c', -1: 'd'} ¦  ¦ d ¦ Markup('{"-1": "d", "false": "c", "1": "a", "2.5": "b"}')
            F ¦ tojson ¦ {'a': 1, 1: 2} ¦  ¦ d ¦ !TypeError: '<' not supported between instances of 'int' and 'str'
            F ¦ tojson ¦ {(1, 2): 1} ¦  ¦ d ¦ !TypeError: keys must be str, int, float, bool or None, not tuple
            F ¦ tojson ¦ undefined ¦  ¦ d ¦ !TypeError: Object of type Undefined is not JSON serializable
            F ¦ tojson ¦ range(3) ¦  ¦ d ¦ !TypeError: Object of type range is not JSON serializable
            F ¦ tojson ¦ {'a': 1} ¦  ¦ a ¦ Markup('{"a": 1}')
            F ¦ tojson ¦ [1] ¦ 1, 2 ¦ d ¦ !TypeError: do_tojson() takes from 2 to 3 positional arguments but 4 were given
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
