package dev.sluice.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.MacroReturn;
import dev.sluice.jinja.spi.Signature;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a host (Sluice's core) needs from the engine: functions, objects, macros across templates, return(). */
class HostApiTest {

    @Test
    void hostFunctionsReceivePositionalAndKeywordArguments() {
        Signature sig = Signature.of("greet").required("name").optional("punct", "!").build();
        JinjaCallable greet = (ctx, args) -> {
            Object[] a = sig.bind(args);
            return "hello " + a[0] + a[1];
        };
        Environment env = Environment.builder().function("greet", greet).build();
        assertThat(env.parse("t", "{{ greet('ada') }} {{ greet(punct='?', name='bob') }}").render(Map.of()))
                .isEqualTo("hello ada! hello bob?");
        assertThatThrownBy(() -> env.parse("t", "{{ greet(nme='x') }}").render(Map.of()))
                .isInstanceOf(TemplateRuntimeException.class)
                .hasMessageContaining("greet() got an unexpected keyword argument 'nme'")
                .satisfies(e -> assertThat(((TemplateException) e).kind()).isEqualTo(ErrorKind.TYPE));
    }

    @Test
    void callingTheResultOfACall() {
        JinjaCallable dispatch = (ctx, args) -> (JinjaCallable) (c2, a2) -> args.get(0) + "(" + a2.get(0) + ")";
        Environment env = Environment.builder().function("dispatch", dispatch).build();
        assertThat(env.parse("t", "{{ dispatch('dateadd')('day') }}").render(Map.of())).isEqualTo("dateadd(day)");
    }

    record Relation(String schema, String identifier) implements JinjaObject {
        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "schema" -> schema;
                case "identifier" -> identifier;
                case "render" -> (JinjaCallable) (ctx, args) -> "\"" + schema + "\".\"" + identifier + "\"";
                default -> ABSENT;
            };
        }

        @Override
        public String str() {
            return "\"" + schema + "\".\"" + identifier + "\"";
        }
    }

    @Test
    void hostObjectsExposeOnlyTheirDeclaredSurface() {
        Environment env = Environment.standard();
        Relation rel = new Relation("mrt", "orders");
        String out = env.parse("t", "{{ r }}|{{ r.schema }}|{{ r.render() }}|{{ r.getClass }}|{{ r.missing is defined }}")
                .render(Map.of("r", rel));
        assertThat(out).isEqualTo("\"mrt\".\"orders\"|mrt|\"mrt\".\"orders\"||False");
    }

    @Test
    void hostFunctionEndsTheMacroCallWithAValue() {
        JinjaCallable ret = (ctx, args) -> {
            throw new MacroReturn(args.get(0));
        };
        Environment env = Environment.builder().function("return", ret).build();
        String out = env.parse("t", """
                {%- macro cols() -%}
                  ignored text {{ return(['a', 'b']) }} never printed
                {%- endmacro -%}
                {% set c = cols() %}{{ c | join(',') }} {{ c is string }}""").render(Map.of());
        assertThat(out).isEqualTo("a,b False");
    }

    @Test
    void macrosOfOneTemplateAreCalledFromAnotherThroughANamespace() {
        Environment env = Environment.standard();
        TemplateModule utils = env.parse("dbt_utils/macros.sql", """
                {% macro star(cols, prefix='') %}{% for c in cols %}{{ prefix }}{{ c }}{{ ', ' if not loop.last }}{% endfor %}{% endmacro %}
                """).module(Map.of());
        String out = env.parse("model.sql", "select {{ dbt_utils.star(['a', 'b'], prefix='t.') }}")
                .render(Map.of("dbt_utils", utils));
        assertThat(out).isEqualTo("select t.a, t.b");
        assertThat(utils.call("star", Arguments.of(List.of(List.of("x")), Map.of()))).isEqualTo("x");
        assertThat(utils.exports()).containsOnlyKeys("star");
    }

    @Test
    void macroNamePrefixHidesOwnMacrosLikeDbtDoes() {
        Environment env = Environment.builder().macroNamePrefix("dbt_macro__").build();
        TemplateModule m = env.parse("m.sql", "{% macro hello() %}hi{% endmacro %}").module(Map.of());
        assertThat(m.exports()).containsOnlyKeys("dbt_macro__hello");
    }

    @Test
    void strictUndefinedIsSelectable() {
        Environment strict = Environment.builder().undefined(UndefinedPolicy.STRICT).build();
        assertThat(Environment.standard().parse("t", "[{{ missing }}]").render(Map.of())).isEqualTo("[]");
        assertThatThrownBy(() -> strict.parse("t", "[{{ missing }}]").render(Map.of()))
                .isInstanceOf(TemplateRuntimeException.class)
                .hasMessage("t:1: Cannot render template: 'missing' is undefined\n  [{{ missing }}]");
    }

    @Test
    void lenientUndefinedRendersToTheEndAsDbtParsingDoes() {
        Environment lenient = Environment.builder().undefined(UndefinedPolicy.LENIENT).build();
        Template t = Environment.standard().parse("m", "[{{ adapter.get_relation(x).columns[0] }}]{{ run_query('q') }}");
        assertThat(t.withEnvironment(lenient).render(Map.of())).isEqualTo("[]");
        assertThatThrownBy(() -> t.render(Map.of())).isInstanceOf(TemplateRuntimeException.class)
                .hasMessageContaining("'adapter' is undefined");
    }

    @Test
    void loaderServesIncludesAndImports() {
        Map<String, String> files = Map.of("header.sql", "-- {{ title }}", "m.sql", "{% macro q(x) %}'{{ x }}'{% endmacro %}");
        Environment env = Environment.builder().loader(name -> Optional.ofNullable(files.get(name))).build();
        String out = env.parse("main", "{% include 'header.sql' %}\n{% from 'm.sql' import q %}{{ q('a') }}")
                .render(Map.of("title", "orders"));
        assertThat(out).isEqualTo("-- orders\n'a'");
    }

    @Test
    void templatesRenderConcurrently() throws InterruptedException {
        Environment env = Environment.builder().function("id", (ctx, args) -> args.get(0)).build();
        Template t = env.parse("t", "{% set ns = namespace(n=0) %}{% for i in range(n) %}{% set ns.n = ns.n + id(i) %}{% endfor %}{{ ns.n }}");
        List<Thread> threads = new ArrayList<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int k = 0; k < 8; k++) {
            int n = 50 + k;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    String out = t.render(Map.of("n", n));
                    if (!out.equals(String.valueOf(n * (n - 1) / 2))) {
                        failures.add(out);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread th : threads) {
            th.join();
        }
        assertThat(failures).isEmpty();
    }
}
