package dev.sluice.core.internal.seed;

import static dev.sluice.core.internal.seed.TestingSeedFiles.columns;
import static dev.sluice.core.internal.seed.TestingSeedFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSeedReaderTest {
    @TempDir
    Path dir;

    private TestingSeedFiles files() {
        return new TestingSeedFiles(dir);
    }

    @Test
    void columnsAreTheUnionOfKeysInFirstSeenOrder() {
        SeedSpec spec = files().write("pubs.json", """
                [
                  {"id": 1, "title": "a"},
                  {"title": "b", "journal": "j", "id": 2},
                  {"id": 3}
                ]
                """);
        assertThat(columns(spec)).containsExactly("id", "title", "journal");
        assertThat(rows(spec)).containsExactly("2: 1|a|\\N", "3: 2|b|j", "4: 3|\\N|\\N");
    }

    @Test
    void nestedObjectsAndArraysAreKeptAsCompactJson() {
        SeedSpec spec = files().write("nest.json", """
                [{"id": 1, "tags": ["x", "y"], "meta": {"n": 1.50, "ok": true, "none": null}}]
                """);
        assertThat(rows(spec)).containsExactly("1: 1|[\"x\",\"y\"]|{\"n\":1.50,\"ok\":true,\"none\":null}");
    }

    @Test
    void valuesRememberTheirJsonKinds() {
        SeedSpec spec = files().write("kinds.json", """
                [{"s": "007", "i": 7, "d": 1.50, "b": false, "n": null, "o": {}}]
                """);
        List<ValueKind> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (SeedReader reader = SeedReader.open(spec)) {
            SeedRow row = reader.next();
            for (int i = 0; i < 6; i++) {
                values.add(row.value(i));
                kinds.add(row.value(i) == null ? null : row.kind(i));
            }
        }
        assertThat(values).containsExactly("007", "7", "1.50", "false", null, "{}");
        assertThat(kinds).containsExactly(ValueKind.JSON_STRING, ValueKind.JSON_INTEGER, ValueKind.JSON_DECIMAL,
                ValueKind.JSON_BOOLEAN, null, ValueKind.JSON_NESTED);
    }

    @Test
    void jsonLinesHoldOneObjectPerLineAndMayHaveBlankLines() {
        SeedSpec spec = files().write("events.jsonl", """
                {"id": 1, "payload": {"k": [1, 2]}}

                {"id": 2, "payload": null}
                   \s
                """);
        assertThat(rows(spec)).containsExactly("1: 1|{\"k\":[1,2]}", "3: 2|\\N");
    }

    @Test
    void ndjsonIsJsonLines() {
        SeedSpec spec = files().write("e.ndjson", "{\"a\": 1}\n{\"a\": 2}\n");
        assertThat(rows(spec)).containsExactly("1: 1", "2: 2");
    }

    @Test
    void aJsonSeedMustBeAnArray() {
        SeedSpec spec = files().write("obj.json", "{\"id\": 1}\n{\"id\": 2}\n");
        assertThatThrownBy(() -> rows(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/obj.json:1:1: Cannot load seed obj: a .json seed holds one array of objects"
                        + " ([{...}, {...}]), but this file starts with an object; for one object per line name the"
                        + " file .jsonl");
    }

    @Test
    void arrayElementsMustBeObjects() {
        SeedSpec spec = files().write("mixed.json", "[\n  {\"id\": 1},\n  [1, 2]\n]\n");
        assertThatThrownBy(() -> rows(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/mixed.json:3:3: Cannot load seed mixed: element 2 of the array is an array, not an"
                        + " object");
    }

    @Test
    void jsonLinesMustBeObjects() {
        SeedSpec spec = files().write("l.jsonl", "{\"id\": 1}\n\"two\"\n");
        assertThatThrownBy(() -> rows(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/l.jsonl:2:1: Cannot load seed l: each line of a JSON Lines seed must be an object,"
                        + " found a string");
    }

    @Test
    void contentAfterTheArrayIsAnError() {
        SeedSpec spec = files().write("two.json", "[{\"id\": 1}]\n[{\"id\": 2}]\n");
        assertThatThrownBy(() -> rows(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/two.json:2:1: Cannot load seed two: there is more after the array ends; a .json"
                        + " seed holds exactly one array");
    }

    @Test
    void invalidJsonIsAnErrorAtItsLineAndColumn() {
        SeedSpec spec = files().write("bad.json", "[\n  {\"id\": 1,},\n]\n");
        assertThatThrownBy(() -> rows(spec)).isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("seeds/bad.json:2:12: Cannot load seed bad: the file is not valid JSON: Unexpected"
                        + " character ('}'");
    }

    @Test
    void aKeyRepeatedInOneObjectIsAnError() {
        SeedSpec spec = files().write("dupkey.json", "[{\"id\": 1, \"id\": 2}]");
        assertThatThrownBy(() -> rows(spec)).isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("seeds/dupkey.json:1:")
                .hasMessageContaining("Cannot load seed dupkey: the file is not valid JSON: Duplicate field 'id'");
    }

    @Test
    void invalidUtf8IsAnErrorAtItsLineAndColumn() {
        SeedSpec spec = files().write("enc.jsonl", TestingSeedFiles.withByte("{\"a\": 1}\n{\"a\": \"x", 0xFF, "\"}\n"));
        assertThatThrownBy(() -> rows(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/enc.jsonl:2:9: Cannot load seed enc: the file is not valid UTF-8 (byte 0xFF here);"
                        + " save it as UTF-8")
                .extracting(e -> ((SluiceException) e).location()).isEqualTo(new Location("seeds/enc.jsonl", 2, 9));
    }

    @Test
    void anEmptyKeyIsAnError() {
        SeedSpec spec = files().write("ek.json", "[{\"id\": 1, \"\": 2}]");
        assertThatThrownBy(() -> SeedScanner.scan(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/ek.json:1:12: Cannot load seed ek: an object has an empty key; every key becomes a"
                        + " column name, so name it");
    }

    @Test
    void anEmptyArrayDefinesNoColumns() {
        SeedSpec spec = files().write("none.json", "[]");
        assertThatThrownBy(() -> SeedScanner.scan(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/none.json: Cannot load seed none: the file holds no keys, so it defines no columns;"
                        + " a JSON seed needs at least one object with keys");
    }
}
