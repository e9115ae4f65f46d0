package dev.sluice.core.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvCopyWriterTest {
    @TempDir
    Path dir;

    private static String row(String... cells) {
        StringBuilder sb = new StringBuilder();
        CsvCopyWriter.appendRow(sb, cells);
        return sb.toString();
    }

    @Test
    void plainValuesAreWrittenAsTheyAre() {
        assertThat(row("1", "abc", " spaced ")).isEqualTo("1,abc, spaced \n");
    }

    @Test
    void nullIsAnUnquotedEmptyFieldAndEmptyStringIsQuoted() {
        assertThat(row(null, "", "x")).isEqualTo(",\"\",x\n");
    }

    @Test
    void delimitersQuotesAndLineBreaksAreQuoted() {
        assertThat(row("a,b", "say \"hi\"", "two\nlines", "cr\r")).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\n");
    }

    @Test
    void aLeadingBackslashIsQuotedSoNoLineReadsAsEndOfData() {
        assertThat(row("\\.")).isEqualTo("\"\\.\"\n");
        assertThat(row("a\\b")).isEqualTo("a\\b\n");
    }

    @Test
    void feedTurnsNullSpellingsIntoNullAndQuotesJsonStrings() throws IOException {
        SeedSpec spec = new TestingSeedFiles(dir).write("f.csv", "a,b,c\nnull, ,\"x,y\"\n");
        assertThat(feed(spec, new boolean[3])).isEqualTo(",,\"x,y\"\n");
        SeedSpec json = new TestingSeedFiles(dir).write("g.jsonl", "{\"v\": \"say \\\"hi\\\"\"}\n{\"v\": [1]}\n{\"v\": \"\"}\n");
        assertThat(feed(json, new boolean[] {true})).isEqualTo("\"\"\"say \\\"\"hi\\\"\"\"\"\"\n[1]\n\"\"\"\"\"\"\n");
        assertThat(feed(json, new boolean[] {false})).isEqualTo("\"say \"\"hi\"\"\"\n[1]\n\"\"\n");
    }

    @Test
    void feedStreamsLargeFilesInSmallReads() throws IOException {
        StringBuilder sb = new StringBuilder("id,name\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(i).append(",n").append(i).append('\n');
        }
        SeedSpec spec = new TestingSeedFiles(dir).write("big.csv", sb.toString());
        assertThat(feed(spec, new boolean[2])).isEqualTo(sb.substring("id,name\n".length()));
    }

    private static String feed(SeedSpec spec, boolean[] json) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Reader r = new CopyFeed(spec, SeedReader.open(spec), json)) {
            char[] buf = new char[777];
            for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
                out.append(buf, 0, n);
            }
        }
        return out.toString();
    }
}
