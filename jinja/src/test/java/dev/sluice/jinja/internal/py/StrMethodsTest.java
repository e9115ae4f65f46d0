package dev.sluice.jinja.internal.py;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jinja.TestingCallContext;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.JinjaCallable;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class StrMethodsTest {
    static Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return TestingCases.load("str.cases").stream()
                .map(f -> org.junit.jupiter.params.provider.Arguments.of(TestingCases.label(f), f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesCPython(String label, String[] f) {
        assertThat(TestingCases.runMethod(f, false)).isEqualTo(TestingCases.unescape(f[4]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void boundMethodMatchesCPython(String label, String[] f) {
        assertThat(TestingCases.runMethod(f, true)).isEqualTo(TestingCases.unescape(f[4]));
    }

    @Test
    void unknownMethodsAreAbsent() {
        assertThat(PyMethods.call(TestingCallContext.standard(), "abc", "nope", Arguments.EMPTY))
                .isSameAs(PyMethods.NO_METHOD);
        assertThat(PyMethods.bind("abc", "translate")).isNull();
        assertThat(PyMethods.bind(5L, "upper")).isNull();
        assertThat(PyMethods.bind(null, "upper")).isNull();
    }

    @Test
    void boundMethodPrintsLikeABuiltin() {
        JinjaCallable m = PyMethods.bind("abc", "upper");
        assertThat(PyRepr.str(m)).isEqualTo("<built-in method upper of str object>");
        assertThat(PyTypes.typeName(m)).isEqualTo("builtin_function_or_method");
    }

    @Test
    void characterReceiversAreStrings() {
        assertThat(PyMethods.call(TestingCallContext.standard(), 'a', "upper", Arguments.EMPTY)).isEqualTo("A");
    }
}
