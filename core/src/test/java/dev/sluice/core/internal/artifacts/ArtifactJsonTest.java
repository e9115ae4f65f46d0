package dev.sluice.core.internal.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArtifactJsonTest {
    @Test
    void writesLikePythonJsonDumps() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("b", List.of(1, 2.5, true));
        tree.put("a", null);
        tree.put("empty", Map.of());
        tree.put("none", List.of());
        tree.put("text", "Zürich \"q\" \\ /\n\t\u0001\u007f 😀");
        assertThat(ArtifactJson.write(tree, Secrets.none())).isEqualTo(
                "{\"b\": [1, 2.5, true], \"a\": null, \"empty\": {}, \"none\": [], "
                        + "\"text\": \"Z\\u00fcrich \\\"q\\\" \\\\ /\\n\\t\\u0001\\u007f \\ud83d\\ude00\"}");
    }

    @Test
    void floatsAreWrittenAsPythonReprWritesThem() {
        assertThat(PythonFloat.repr(1749546897.251337)).isEqualTo("1749546897.251337");
        assertThat(PythonFloat.repr(3.0)).isEqualTo("3.0");
        assertThat(PythonFloat.repr(0.1)).isEqualTo("0.1");
        assertThat(PythonFloat.repr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonFloat.repr(0.00001)).isEqualTo("1e-05");
        assertThat(PythonFloat.repr(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(PythonFloat.repr(1e16)).isEqualTo("1e+16");
        assertThat(PythonFloat.repr(123456789012345680.0)).isEqualTo("1.2345678901234568e+17");
        assertThat(PythonFloat.repr(9999999999999998.0)).isEqualTo("9999999999999998.0");
        assertThat(PythonFloat.repr(-2.75)).isEqualTo("-2.75");
        assertThat(PythonFloat.repr(0.0)).isEqualTo("0.0");
        assertThat(PythonFloat.repr(1.0 / 3)).isEqualTo("0.3333333333333333");
        // values CPython 3.11 prints as shown: denormals, extremes, and those JDK 17 writes with extra digits
        assertThat(PythonFloat.repr(123456789.123456789)).isEqualTo("123456789.12345679");
        assertThat(PythonFloat.repr(5e-324)).isEqualTo("5e-324");
        assertThat(PythonFloat.repr(Double.MIN_VALUE * 3)).isEqualTo("1.5e-323");
        assertThat(PythonFloat.repr(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(PythonFloat.repr(2.2250738585072014e-308)).isEqualTo("2.2250738585072014e-308");
        assertThat(PythonFloat.repr(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PythonFloat.repr(9007199254740993.0)).isEqualTo("9007199254740992.0");
        assertThat(PythonFloat.repr(1e23)).isEqualTo("1e+23");
        assertThat(PythonFloat.repr(8.41e21)).isEqualTo("8.41e+21");
        assertThat(PythonFloat.repr(2.0E-3)).isEqualTo("0.002");
        assertThat(PythonFloat.repr(1234567890123456.7)).isEqualTo("1234567890123456.8");
    }

    @Test
    void unorderedMapsAreWrittenInKeyOrder() {
        Map<String, Object> hash = new HashMap<>();
        for (String k : List.of("zeta", "alpha", "mu", "beta", "omega")) {
            hash.put(k, 1);
        }
        String expected = "{\"alpha\": 1, \"beta\": 1, \"mu\": 1, \"omega\": 1, \"zeta\": 1}";
        assertThat(ArtifactJson.write(hash, Secrets.none())).isEqualTo(expected);
        assertThat(ArtifactJson.write(Map.copyOf(hash), Secrets.none())).isEqualTo(expected);
    }

    @Test
    void timesAreIsoformatWithZAndDurationsSeconds() {
        assertThat(DbtTime.timestamp(Instant.parse("2025-06-10T09:15:02.123456789Z")))
                .isEqualTo("2025-06-10T09:15:02.123456Z");
        assertThat(DbtTime.timestamp(Instant.parse("2025-06-10T09:15:02Z"))).isEqualTo("2025-06-10T09:15:02Z");
        assertThat(DbtTime.seconds(Duration.ofMillis(1500))).isEqualTo(1.5);
    }
}
