package dev.sluice.core.internal.seed;

import static dev.sluice.core.internal.seed.SeedColumnType.BIGINT;
import static dev.sluice.core.internal.seed.SeedColumnType.BOOLEAN;
import static dev.sluice.core.internal.seed.SeedColumnType.DATE;
import static dev.sluice.core.internal.seed.SeedColumnType.INTEGER;
import static dev.sluice.core.internal.seed.SeedColumnType.JSON;
import static dev.sluice.core.internal.seed.SeedColumnType.NUMERIC;
import static dev.sluice.core.internal.seed.SeedColumnType.TEXT;
import static dev.sluice.core.internal.seed.SeedColumnType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.seed.SeedScan.ScannedColumn;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedScannerTest {
    @TempDir
    Path dir;

    private SeedScan scan(String file, String text) {
        return SeedScanner.scan(new TestingSeedFiles(dir).write(file, text));
    }

    @Test
    void infersEachColumnOverAllItsValues() {
        SeedScan scan = scan("t.csv", """
                id,big,price,ok,day,at,zip,mixed
                1,1,1,true,2020-01-01,2020-01-01,007,1
                2,3000000000,2.50,FALSE,2020-01-02,2020-01-01 10:00,12345,true
                """);
        assertThat(scan.columns()).extracting(ScannedColumn::inferred)
                .containsExactly(INTEGER, BIGINT, NUMERIC, BOOLEAN, DATE, TIMESTAMP, TEXT, TEXT);
        assertThat(scan.rows()).isEqualTo(2);
    }

    @Test
    void emptyFieldsDoNotAffectInference() {
        SeedScan scan = scan("n.csv", "id,day\n,\n1,2020-01-01\n,null\n3,\n");
        assertThat(scan.columns()).extracting(ScannedColumn::inferred).containsExactly(INTEGER, DATE);
    }

    @Test
    void allEmptyColumnIsText() {
        SeedScan scan = scan("e.csv", "id,nothing\n1,\n2,  \n");
        assertThat(scan.columns()).extracting(ScannedColumn::inferred).containsExactly(INTEGER, TEXT);
        assertThat(scan.columns().get(1).decidingValue()).isNull();
    }

    @Test
    void remembersTheValueThatSettledTheType() {
        SeedScan scan = scan("z.csv", "zip\n12345\n67890\n007\n1\n");
        assertThat(scan.columns().get(0).decidedAt()).isEqualTo(new Position(4, 1));
        assertThat(scan.columns().get(0).decidingValue()).isEqualTo("007");
    }

    @Test
    void columnTypesWinOverInference() {
        SeedSpec spec = new TestingSeedFiles(dir).write("ct.csv", "zip,n\n007,1\n")
                .withColumnTypes(Map.of("zip", "varchar(5)", "missing", "int"));
        SeedScan scan = SeedScanner.scan(spec);
        assertThat(scan.columns().get(0).declaredType()).isEqualTo("varchar(5)");
        assertThat(scan.columns().get(0).inferred()).isNull();
        assertThat(scan.ignoredColumnTypes()).containsExactly("missing");
    }

    @Test
    void columnTypesAreMatchedByTheNameAsWritten() {
        SeedSpec spec = new TestingSeedFiles(dir).write("cs.csv", "Zip\n007\n").withQuoteColumns(false)
                .withColumnTypes(Map.of("Zip", "char(3)"));
        ScannedColumn zip = SeedScanner.scan(spec).columns().get(0);
        assertThat(zip.name()).isEqualTo("zip");
        assertThat(zip.declaredType()).isEqualTo("char(3)");
    }

    @Test
    void jsonColumnsMixingScalarsAndObjectsAreJson() {
        SeedScan scan = scan("j.jsonl", """
                {"id": 1, "v": {"a": 1}, "s": "2020-01-01", "n": 1, "q": "42"}
                {"id": 2, "v": "plain", "s": "2020-01-02", "n": 2.5, "q": "43"}
                """);
        assertThat(scan.columns()).extracting(ScannedColumn::inferred)
                .containsExactly(INTEGER, JSON, DATE, NUMERIC, TEXT);
    }

    @Test
    void nulCharacterIsAnError() {
        assertThatThrownBy(() -> scan("nul.csv", "id,name\n1,a\u0000b\n")).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/nul.csv:2: Cannot load seed nul: the value of column 'name' holds a NUL character"
                        + " (\\0), which PostgreSQL cannot store in text; remove it");
    }

    @Test
    void cleanCsvFilesAreCopiedAsTheyAre() {
        assertThat(scan("c1.csv", "id,name\n1,\"a, b\"\n2,\"two\nlines\"\n3,\"\"\n4,\n").copyAsIs()).isTrue();
        assertThat(scan("c2.csv", "\uFEFFid,name\r\n1,a\r\n").copyAsIs()).isTrue();
        SeedSpec semicolons = new TestingSeedFiles(dir).write("c3.csv", "id;name\n1;a\n").withDelimiter(';');
        assertThat(SeedScanner.scan(semicolons).copyAsIs()).isTrue();
    }

    @Test
    void filesCopyReadsDifferentlyAreReEncoded() {
        assertThat(scan("r1.csv", "id,name\n1,\"say \"\"hi\"\"\"\n").copyAsIs()).as("quote in a value").isFalse();
        assertThat(scan("r2.csv", "id,name\n1,ab\"c\n").copyAsIs()).as("quote inside unquoted field").isFalse();
        assertThat(scan("r3.csv", "id,name\n1,null\n").copyAsIs()).as("null spelled out").isFalse();
        assertThat(scan("r4.csv", "id,name\n1,  \n").copyAsIs()).as("spaces only").isFalse();
        assertThat(scan("r5.csv", "id,name\n1,a\n\n2,b\n").copyAsIs()).as("blank line").isFalse();
        assertThat(scan("r6.csv", "id,name\r\n1,a\n").copyAsIs()).as("mixed line breaks").isFalse();
        assertThat(scan("r7.csv", "\nid,name\n1,a\n").copyAsIs()).as("header not on line 1").isFalse();
        assertThat(scan("r8.csv", "name\n\\.\n").copyAsIs()).as("end-of-data marker").isFalse();
        assertThat(scan("r9.jsonl", "{\"id\": 1}\n").copyAsIs()).as("JSON").isFalse();
        SeedSpec hash = new TestingSeedFiles(dir).write("r10.csv", "id#name\n1#a\n").withDelimiter('#');
        assertThat(SeedScanner.scan(hash).copyAsIs()).as("unusual delimiter").isFalse();
    }
}
