package dev.sluice.jinja.internal.py;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PyFloatTest {
    private static final int[] ROUND_DIGITS = {0, 1, 2, 3, -1, -2, 15, 400, -400};
    private static final String[] FORMATS = {"%.0f", "%.2f", "%.17g", "%.3e", "%r", "%#.3g", "%.1f"};

    static Stream<Arguments> cases() {
        return TestingCases.load("float.cases").stream().map(f -> Arguments.of(f[0], f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reprMatchesCPython(String label, String[] f) {
        double x = (Double) TestingPyLiterals.parse(f[0]);
        assertThat(PyFloat.repr(x)).isEqualTo(f[1]);
        assertThat(Double.parseDouble(PyFloat.repr(x))).isEqualTo(x);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void roundMatchesCPython(String label, String[] f) {
        double x = (Double) TestingPyLiterals.parse(f[0]);
        String[] expected = f[2].split("\\|");
        for (int i = 0; i < ROUND_DIGITS.length; i++) {
            int n = ROUND_DIGITS[i];
            assertThat(TestingCases.outcome(() -> PyFloat.round(x, n))).as("round(%s, %d)", f[0], n)
                    .isEqualTo(expected[i]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printfMatchesCPython(String label, String[] f) {
        double x = (Double) TestingPyLiterals.parse(f[0]);
        String[] expected = f[3].split("\\|");
        for (int i = 0; i < FORMATS.length; i++) {
            String fmt = FORMATS[i];
            assertThat(TestingCases.outcome(() -> PyFormat.percent(fmt, x))).as("%s %% %s", fmt, f[0])
                    .isEqualTo(TestingCases.unescape(expected[i]));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2.675 | f | 2 | 2.67",
        "0.5 | f | 0 | 0",
        "1.5 | f | 0 | 2",
        "0.00001 | g | 6 | 1e-05",
        "0.0001 | g | 6 | 0.0001",
        "123456789 | g | 6 | 1.23457e+08",
        "1e16 | r | 0 | 1e+16",
        "1e-5 | r | 0 | 1e-05",
        "12345.678 | E | 6 | 1.234568E+04",
        "1e-10 | G | 6 | 1E-10",
        "0 | e | 0 | 0e+00",
        "1e300 | e | 2 | 1.00e+300",
    })
    void formatsLikeDtoa(double x, char type, int precision, String expected) {
        assertThat(PyFloat.format(x, type, precision, false, false, false)).isEqualTo(expected);
    }

    @Test
    void alternateFormKeepsThePointAndZeros() {
        assertThat(PyFloat.format(1.0, 'g', 6, true, false, false)).isEqualTo("1.00000");
        assertThat(PyFloat.format(1.0, 'f', 0, true, false, false)).isEqualTo("1.");
        assertThat(PyFloat.format(1e16, 'r', 0, true, true, false)).isEqualTo("1.e+16");
    }

    @Test
    void addDot0KeepsFloatsLookingLikeFloats() {
        assertThat(PyFloat.format(1.0, 'r', 0, false, true, false)).isEqualTo("1.0");
        assertThat(PyFloat.format(100.0, 'g', 3, false, true, false)).isEqualTo("1e+02");
        assertThat(PyFloat.format(1.5, 'g', 3, false, true, false)).isEqualTo("1.5");
    }

    @Test
    void negativeZeroCoercion() {
        assertThat(PyFloat.format(-0.0, 'f', 2, false, false, true)).isEqualTo("0.00");
        assertThat(PyFloat.format(-0.001, 'f', 2, false, false, true)).isEqualTo("0.00");
        assertThat(PyFloat.format(-0.001, 'f', 2, false, false, false)).isEqualTo("-0.00");
        assertThat(PyFloat.format(-1.5, 'f', 2, false, false, true)).isEqualTo("-1.50");
    }

    @Test
    void specialValues() {
        assertThat(PyFloat.format(Double.NaN, 'f', 6, false, false, false)).isEqualTo("nan");
        assertThat(PyFloat.format(-Double.NaN, 'F', 6, false, false, false)).isEqualTo("NAN");
        assertThat(PyFloat.format(Double.NEGATIVE_INFINITY, 'e', 6, false, false, false)).isEqualTo("-inf");
        assertThat(PyFloat.format(Double.POSITIVE_INFINITY, 'G', 6, false, false, false)).isEqualTo("INF");
    }
}
