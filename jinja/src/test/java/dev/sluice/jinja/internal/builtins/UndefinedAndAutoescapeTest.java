package dev.sluice.jinja.internal.builtins;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Calls whose result depends on the undefined policy or on autoescaping. Expected results come from CPython Jinja2 3.1; see {@link TestingBuiltinCases}. */
class UndefinedAndAutoescapeTest {
    private static final String CASES = """
            F ¦ sort ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ groupby ¦ undefined ¦ 'a' ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ unique ¦ [{'c': 'X'}, {}, {}] ¦ attribute='c' ¦ s ¦ !UndefinedError: 'dict object' has no attribute 'c'
            F ¦ unique ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ min ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ sum ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ map ¦ undefined ¦ 'upper' ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ select ¦ undefined ¦ 'odd' ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ selectattr ¦ [{'c': 'P', 'n': 1}, {'n': 2}, {'c': '', 'n': 3}] ¦ 'c' ¦ s ¦ !UndefinedError: 'dict object' has no attribute 'c'
            F ¦ rejectattr ¦ [{'c': 'P', 'n': 1}, {'n': 2}] ¦ 'c' ¦ s ¦ !UndefinedError: 'dict object' has no attribute 'c'
            G ¦ range ¦  ¦ undefined ¦ s ¦ !TypeError: 'StrictUndefined' object cannot be interpreted as an integer
            F ¦ e ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ forceescape ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ safe ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ striptags ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ urlencode ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ urlize ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ tojson ¦ undefined ¦  ¦ s ¦ !TypeError: Object of type StrictUndefined is not JSON serializable
            F ¦ abs ¦ undefined ¦  ¦ s ¦ !TypeError: bad operand type for abs(): 'StrictUndefined'
            F ¦ round ¦ undefined ¦  ¦ s ¦ !TypeError: type StrictUndefined doesn't define __round__ method
            F ¦ first ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ last ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ random ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ length ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ list ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ reverse ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ batch ¦ undefined ¦ 2 ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ slice ¦ undefined ¦ 2 ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ join ¦ [None, 1, undefined] ¦ ',' ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ join ¦ [{'n': 'a'}, {'m': 'b'}] ¦ ', ', attribute='n' ¦ s ¦ !UndefinedError: 'dict object' has no attribute 'n'
            F ¦ upper ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ capitalize ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ replace ¦ undefined ¦ 'a', 'b' ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ string ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ wordcount ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ truncate ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            T ¦ filter ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            T ¦ lower ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            T ¦ sequence ¦ undefined ¦  ¦ s ¦ False
            T ¦ iterable ¦ undefined ¦  ¦ s ¦ !UndefinedError: 'missing' is undefined
            T ¦ in ¦ undefined ¦ [1] ¦ s ¦ !UndefinedError: 'missing' is undefined
            T ¦ in ¦ 1 ¦ undefined ¦ s ¦ !UndefinedError: 'missing' is undefined
            T ¦ eq ¦ undefined ¦ 1 ¦ s ¦ !UndefinedError: 'missing' is undefined
            F ¦ attr ¦ undefined ¦ 'a' ¦ c ¦ Undefined
            G ¦ range ¦  ¦ undefined ¦ c ¦ !TypeError: 'ChainableUndefined' object cannot be interpreted as an integer
            F ¦ tojson ¦ undefined ¦  ¦ c ¦ !TypeError: Object of type ChainableUndefined is not JSON serializable
            F ¦ abs ¦ undefined ¦  ¦ c ¦ !TypeError: bad operand type for abs(): 'ChainableUndefined'
            F ¦ round ¦ undefined ¦  ¦ c ¦ !TypeError: type ChainableUndefined doesn't define __round__ method
            F ¦ xmlattr ¦ {'href': '/x?a=1&b=2', 'class': 'c', 'title': '"q"'} ¦  ¦ a ¦ Markup(' href="/x?a=1&amp;b=2" class="c" title="&#34;q&#34;"')
            F ¦ xmlattr ¦ {'x': 1} ¦ False ¦ a ¦ Markup('x="1"')
            F ¦ xmlattr ¦ {'x': 1} ¦ autospace=True ¦ a ¦ Markup(' x="1"')
            F ¦ xmlattr ¦ {'a': None, 'b': undefined, 'c': 0, 'd': ''} ¦  ¦ a ¦ Markup(' c="0" d=""')
            F ¦ xmlattr ¦ {} ¦  ¦ a ¦ Markup('')
            F ¦ xmlattr ¦ {'a\\u00a0b': 'a'} ¦  ¦ a ¦ Markup(' a\\xa0b="a"')
            F ¦ xmlattr ¦ {'a': True, 'b': [1, '<']} ¦  ¦ a ¦ Markup(' a="True" b="[1, &#39;&lt;&#39;]"')
            F ¦ xmlattr ¦ {'a': 1} ¦ 0 ¦ a ¦ Markup('a="1"')
            F ¦ xmlattr ¦ {'<k': markup('<v>')} ¦  ¦ a ¦ Markup(' &lt;k="<v>"')
            F ¦ urlize ¦ 'visit http://example.com now' ¦  ¦ a ¦ Markup('visit <a href="http://example.com" rel="noopener">http://example.com</a> now')
            F ¦ urlize ¦ 'a<b http://e.com?a=1&b=2' ¦  ¦ a ¦ Markup('a&lt;b <a href="http://e.com?a=1&amp;b=2" rel="noopener">http://e.com?a=1&amp;b=2</a>')
            F ¦ urlize ¦ 'go ftp://x.org and tel:123 and mailto:a@b.co' ¦ extra_schemes=['ftp://', 'tel:'] ¦ a ¦ Markup('go <a href="ftp://x.org" rel="noopener">ftp://x.org</a> and <a href="tel:123" rel="noopener">tel:123</a> and <a href="mailto:a@b.co">a@b.co</a>')
            F ¦ urlize ¦ 'https://e.com example.com e.org/x' ¦  ¦ a ¦ Markup('<a href="https://e.com" rel="noopener">https://e.com</a> <a href="https://example.com" rel="noopener">example.com</a> e.org/x')
            F ¦ urlize ¦ 'http://a.com' ¦ nofollow=True, target='_blank' ¦ a ¦ Markup('<a href="http://a.com" rel="nofollow noopener" target="_blank">http://a.com</a>')
            F ¦ urlize ¦ '(http://example.com/x). <http://e.com>' ¦  ¦ a ¦ Markup('(<a href="http://example.com/x" rel="noopener">http://example.com/x</a>). &lt;<a href="http://e.com" rel="noopener">http://e.com</a>&gt;')
            F ¦ urlize ¦ 'http://a.com' ¦ rel='ugc' ¦ a ¦ Markup('<a href="http://a.com" rel="noopener ugc">http://a.com</a>')
            F ¦ urlize ¦ 'http://a.com' ¦ nofollow=True, rel='ugc  x' ¦ a ¦ Markup('<a href="http://a.com" rel="nofollow noopener ugc x">http://a.com</a>')
            F ¦ urlize ¦ 'http://example.com/a/very/long/path/here' ¦ 20 ¦ a ¦ Markup('<a href="http://example.com/a/very/long/path/here" rel="noopener">http://example.com/a...</a>')
            F ¦ urlize ¦ 'www.example.org/a' ¦ 5 ¦ a ¦ Markup('<a href="https://www.example.org/a" rel="noopener">www.e...</a>')
            F ¦ urlize ¦ 'see www.example.org or mail me@example.com' ¦  ¦ a ¦ Markup('see <a href="https://www.example.org" rel="noopener">www.example.org</a> or mail <a href="mailto:me@example.com">me@example.com</a>')
            F ¦ urlize ¦ 'x http://192.168.0.1:8080/p and http://[::1]/ and http://1.2.3/ y' ¦  ¦ a ¦ Markup('x <a href="http://192.168.0.1:8080/p" rel="noopener">http://192.168.0.1:8080/p</a> and <a href="http://[::1]/" rel="noopener">http://[::1]/</a> and http://1.2.3/ y')
            F ¦ urlize ¦ 'a (www.x.com/(b)) c' ¦  ¦ a ¦ Markup('a (<a href="https://www.x.com/(b)" rel="noopener">www.x.com/(b)</a>) c')
            F ¦ urlize ¦ 'see http://x.com/a,b. done' ¦  ¦ a ¦ Markup('see <a href="http://x.com/a,b" rel="noopener">http://x.com/a,b</a>. done')
            F ¦ urlize ¦ 'foo@bar foo@bar.baz mailto:x@y mailto:x@y.z www.a@b.com a:b@c.com' ¦  ¦ a ¦ Markup('foo@bar <a href="mailto:foo@bar.baz">foo@bar.baz</a> mailto:x@y <a href="mailto:x@y.z">x@y.z</a> www.a@b.com a:b@c.com')
            F ¦ urlize ¦ 'HTTP://EXAMPLE.COM xn--bcher-kva.example WWW.X.IO' ¦  ¦ a ¦ Markup('<a href="https://HTTP://EXAMPLE.COM" rel="noopener">HTTP://EXAMPLE.COM</a> xn--bcher-kva.example <a href="https://WWW.X.IO" rel="noopener">WWW.X.IO</a>')
            F ¦ urlize ¦ 'example.museum sub.example.info a.b.mil' ¦  ¦ a ¦ Markup('example.museum <a href="https://sub.example.info" rel="noopener">sub.example.info</a> a.b.mil')
            F ¦ urlize ¦ '\\nhttp://x.com\\n\\nhttp://y.com\\n' ¦  ¦ a ¦ Markup('\\n<a href="http://x.com" rel="noopener">http://x.com</a>\\n\\n<a href="http://y.com" rel="noopener">http://y.com</a>\\n')
            F ¦ urlize ¦ markup('<b>http://x.com</b>') ¦  ¦ a ¦ Markup('<b>http://x.com</b>')
            F ¦ urlize ¦ 'ftp: ftp:x' ¦ extra_schemes=['ftp:'] ¦ a ¦ Markup('ftp: <a href="ftp:x" rel="noopener">ftp:x</a>')
            F ¦ urlize ¦ 'http://a.com' ¦ target='<"x">' ¦ a ¦ Markup('<a href="http://a.com" rel="noopener" target="&lt;&#34;x&#34;&gt;">http://a.com</a>')
            F ¦ urlize ¦ undefined ¦  ¦ a ¦ Markup('')
            F ¦ urlize ¦ 5 ¦  ¦ a ¦ Markup('5')
            F ¦ join ¦ ['<a>', markup('<b>')] ¦ '&' ¦ a ¦ Markup('&lt;a&gt;&amp;<b>')
            F ¦ join ¦ ['<a>', 1] ¦ markup('<br>') ¦ a ¦ Markup('&lt;a&gt;<br>1')
            F ¦ replace ¦ markup('<a>') ¦ 'a', '<b>' ¦ a ¦ Markup('<&lt;b&gt;>')
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
