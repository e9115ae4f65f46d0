package dev.sluice.core.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.spi.Column;
import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.Relation;
import dev.sluice.core.spi.RelationType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedSqlTest {
    private final Dialect dialect = new Dialect();
    private final Relation table = Relation.of(null, "raw", "drug\"s", RelationType.TABLE);

    @TempDir
    Path dir;

    @Test
    void everyNameIsQuoted() {
        assertThat(SeedSql.createTable(dialect, table, List.of("id", "a\"); drop table x; --"), List.of("integer", "text")))
                .isEqualTo("create table \"raw\".\"drug\"\"s\" (\n  \"id\" integer,\n  \"a\"\"); drop table x; --\" text\n)");
        assertThat(SeedSql.copy(dialect, table, List.of("id", "Name")))
                .isEqualTo("copy \"raw\".\"drug\"\"s\" (\"id\", \"Name\") from stdin with (format csv)");
    }

    @Test
    void temporaryNamesStayWithinPostgresLimitSoTheyNeverTruncateIntoTheTarget() {
        assertThat(SeedSql.tempIdentifier("drugs")).isEqualTo("drugs__sluice_tmp");
        String longName = "x".repeat(63);
        assertThat(SeedSql.tempIdentifier(longName)).hasSize(63).endsWith("__sluice_tmp");
        String accented = "é".repeat(40);
        assertThat(SeedSql.tempIdentifier(accented).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
    }

    @Test
    void zonedTimestampsUseTheDialectsTimestampType() {
        assertThat(SeedColumnType.TIMESTAMPTZ.sqlType(dialect)).isEqualTo("timestamp with time zone");
        assertThat(SeedColumnType.NUMERIC.sqlType(dialect)).isEqualTo("numeric");
        assertThat(SeedColumnType.JSON.sqlType(dialect)).isEqualTo("jsonb");
    }

    @Test
    void existingTableFitsWhenItHoldsTheFilesValuesWithoutLoss() {
        assertThat(TableFit.holds("integer", SeedColumnType.INTEGER)).isTrue();
        assertThat(TableFit.holds("bigint", SeedColumnType.INTEGER)).isTrue();
        assertThat(TableFit.holds("numeric", SeedColumnType.BIGINT)).isTrue();
        assertThat(TableFit.holds("timestamp without time zone", SeedColumnType.DATE)).isTrue();
        assertThat(TableFit.holds("text", SeedColumnType.DATE)).isTrue();
        assertThat(TableFit.holds("character varying(5)", SeedColumnType.TEXT)).isTrue();
        assertThat(TableFit.holds("jsonb", SeedColumnType.INTEGER)).isTrue();
        assertThat(TableFit.holds("integer", SeedColumnType.TEXT)).isFalse();
        assertThat(TableFit.holds("integer", SeedColumnType.NUMERIC)).isFalse();
        assertThat(TableFit.holds("timestamp with time zone", SeedColumnType.TIMESTAMP)).isFalse();
        assertThat(TableFit.holds("jsonb", SeedColumnType.TEXT)).isFalse();
    }

    @Test
    void misfitNamesTheValueThatNoLongerFits() {
        SeedScan scan = SeedScanner.scan(new TestingSeedFiles(dir).write("zips.csv", "id,zip\n1,12345\n2,007\n"));
        assertThat(TableFit.mismatch(List.of(new Column("id", "integer", 1), new Column("zip", "integer", 2)), scan))
                .isEqualTo("column 'zip' is integer in the table, but line 3 holds '007', which needs text");
        assertThat(TableFit.mismatch(List.of(new Column("id", "integer", 1)), scan))
                .isEqualTo("its columns are (id) but the file's are (id, zip)");
        assertThat(TableFit.mismatch(List.of(new Column("id", "bigint", 1), new Column("zip", "text", 2)), scan))
                .isNull();
    }
}
