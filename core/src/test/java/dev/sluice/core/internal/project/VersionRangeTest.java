package dev.sluice.core.internal.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** require-dbt-version specifiers against the dbt version Sluice follows. */
class VersionRangeTest {
    @ParameterizedTest
    @CsvSource({
        "1.10.0, >=1.0.0, true",
        "1.10.0, <2.0.0, true",
        "1.10.0, <1.10.0, false",
        "1.10.0, >1.9.9, true",
        "1.10.0, 1.10.x, true",
        "1.10.0, 1.9.x, false",
        "1.10.0, ~=1.8, true",
        "1.10.0, ~=1.8.0, false",
        "1.10.0, 1.10.0, true",
        "1.10.0, ==1.9.0, false",
    })
    void specifiers(String version, String spec, boolean expected) {
        assertThat(VersionRange.satisfies(version, spec)).isEqualTo(expected);
    }
}
