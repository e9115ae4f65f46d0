package dev.sluice.core.internal.seed;

import static dev.sluice.core.internal.seed.SeedColumnType.BIGINT;
import static dev.sluice.core.internal.seed.SeedColumnType.BOOLEAN;
import static dev.sluice.core.internal.seed.SeedColumnType.DATE;
import static dev.sluice.core.internal.seed.SeedColumnType.INTEGER;
import static dev.sluice.core.internal.seed.SeedColumnType.JSON;
import static dev.sluice.core.internal.seed.SeedColumnType.NUMERIC;
import static dev.sluice.core.internal.seed.SeedColumnType.TEXT;
import static dev.sluice.core.internal.seed.SeedColumnType.TIMESTAMP;
import static dev.sluice.core.internal.seed.SeedColumnType.TIMESTAMPTZ;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeInferenceTest {
    private static SeedColumnType csv(String v) {
        return TypeInference.classify(v, ValueKind.CSV_TEXT);
    }

    @Test
    void wholeNumbersAreIntegersWidenedBySize() {
        assertThat(csv("0")).isEqualTo(INTEGER);
        assertThat(csv("-42")).isEqualTo(INTEGER);
        assertThat(csv("2147483647")).isEqualTo(INTEGER);
        assertThat(csv("-2147483648")).isEqualTo(INTEGER);
        assertThat(csv("2147483648")).isEqualTo(BIGINT);
        assertThat(csv("9223372036854775807")).isEqualTo(BIGINT);
        assertThat(csv("9223372036854775808")).isEqualTo(NUMERIC);
        assertThat(csv("123456789012345678901234567890")).isEqualTo(NUMERIC);
    }

    @Test
    void leadingZerosStayText() {
        assertThat(csv("007")).isEqualTo(TEXT);
        assertThat(csv("0123")).isEqualTo(TEXT);
        assertThat(csv("-007")).isEqualTo(TEXT);
        assertThat(csv("00.5")).isEqualTo(TEXT);
    }

    @Test
    void decimalsAreNumericNeverFloat() {
        assertThat(csv("3.14")).isEqualTo(NUMERIC);
        assertThat(csv("1.50")).isEqualTo(NUMERIC);
        assertThat(csv("0.000001")).isEqualTo(NUMERIC);
        assertThat(csv("-12.5")).isEqualTo(NUMERIC);
    }

    @Test
    void numbersWrittenLooselyStayText() {
        assertThat(csv(".5")).isEqualTo(TEXT);
        assertThat(csv("5.")).isEqualTo(TEXT);
        assertThat(csv("1e5")).isEqualTo(TEXT);
        assertThat(csv("1,000")).isEqualTo(TEXT);
        assertThat(csv("+33612345678")).isEqualTo(TEXT);
        assertThat(csv("$5")).isEqualTo(TEXT);
        assertThat(csv("NaN")).isEqualTo(TEXT);
        assertThat(csv("-")).isEqualTo(TEXT);
    }

    @Test
    void trueAndFalseInAnyCaseAreBoolean() {
        assertThat(csv("true")).isEqualTo(BOOLEAN);
        assertThat(csv("FALSE")).isEqualTo(BOOLEAN);
        assertThat(csv("True")).isEqualTo(BOOLEAN);
    }

    @Test
    void otherBooleanSpellingsStayText() {
        assertThat(csv("t")).isEqualTo(TEXT);
        assertThat(csv("yes")).isEqualTo(TEXT);
        assertThat(csv("N")).isEqualTo(TEXT);
        assertThat(csv("1")).isEqualTo(INTEGER);
    }

    @Test
    void isoDatesAreDates() {
        assertThat(csv("2020-01-31")).isEqualTo(DATE);
        assertThat(csv("2024-02-29")).isEqualTo(DATE);
    }

    @Test
    void impossibleOrAmbiguousDatesStayText() {
        assertThat(csv("2021-02-29")).isEqualTo(TEXT);
        assertThat(csv("2020-13-01")).isEqualTo(TEXT);
        assertThat(csv("0000-01-01")).isEqualTo(TEXT);
        assertThat(csv("01/02/2020")).isEqualTo(TEXT);
        assertThat(csv("2020/01/02")).isEqualTo(TEXT);
        assertThat(csv("2020-1-2")).isEqualTo(TEXT);
    }

    @Test
    void isoTimestampsAreTimestamps() {
        assertThat(csv("2020-01-31 10:15")).isEqualTo(TIMESTAMP);
        assertThat(csv("2020-01-31T10:15:30")).isEqualTo(TIMESTAMP);
        assertThat(csv("2020-01-31 10:15:30.123456")).isEqualTo(TIMESTAMP);
    }

    @Test
    void timestampsWithAnOffsetAreZoned() {
        assertThat(csv("2020-01-31T10:15:30Z")).isEqualTo(TIMESTAMPTZ);
        assertThat(csv("2020-01-31 10:15:30+02:00")).isEqualTo(TIMESTAMPTZ);
        assertThat(csv("2020-01-31 10:15:30.5-0530")).isEqualTo(TIMESTAMPTZ);
        assertThat(csv("2020-01-31T10:15+01")).isEqualTo(TIMESTAMPTZ);
    }

    @Test
    void timestampsThatWouldBeRoundedOrAreMalformedStayText() {
        assertThat(csv("2020-01-31 10:15:30.1234567")).isEqualTo(TEXT);
        assertThat(csv("2020-01-31 24:00:00")).isEqualTo(TEXT);
        assertThat(csv("2020-01-31 10:60")).isEqualTo(TEXT);
        assertThat(csv("2020-01-31 10:15:60")).isEqualTo(TEXT);
        assertThat(csv("2020-01-31 10:15:30 UTC")).isEqualTo(TEXT);
        assertThat(csv("2020-01-31T10:15:30+16:00")).isEqualTo(TEXT);
        assertThat(csv("2020-01-31T10")).isEqualTo(TEXT);
    }

    @Test
    void emptySpacesAndTheWordNullAreNull() {
        assertThat(csv("")).isNull();
        assertThat(csv("   ")).isNull();
        assertThat(csv("null")).isNull();
        assertThat(csv("NULL")).isNull();
        assertThat(csv(" Null ")).isNull();
        assertThat(csv("nullable")).isEqualTo(TEXT);
    }

    @Test
    void surroundingSpacesDoNotHideAType() {
        assertThat(csv(" 42 ")).isEqualTo(INTEGER);
        assertThat(csv("\t2020-01-01")).isEqualTo(DATE);
        assertThat(csv("\u00a042")).isEqualTo(TEXT);
    }

    @Test
    void jsonValuesKeepTheirJsonType() {
        assertThat(TypeInference.classify("42", ValueKind.JSON_STRING)).isEqualTo(TEXT);
        assertThat(TypeInference.classify("007", ValueKind.JSON_STRING)).isEqualTo(TEXT);
        assertThat(TypeInference.classify("true", ValueKind.JSON_STRING)).isEqualTo(TEXT);
        assertThat(TypeInference.classify("null", ValueKind.JSON_STRING)).isEqualTo(TEXT);
        assertThat(TypeInference.classify("", ValueKind.JSON_STRING)).isEqualTo(TEXT);
        assertThat(TypeInference.classify("2020-01-01", ValueKind.JSON_STRING)).isEqualTo(DATE);
        assertThat(TypeInference.classify("2020-01-01T00:00:00Z", ValueKind.JSON_STRING)).isEqualTo(TIMESTAMPTZ);
        assertThat(TypeInference.classify("42", ValueKind.JSON_INTEGER)).isEqualTo(INTEGER);
        assertThat(TypeInference.classify("-9223372036854775808", ValueKind.JSON_INTEGER)).isEqualTo(BIGINT);
        assertThat(TypeInference.classify("1e400", ValueKind.JSON_DECIMAL)).isEqualTo(NUMERIC);
        assertThat(TypeInference.classify("false", ValueKind.JSON_BOOLEAN)).isEqualTo(BOOLEAN);
        assertThat(TypeInference.classify("{\"a\":1}", ValueKind.JSON_NESTED)).isEqualTo(JSON);
    }

    @Test
    void mergingWidensWithoutLossElseFallsBackToText() {
        assertThat(SeedColumnType.merge(null, DATE)).isEqualTo(DATE);
        assertThat(SeedColumnType.merge(INTEGER, BIGINT)).isEqualTo(BIGINT);
        assertThat(SeedColumnType.merge(NUMERIC, INTEGER)).isEqualTo(NUMERIC);
        assertThat(SeedColumnType.merge(DATE, TIMESTAMP)).isEqualTo(TIMESTAMP);
        assertThat(SeedColumnType.merge(TIMESTAMP, TIMESTAMPTZ)).isEqualTo(TEXT);
        assertThat(SeedColumnType.merge(DATE, TIMESTAMPTZ)).isEqualTo(TEXT);
        assertThat(SeedColumnType.merge(INTEGER, BOOLEAN)).isEqualTo(TEXT);
        assertThat(SeedColumnType.merge(INTEGER, DATE)).isEqualTo(TEXT);
        assertThat(SeedColumnType.merge(TEXT, JSON)).isEqualTo(JSON);
    }
}
