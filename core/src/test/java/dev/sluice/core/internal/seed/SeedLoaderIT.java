package dev.sluice.core.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.TestingDatabase;
import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.spi.Adapter;
import dev.sluice.core.spi.Relation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedLoaderIT {
    @TempDir
    Path dir;

    private final Adapter adapter = TestingDatabase.adapter();
    private String schema;
    private TestingSeedFiles files;

    @BeforeEach
    void setUp() {
        schema = TestingDatabase.freshSchema("seed_it");
        files = new TestingSeedFiles(dir, schema);
    }

    private LoadResult load(SeedSpec spec) {
        return adapter.withConnection(c -> new SeedLoader().load(c, adapter.dialect(), spec));
    }

    private List<List<Object>> query(String sql) {
        return adapter.withConnection(c -> c.query(sql)).rows();
    }

    private List<String> types(String table) {
        return adapter.withConnection(c -> c.columns(Relation.of(null, schema, table,
                dev.sluice.core.spi.RelationType.TABLE))).stream().map(col -> col.name() + " " + col.dataType()).toList();
    }

    private List<String> relations() {
        return adapter.withConnection(c -> c.listRelations(null, schema)).stream().map(Relation::identifier).toList();
    }

    @Test
    void loadsCsvWithTypesThatKeepEveryValue() {
        LoadResult r = load(files.write("drugs.csv", """
                id,big,price,ok,day,at,at_tz,zip,note
                1,3000000000,1.50,true,2020-01-31,2020-01-31T10:15:30.5,2020-01-31T10:15:30+02:00,007,"a, b"
                2,,2.25,FALSE,,2020-02-01 00:00,,12345,
                3,5,,null,2020-02-29,,2020-01-01T00:00:00Z,00,"two
                lines"
                """));
        assertThat(r.rows()).isEqualTo(3);
        assertThat(r.rebuilt()).isTrue();
        assertThat(r.columns()).extracting(SeedColumn::type).containsExactly("integer", "bigint", "numeric", "boolean",
                "date", "timestamp", "timestamp with time zone", "text", "text");
        assertThat(types("drugs")).containsExactly("id integer", "big bigint", "price numeric", "ok boolean", "day date",
                "at timestamp without time zone", "at_tz timestamp with time zone", "zip text", "note text");
        assertThat(query("select id, big::text, price::text, ok, day::text, at::text, extract(epoch from at_tz)::bigint, zip,"
                + " note from \"" + schema + "\".drugs order by id")).containsExactly(
                List.of(1, "3000000000", "1.50", true, "2020-01-31", "2020-01-31 10:15:30.5", 1580458530L, "007", "a, b"),
                java.util.Arrays.asList(2, null, "2.25", false, null, "2020-02-01 00:00:00", null, "12345", null),
                java.util.Arrays.asList(3, "5", null, null, "2020-02-29", null, 1577836800L, "00", "two\nlines"));
    }

    @Test
    void columnTypesWinOverInference() {
        LoadResult r = load(files.write("zips.csv", "zip,n\n01234,1\n98765,2\n")
                .withColumnTypes(Map.of("zip", "varchar(5)", "n", "smallint", "nope", "int")));
        assertThat(types("zips")).containsExactly("zip character varying(5)", "n smallint");
        assertThat(r.columns()).extracting(SeedColumn::declared).containsExactly(true, true);
        assertThat(r.ignoredColumnTypes()).containsExactly("nope");
        assertThat(query("select zip from \"" + schema + "\".zips order by n")).containsExactly(List.of("01234"), List.of("98765"));
    }

    @Test
    void reloadRefillsTheTableKeepingViewsThatDependOnIt() {
        load(files.write("orders.csv", "id,amount\n1,10\n2,20\n"));
        adapter.withConnection(c -> c.execute("create view \"" + schema + "\".big_orders as select * from \""
                + schema + "\".orders where amount > 15"));
        LoadResult r = load(files.write("orders.csv", "id,amount\n1,10\n2,20\n3,30\n"));
        assertThat(r.rebuilt()).isFalse();
        assertThat(r.rows()).isEqualTo(3);
        assertThat(query("select count(*) from \"" + schema + "\".big_orders")).containsExactly(List.of(2L));
    }

    @Test
    void fullRefreshRebuildsTheTableWithNewTypes() {
        load(files.write("codes.csv", "id,code\n1,12\n"));
        assertThatThrownBy(() -> load(files.write("codes.csv", "id,code\n1,12\n2,007\n")))
                .isInstanceOf(SluiceException.class)
                .hasMessage("seeds/codes.csv: Cannot load seed codes: table " + schema + ".codes no longer fits the file:"
                        + " column 'code' is integer in the table, but line 3 holds '007', which needs text; run with"
                        + " --full-refresh to rebuild it");
        assertThat(query("select code from \"" + schema + "\".codes")).containsExactly(List.of(12));

        LoadResult r = load(files.write("codes.csv", "id,code\n1,12\n2,007\n").withFullRefresh(true));
        assertThat(r.rebuilt()).isTrue();
        assertThat(types("codes")).containsExactly("id integer", "code text");
        assertThat(query("select code from \"" + schema + "\".codes order by id")).containsExactly(List.of("12"), List.of("007"));
        assertThat(relations()).containsExactly("codes");
    }

    @Test
    void aBadFileLeavesThePreviousTableAndRowsIntact() {
        load(files.write("stock.csv", "id,qty\n1,5\n2,6\n"));
        assertThatThrownBy(() -> load(files.write("stock.csv", "id,qty\n1,5\n2,6,7\n").withFullRefresh(true)))
                .isInstanceOf(SluiceException.class).hasMessageStartingWith("seeds/stock.csv:3: Cannot load seed stock: line 3");
        assertThatThrownBy(() -> load(files.write("stock.csv", "id,qty\n1,5\n2,x\n")
                .withColumnTypes(Map.of("qty", "integer")).withFullRefresh(true)))
                .isInstanceOf(DatabaseException.class).hasMessageStartingWith("seeds/stock.csv:3:");
        assertThatThrownBy(() -> load(files.write("stock.csv", "id,qty\n1,5\n2,x\n").withColumnTypes(Map.of("qty", "integer"))))
                .isInstanceOf(DatabaseException.class).hasMessageStartingWith("seeds/stock.csv:3:");
        assertThat(query("select id, qty from \"" + schema + "\".stock order by id"))
                .containsExactly(List.of(1, 5), List.of(2, 6));
        assertThat(relations()).containsExactly("stock");
    }

    @Test
    void copyErrorsNameTheSeedFilesLine() {
        SeedSpec spec = files.write("doses.csv", "id,note,dose\n1,\"multi\nline\",5\n2,ok,6\n\n3,bad,ten\n")
                .withColumnTypes(Map.of("dose", "integer"));
        assertThatThrownBy(() -> load(spec)).isInstanceOf(DatabaseException.class)
                .hasMessage("seeds/doses.csv:6: Cannot load seed doses: invalid input syntax for type integer: \"ten\""
                        + " (column 'dose', typed integer by column_types) (SQLSTATE 22P02)")
                .satisfies(e -> assertThat(((DatabaseException) e).sqlState()).isEqualTo("22P02"))
                .extracting(e -> ((SluiceException) e).location()).isEqualTo(new Location("seeds/doses.csv", 6, 0));
        assertThat(relations()).isEmpty();
    }

    @Test
    void oddHeadersBecomeQuotedColumnNames() {
        load(files.write("odd.csv", "\"Drug Name\",\"a\"\"b\",select,\"x); drop table y; --\",é\n1,2,3,4,5\n"));
        assertThat(types("odd")).containsExactly("Drug Name integer", "a\"b integer", "select integer",
                "x); drop table y; -- integer", "é integer");
        load(files.write("lower.csv", "Drug Name,ID\na,1\n").withQuoteColumns(false));
        assertThat(types("lower")).containsExactly("drug name text", "id integer");
    }

    @Test
    void jsonSeedLoadsNestedValuesAsJsonb() {
        LoadResult r = load(files.write("pubs.json", """
                [
                  {"id": 1, "title": "Aspirin", "meta": {"tags": ["a", "b"], "score": 1.50}, "day": "2020-01-01", "code": "007"},
                  {"id": 2, "title": "", "meta": "plain", "extra": true},
                  {"id": 3, "meta": null, "code": "42"}
                ]
                """));
        assertThat(r.rows()).isEqualTo(3);
        assertThat(types("pubs")).containsExactly("id integer", "title text", "meta jsonb", "day date", "code text",
                "extra boolean");
        assertThat(query("select meta->'tags'->>1, meta->>'score', meta #>> '{}', title, code from \"" + schema
                + "\".pubs order by id")).containsExactly(
                java.util.Arrays.asList("b", "1.50", "{\"tags\": [\"a\", \"b\"], \"score\": 1.50}", "Aspirin", "007"),
                java.util.Arrays.asList(null, null, "plain", "", null),
                java.util.Arrays.asList(null, null, null, null, "42"));
    }

    @Test
    void jsonLinesSeedLoads() {
        load(files.write("events.jsonl", """
                {"id": 1, "at": "2020-01-01T10:00:00Z", "payload": {"k": [1, 2]}, "n": 12345678901}
                {"id": 2, "at": "2020-01-02T10:00:00+01:00", "payload": [], "n": 1.5}
                """));
        assertThat(types("events")).containsExactly("id integer", "at timestamp with time zone", "payload jsonb", "n numeric");
        assertThat(query("select jsonb_array_length(payload->'k'), n::text from \"" + schema + "\".events order by id"))
                .containsExactly(java.util.Arrays.asList(2, "12345678901"), java.util.Arrays.asList(null, "1.5"));
    }

    @Test
    void aViewInTheWayIsReplacedOnlyOnFullRefresh() {
        adapter.withConnection(c -> c.execute("create view \"" + schema + "\".lookup as select 1 as id"));
        SeedSpec spec = files.write("lookup.csv", "id\n1\n2\n");
        assertThatThrownBy(() -> load(spec)).isInstanceOf(SluiceException.class)
                .hasMessage("seeds/lookup.csv: Cannot load seed lookup: " + schema + ".lookup is a view, not a table;"
                        + " run with --full-refresh to replace it");
        load(spec.withFullRefresh(true));
        assertThat(query("select count(*) from \"" + schema + "\".lookup")).containsExactly(List.of(2L));
    }

    @Test
    void loadsAHundredThousandRows() {
        StringBuilder sb = new StringBuilder("id,name,day,amount,flag\n");
        for (int i = 1; i <= 100_000; i++) {
            sb.append(i).append(",name ").append(i).append(",2020-01-").append(String.format("%02d", i % 28 + 1))
                    .append(',').append(i).append(".25,").append(i % 2 == 0).append('\n');
        }
        LoadResult r = load(files.write("big.csv", sb.toString()));
        assertThat(r.rows()).isEqualTo(100_000);
        assertThat(r.columns()).extracting(SeedColumn::type).containsExactly("integer", "text", "date", "numeric", "boolean");
        assertThat(query("select count(*), sum(id), sum(amount)::text, count(*) filter (where flag) from \"" + schema
                + "\".big")).containsExactly(List.of(100_000L, 5_000_050_000L, "5000075000.00", 50_000L));
    }

    @Test
    void reportsTheTableColumnsAfterARefill() {
        load(files.write("keep.csv", "id,v\n1,a\n"));
        LoadResult r = load(files.write("keep.csv", "id,v\n2,b\n"));
        assertThat(r.columns()).containsExactly(new SeedColumn("id", "integer", false), new SeedColumn("v", "text", false));
    }

    @Test
    void cleanFilesCopiedAsTheyAreLoadLikeReEncodedOnes() {
        String text = "\uFEFFid;note;n\r\n1;\"a; b\";1\r\n2;\"two\r\nlines\";\r\n3;\"\";3\r\n4;;4\r\n";
        SeedSpec asIs = files.write("asis.csv", text).withDelimiter(';');
        assertThat(SeedScanner.scan(asIs).copyAsIs()).isTrue();
        load(asIs);
        SeedSpec reEncoded = files.write("reenc.csv", text + "\r\n").withDelimiter(';');
        assertThat(SeedScanner.scan(reEncoded).copyAsIs()).isFalse();
        load(reEncoded);
        List<List<Object>> expected = List.of(List.of(1, "a; b", 1), java.util.Arrays.asList(2, "two\r\nlines", null),
                java.util.Arrays.asList(3, null, 3), java.util.Arrays.asList(4, null, 4));
        assertThat(query("select * from \"" + schema + "\".asis order by id")).isEqualTo(expected);
        assertThat(query("select * from \"" + schema + "\".reenc order by id")).isEqualTo(expected);
    }

    @Test
    void copyErrorsNameTheFileLineWhenCopiedAsIs() {
        SeedSpec spec = files.write("dose2.csv", "id,note,dose\n1,\"multi\nline\",5\n2,ok,6\n3,bad,ten\n")
                .withColumnTypes(Map.of("dose", "integer"));
        assertThat(SeedScanner.scan(spec).copyAsIs()).isTrue();
        assertThatThrownBy(() -> load(spec)).isInstanceOf(DatabaseException.class)
                .hasMessage("seeds/dose2.csv:5: Cannot load seed dose2: invalid input syntax for type integer: \"ten\""
                        + " (column 'dose', typed integer by column_types) (SQLSTATE 22P02)");
    }

    @Test
    void copyErrorsAfterMultiLineValuesNameTheFileLineInEitherMode() {
        String text = "id,note,dose\n1,ok,5\n2,\"multi\nline\",6\n3,\"bad\nrow\",ten\n";
        SeedSpec asIs = files.write("ml1.csv", text).withColumnTypes(Map.of("dose", "integer"));
        SeedSpec reEncoded = files.write("ml2.csv", text + "\n").withColumnTypes(Map.of("dose", "integer"));
        assertThat(SeedScanner.scan(asIs).copyAsIs()).isTrue();
        assertThat(SeedScanner.scan(reEncoded).copyAsIs()).isFalse();
        assertThatThrownBy(() -> load(asIs)).hasMessageStartingWith("seeds/ml1.csv:5: Cannot load seed ml1: invalid input");
        assertThatThrownBy(() -> load(reEncoded)).hasMessageStartingWith("seeds/ml2.csv:5: Cannot load seed ml2: invalid input");
    }

    @Test
    void copyErrorsInJsonSeedsNameTheObjectsLineAndColumn() {
        SeedSpec spec = files.write("jerr.jsonl", "{\"id\": 1, \"n\": \"1\"}\n{\"id\": 2, \"n\": \"x\"}\n")
                .withColumnTypes(Map.of("n", "integer"));
        assertThatThrownBy(() -> load(spec)).isInstanceOf(DatabaseException.class)
                .hasMessage("seeds/jerr.jsonl:2:1: Cannot load seed jerr: invalid input syntax for type integer: \"x\""
                        + " (column 'n', typed integer by column_types) (SQLSTATE 22P02)");
    }

    @Test
    void longValuesInCopyErrorsStillFindTheirLine() {
        String longValue = "x".repeat(150);
        SeedSpec spec = files.write("long.csv", "id,code\n1,abc\n2," + longValue + "\n")
                .withColumnTypes(Map.of("code", "varchar(3)"));
        assertThatThrownBy(() -> load(spec)).isInstanceOf(DatabaseException.class)
                .hasMessage("seeds/long.csv:3: Cannot load seed long: value too long for type character varying(3)"
                        + " (column 'code', typed varchar(3) by column_types) (SQLSTATE 22001)");
    }
}
