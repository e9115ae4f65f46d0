package dev.sluice.jinja.internal.py;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrFormatTest {
    static Stream<Arguments> cases() {
        return TestingCases.load("strformat.cases").stream().map(f -> Arguments.of(TestingCases.label(f), f));
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
}
