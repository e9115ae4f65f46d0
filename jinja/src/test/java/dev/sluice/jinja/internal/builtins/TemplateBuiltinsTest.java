package dev.sluice.jinja.internal.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jinja.Environment;
import dev.sluice.jinja.internal.py.PyRepr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The builtins used from templates: unpacking groups, generators in loops, stateful globals.
 * Rows are {@code mode ¦ template ¦ repr of CPython Jinja2's output} (mode d plain, a autoescape).
 */
class TemplateBuiltinsTest {
    private static final Map<String, Object> CONTEXT = Map.of("users", List.of(user("bob", 30L, "Paris"),
            user("alice", 25L, "berlin"), user("Carl", 30L, "Paris"), user("dora", 41L, null)));
    private static final Environment PLAIN = Environment.standard();
    private static final Environment AUTOESCAPE = Environment.builder().autoescape(true).build();

    private static final String CASES = """
            d ¦ {% for city, items in users|groupby('city', default='NA') %}{{ city }}:{{ items|map(attribute='name')|join(',') }};{% endfor %} ¦ 'berlin:alice;NA:dora;Paris:bob,Carl;'
            d ¦ {{ users|groupby('city', default='NA')|map(attribute='grouper')|list }} ¦ "['berlin', 'NA', 'Paris']"
            d ¦ {% for g in users|groupby('age') %}{{ g.grouper }}={{ g.list|length }} {{ g[0] }} {% endfor %} ¦ '25=1 25 30=2 30 41=1 41 '
            d ¦ {% set c = cycler('odd', 'even') %}{% for i in range(3) %}{{ c.next() }} {% endfor %}{{ c.current }} ¦ 'odd even odd even'
            d ¦ {% set pipe = joiner(' | ') %}{% for u in users %}{{ pipe() }}{{ u.name }}{% endfor %} ¦ 'bob | alice | Carl | dora'
            d ¦ {% set ns = namespace(total=0) %}{% for u in users %}{% set ns.total = ns.total + u.age|default(0) %}{% endfor %}{{ ns.total }} ¦ '126'
            d ¦ {% for k, v in {'b': 1, 'a': 2}|items %}{{ k }}{{ v }}{% endfor %}|{% for k, v in {'b': 1, 'a': 2}|dictsort %}{{ k }}{{ v }}{% endfor %} ¦ 'b1a2|a2b1'
            d ¦ {% for x in [1, 2, 3]|reverse %}{{ x }}{% endfor %}|{% for x in [1, 2, 3]|select('odd') %}{{ x }}{% if not loop.last %},{% endif %}{% endfor %} ¦ '321|1,3'
            d ¦ {% macro m() %}{% endmacro %}{{ m is callable }} {{ 'upper' is filter }} {{ 'odd' is test }} {{ joiner() is callable }} {{ cycler(1) is callable }} ¦ 'True True True True False'
            d ¦ {{ users|selectattr('age', 'gt', 26)|map(attribute='name')|sort|join(', ') }} ¦ 'bob, Carl, dora'
            d ¦ {{ users|rejectattr('city')|map(attribute='name')|first }} ¦ 'dora'
            d ¦ {{ users|sum(attribute='age') }} {{ (users|max(attribute='age')).name }} {{ (users|min(attribute='name')).name }} ¦ '126 dora alice'
            d ¦ {{ users|map(attribute='name')|map('upper')|batch(3)|list }} ¦ "[['BOB', 'ALICE', 'CARL'], ['DORA']]"
            d ¦ {{ [1, 2, 3]|map('string')|join('-') }} {{ ['a', 'b']|map('upper') is iterable }} {{ ['a']|map('upper') is sequence }} ¦ '1-2-3 True False'
            d ¦ {{ (users|groupby('city', default='NA'))|length }} {{ users|unique(attribute='city')|map(attribute='name')|list }} ¦ "3 ['bob', 'alice', 'dora']"
            d ¦ {{ 'x'|pprint }} {{ users[0]|pprint }} {{ users[0]|tojson }} ¦ '\\'x\\' {\\'age\\': 30, \\'city\\': \\'Paris\\', \\'name\\': \\'bob\\'} {"age": 30, "city": "Paris", "name": "bob"}'
            d ¦ {{ lipsum(1, false, 3, 4)|wordcount }} {{ range(3)|list }} {{ dict(a=1)|tojson }} ¦ '3 [0, 1, 2] {"a": 1}'
            d ¦ {{ "hello world"|title|wordwrap(5) }}|{{ "a b c"|urlencode }}|{{ "<a>"|e|length }} ¦ 'Hello\\nWorld|a%20b%20c|9'
            d ¦ {% for row in 'abcdefg'|slice(3) %}[{{ row|join }}]{% endfor %} ¦ '[abc][de][fg]'
            d ¦ {{ [3, 2, 1]|sort|reverse|list }} ¦ '[3, 2, 1]'
            d ¦ {{ x|default('d') }} {{ none|default('d', true) }} {{ users|first|attr('name') }} ¦ 'd d '
            d ¦ {{ users|selectattr('name', 'in', ['bob', 'dora'])|list|length }} ¦ '2'
            d ¦ {{ (users|groupby('age'))[0] }} ¦ "(25, [{'name': 'alice', 'age': 25, 'city': 'berlin'}])"
            a ¦ {% for city, items in users|groupby('city', default='NA') %}{{ city }}:{{ items|map(attribute='name')|join(',') }};{% endfor %} ¦ 'berlin:alice;NA:dora;Paris:bob,Carl;'
            a ¦ {{ users|groupby('city', default='NA')|map(attribute='grouper')|list }} ¦ '[&#39;berlin&#39;, &#39;NA&#39;, &#39;Paris&#39;]'
            a ¦ {% for g in users|groupby('age') %}{{ g.grouper }}={{ g.list|length }} {{ g[0] }} {% endfor %} ¦ '25=1 25 30=2 30 41=1 41 '
            a ¦ {% set c = cycler('odd', 'even') %}{% for i in range(3) %}{{ c.next() }} {% endfor %}{{ c.current }} ¦ 'odd even odd even'
            a ¦ {% set pipe = joiner(' | ') %}{% for u in users %}{{ pipe() }}{{ u.name }}{% endfor %} ¦ 'bob | alice | Carl | dora'
            a ¦ {% set ns = namespace(total=0) %}{% for u in users %}{% set ns.total = ns.total + u.age|default(0) %}{% endfor %}{{ ns.total }} ¦ '126'
            a ¦ {% for k, v in {'b': 1, 'a': 2}|items %}{{ k }}{{ v }}{% endfor %}|{% for k, v in {'b': 1, 'a': 2}|dictsort %}{{ k }}{{ v }}{% endfor %} ¦ 'b1a2|a2b1'
            a ¦ {% for x in [1, 2, 3]|reverse %}{{ x }}{% endfor %}|{% for x in [1, 2, 3]|select('odd') %}{{ x }}{% if not loop.last %},{% endif %}{% endfor %} ¦ '321|1,3'
            a ¦ {% macro m() %}{% endmacro %}{{ m is callable }} {{ 'upper' is filter }} {{ 'odd' is test }} {{ joiner() is callable }} {{ cycler(1) is callable }} ¦ 'True True True True False'
            a ¦ {{ users|selectattr('age', 'gt', 26)|map(attribute='name')|sort|join(', ') }} ¦ 'bob, Carl, dora'
            a ¦ {{ users|rejectattr('city')|map(attribute='name')|first }} ¦ 'dora'
            a ¦ {{ users|sum(attribute='age') }} {{ (users|max(attribute='age')).name }} {{ (users|min(attribute='name')).name }} ¦ '126 dora alice'
            a ¦ {{ users|map(attribute='name')|map('upper')|batch(3)|list }} ¦ '[[&#39;BOB&#39;, &#39;ALICE&#39;, &#39;CARL&#39;], [&#39;DORA&#39;]]'
            a ¦ {{ [1, 2, 3]|map('string')|join('-') }} {{ ['a', 'b']|map('upper') is iterable }} {{ ['a']|map('upper') is sequence }} ¦ '1-2-3 True False'
            a ¦ {{ (users|groupby('city', default='NA'))|length }} {{ users|unique(attribute='city')|map(attribute='name')|list }} ¦ '3 [&#39;bob&#39;, &#39;alice&#39;, &#39;dora&#39;]'
            a ¦ {{ 'x'|pprint }} {{ users[0]|pprint }} {{ users[0]|tojson }} ¦ '&#39;x&#39; {&#39;age&#39;: 30, &#39;city&#39;: &#39;Paris&#39;, &#39;name&#39;: &#39;bob&#39;} {"age": 30, "city": "Paris", "name": "bob"}'
            a ¦ {{ lipsum(1, false, 3, 4)|wordcount }} {{ range(3)|list }} {{ dict(a=1)|tojson }} ¦ '3 [0, 1, 2] {"a": 1}'
            a ¦ {{ "hello world"|title|wordwrap(5) }}|{{ "a b c"|urlencode }}|{{ "<a>"|e|length }} ¦ 'Hello\\nWorld|a%20b%20c|9'
            a ¦ {% for row in 'abcdefg'|slice(3) %}[{{ row|join }}]{% endfor %} ¦ '[abc][de][fg]'
            a ¦ {{ [3, 2, 1]|sort|reverse|list }} ¦ '[3, 2, 1]'
            a ¦ {{ x|default('d') }} {{ none|default('d', true) }} {{ users|first|attr('name') }} ¦ 'd d '
            a ¦ {{ users|selectattr('name', 'in', ['bob', 'dora'])|list|length }} ¦ '2'
            a ¦ {{ (users|groupby('age'))[0] }} ¦ '(25, [{&#39;name&#39;: &#39;alice&#39;, &#39;age&#39;: 25, &#39;city&#39;: &#39;berlin&#39;}])'
            """;

    private static Map<String, Object> user(String name, long age, String city) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("name", name);
        u.put("age", age);
        if (city != null) {
            u.put("city", city);
        }
        return u;
    }

    static Stream<String> cases() {
        return TestingBuiltinCases.rows(CASES);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersAsJinja(String row) {
        String[] f = row.split(" ¦ ", 3);
        Environment env = f[0].trim().equals("a") ? AUTOESCAPE : PLAIN;
        String out = env.parse("main", f[1]).render(CONTEXT);
        assertThat(PyRepr.repr(out)).as(row).isEqualTo(f[2]);
    }
}
