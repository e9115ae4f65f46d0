package dev.sluice.core.internal.seed;

import static dev.sluice.core.internal.seed.TestingSeedFiles.columns;
import static dev.sluice.core.internal.seed.TestingSeedFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSeedReaderTest {
    @TempDir
    Path dir;

    private TestingSeedFiles files() {
        return new TestingSeedFiles(dir);
    }

    @Test
    void readsHeaderAndRecordsWithTheirLines() {
        SeedSpec spec = files().write("drugs.csv", "atccode,drug\nA04AD,DIPHENHYDRAMINE\nS03AA,TETRACYCLINE\n");
        assertThat(columns(spec)).containsExactly("atccode", "drug");
        assertThat(rows(spec)).containsExactly("2: A04AD|DIPHENHYDRAMINE", "3: S03AA|TETRACYCLINE");
    }

    @Test
    void dropsAByteOrderMark() {
        SeedSpec spec = files().write("bom.csv", "\uFEFFid,name\n1,a\n");
        assertThat(columns(spec)).containsExactly("id", "name");
        assertThat(rows(spec)).containsExactly("2: 1|a");
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaks() {
        SeedSpec spec = files().write("q.csv", "id,note\n1,\"a, b\"\n2,\"two\nlines\"\n3,\"say \"\"hi\"\"\"\n4,last\n");
        assertThat(rows(spec)).containsExactly("2: 1|a, b", "3: 2|two\nlines", "5: 3|say \"hi\"", "6: 4|last");
    }

    @Test
    void windowsLineEndingsCountOnce() {
        SeedSpec spec = files().write("crlf.csv", "id,name\r\n1,a\r\n2,\"b\r\nc\"\r\n3,d\r\n");
        assertThat(rows(spec)).containsExactly("2: 1|a", "3: 2|b\r\nc", "5: 3|d");
    }

    @Test
    void ignoresTrailingBlankAndWhitespaceOnlyLines() {
        SeedSpec spec = files().write("trail.csv", "id,name\n1,a\n2,b\n\n   \n\t\n\n");
        assertThat(rows(spec)).containsExactly("2: 1|a", "3: 2|b");
    }

    @Test
    void ignoresBlankLinesBetweenRecordsKeepingLineNumbers() {
        SeedSpec spec = files().write("gaps.csv", "\nid,name\n\n1,a\n  \n2,b");
        assertThat(rows(spec)).containsExactly("4: 1|a", "6: 2|b");
    }

    @Test
    void emptyFieldsAreReadAsEmpty() {
        SeedSpec spec = files().write("e.csv", "a,b,c\n,,\n1,,\"\"\n");
        assertThat(rows(spec)).containsExactly("2: ||", "3: 1||");
    }

    @Test
    void readsTheConfiguredDelimiter() {
        SeedSpec spec = files().write("pipe.csv", "id|name\n1|a,b\n").withDelimiter('|');
        assertThat(rows(spec)).containsExactly("2: 1|a,b");
    }

    @Test
    void headerOnlyFileHasNoRows() {
        SeedSpec spec = files().write("head.csv", "id,name\n");
        assertThat(columns(spec)).containsExactly("id", "name");
        assertThat(rows(spec)).isEmpty();
    }

    @Test
    void emptyFileIsAnError() {
        SeedSpec spec = files().write("empty.csv", "\n \n");
        assertThatThrownBy(() -> rows(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/empty.csv: Cannot load seed empty: the file is empty; a CSV seed starts with a"
                        + " header line naming its columns");
    }

    @Test
    void recordWithTooManyFieldsIsAnErrorNamingItsLine() {
        SeedSpec spec = files().write("ragged.csv", "id,name\n1,a\n2,b,c\n");
        assertThatThrownBy(() -> rows(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/ragged.csv:3: Cannot load seed ragged: line 3 has 3 fields but the header has 2;"
                        + " quote values that contain ','")
                .extracting(e -> ((SluiceException) e).code()).isEqualTo("seed.ragged");
    }

    @Test
    void recordWithTooFewFieldsIsAnErrorNamingItsLine() {
        SeedSpec spec = files().write("short.csv", "id,name,dose\n1,a,2\n\n2,b\n");
        assertThatThrownBy(() -> rows(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/short.csv:4: Cannot load seed short: line 4 has 2 fields but the header has 3;"
                        + " add the missing fields (leave a field empty for NULL)");
    }

    @Test
    void duplicateHeaderNameIsAnErrorAtItsColumn() {
        SeedSpec spec = files().write("dup.csv", "id,name,id\n1,a,2\n");
        assertThatThrownBy(() -> SeedScanner.scan(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/dup.csv:1:9: Cannot load seed dup: column 3 of the header, 'id', repeats column 1;"
                        + " give each column its own name");
    }

    @Test
    void emptyHeaderNameIsAnErrorAtItsColumn() {
        SeedSpec spec = files().write("noname.csv", "id,\"name\",,dose\n1,a,b,2\n");
        assertThatThrownBy(() -> SeedScanner.scan(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/noname.csv:1:11: Cannot load seed noname: column 3 of the header has no name;"
                        + " name every column");
    }

    @Test
    void namesThatFoldTogetherWithoutQuotingAreAnError() {
        SeedSpec spec = files().write("fold.csv", "Id,ID\n1,2\n").withQuoteColumns(false);
        assertThatThrownBy(() -> SeedScanner.scan(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/fold.csv:1:4: Cannot load seed fold: column 2 of the header, 'ID', repeats column 1"
                        + " ('Id') once quote_columns: false folds names to lower case; rename one, or set"
                        + " quote_columns: true");
    }

    @Test
    void invalidUtf8IsAnErrorAtItsLineAndColumn() {
        SeedSpec spec = files().write("latin1.csv", TestingSeedFiles.withByte("id,name\n1,ok\n2,caf", 0xE9, "\n"));
        assertThatThrownBy(() -> rows(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/latin1.csv:3:6: Cannot load seed latin1: the file is not valid UTF-8 (byte 0xE9"
                        + " here); save it as UTF-8")
                .extracting(e -> ((SluiceException) e).location()).isEqualTo(new Location("seeds/latin1.csv", 3, 6));
    }

    @Test
    void invalidUtf8FarIntoALargeFileIsPlacedExactly() {
        StringBuilder sb = new StringBuilder("id,name\n");
        for (int i = 1; i <= 50_000; i++) {
            sb.append(i).append(",name é ").append(i).append('\n');
        }
        SeedSpec spec = files().write("big.csv", TestingSeedFiles.withByte(sb + "x,ab", 0xC3, "(\n"));
        assertThatThrownBy(() -> rows(spec)).isInstanceOf(SluiceException.class)
                .extracting(e -> ((SluiceException) e).location()).isEqualTo(new Location("seeds/big.csv", 50_002, 5));
    }

    @Test
    void unclosedQuoteIsAnErrorNamingWhereItOpened() {
        SeedSpec spec = files().write("open.csv", "id,name\n1,a\n2,\"b\n3,c\n");
        assertThatThrownBy(() -> rows(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/open.csv:3: Cannot load seed open: the quoted field starting on line 3 is never"
                        + " closed; close it with '\"' (a quote inside a quoted field is written '\"\"')");
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        SeedSpec spec = files().write("after.csv", "id,name\n1,a\n2,\"b\"c\n");
        assertThatThrownBy(() -> rows(spec)).isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("seeds/after.csv:3:")
                .hasMessageEndingWith("Cannot load seed after: unexpected text after a closing quote; quote the whole"
                        + " field and write a quote inside it as '\"\"'");
    }

    @Test
    void missingFileIsAnError() {
        SeedSpec spec = files().write("gone.csv", "id\n");
        SeedSpec missing = SeedSpec.of("gone", dir.resolve("nope.csv"), "seeds/nope.csv", spec.target());
        assertThatThrownBy(() -> rows(missing)).isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("seeds/nope.csv: Cannot load seed gone: the file does not exist");
    }
}
