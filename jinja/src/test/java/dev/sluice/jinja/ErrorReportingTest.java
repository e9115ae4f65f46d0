package dev.sluice.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors name where they happened: parse errors at parse time with line and column, runtime errors with the macro chain. */
class ErrorReportingTest {
    private final Environment env = Environment.standard();

    @Test
    void syntaxErrorsAreRaisedByParseWithLineColumnAndSourceLine() {
        TemplateSyntaxException e = catchThrowableOfType(TemplateSyntaxException.class,
                () -> env.parse("models/a.sql", "select 1\nfrom {{ ref('a' }}\n"));
        assertThat(e.templateName()).isEqualTo("models/a.sql");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(17);
        assertThat(e.sourceLine()).isEqualTo("from {{ ref('a' }}");
        assertThat(e.kind()).isEqualTo(ErrorKind.SYNTAX);
        assertThat(e.getMessage()).isEqualTo(
                "models/a.sql:2:17: Cannot parse template: unexpected '}', expected ')'\n  from {{ ref('a' }}");
    }

    @Test
    void unclosedBlocksNameTheBlock() {
        assertThatThrownBy(() -> env.parse("t", "{% for x in y %}\n{% if x %}\n{% endfor %}"))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageContaining("t:3:")
                .hasMessageContaining("Encountered unknown tag 'endfor'. You probably made a nesting mistake.")
                .hasMessageContaining("The innermost block that needs to be closed is 'if'.");
    }

    @Test
    void unknownFilterIsAParseError() {
        assertThatThrownBy(() -> env.parse("t", "{{ x | nope }}"))
                .isInstanceOf(TemplateSyntaxException.class)
                .satisfies(e -> assertThat(((TemplateException) e).kind()).isEqualTo(ErrorKind.ASSERTION))
                .hasMessageStartingWith("t:1:8: Cannot parse template: No filter named 'nope'.");
    }

    @Test
    void runtimeErrorsCarryTheLineAndTheMacroChain() {
        Template t = env.parse("models/b.sql", """
                {% macro inner(x) %}
                {{ x.missing.attr }}
                {% endmacro %}
                {% macro outer(x) %}{{ inner(x) }}{% endmacro %}
                select {{ outer({}) }}""");
        TemplateRuntimeException e = catchThrowableOfType(TemplateRuntimeException.class, () -> t.render(Map.of()));
        assertThat(e.kind()).isEqualTo(ErrorKind.UNDEFINED);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).isEqualTo("'dict object' has no attribute 'missing'");
        assertThat(e.macroStack()).containsExactly("macro 'inner' called at models/b.sql:4",
                "macro 'outer' called at models/b.sql:5");
        assertThat(e.getMessage()).startsWith("models/b.sql:2: Cannot render template: 'dict object' has no attribute 'missing'");
    }

    @Test
    void hostExceptionsBecomeLocatedErrorsWithTheirCause() {
        Environment host = Environment.builder().function("boom", (ctx, args) -> {
            throw new IllegalStateException("warehouse unreachable");
        }).build();
        TemplateRuntimeException e = catchThrowableOfType(TemplateRuntimeException.class,
                () -> host.parse("m", "a\n{{ boom() }}").render(Map.of()));
        assertThat(e.kind()).isEqualTo(ErrorKind.HOST);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getCause()).hasMessage("warehouse unreachable");
    }
}
