package dev.sluice.jinja.internal.py;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormatValueTest {
    static Stream<Arguments> cases() {
        return TestingCases.load("format.cases").stream().map(f -> Arguments.of("format(" + f[0] + ", " + f[1] + ")", f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesCPython(String label, String[] f) {
        Object value = TestingPyLiterals.parse(f[0]);
        String spec = (String) TestingPyLiterals.parse(f[1]);
        assertThat(TestingCases.outcome(() -> PyFormat.formatValue(value, spec))).isEqualTo(TestingCases.unescape(f[2]));
    }
}
