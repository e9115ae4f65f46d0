package dev.sluice.jinja.internal.py;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PercentFormatTest {
    static Stream<Arguments> cases() {
        return TestingCases.load("percent.cases").stream().map(f -> Arguments.of(f[0] + " % " + f[1], f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesCPython(String label, String[] f) {
        Object format = TestingPyLiterals.parse(f[0]);
        Object args = TestingPyLiterals.parse(f[1]);
        assertThat(TestingCases.outcome(() -> PyFormat.percent(format, args))).isEqualTo(TestingCases.unescape(f[2]));
    }
}
