package dev.sluice.core.internal.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTextTest {
    private static String blank(String text) {
        return " ".repeat(text.length());
    }

    private static String literal(String text) {
        return "'" + " ".repeat(text.length() - 2) + "'";
    }

    @Test
    void dropsCollationsKeepingTheLength() {
        String sql = "select x collate \"C\", y COLLATE pg_catalog.\"default\" from t order by x collate C desc";

        assertThat(SqlText.normalize(sql)).isEqualTo("select x" + blank(" collate \"C\"") + ", y"
                + blank(" COLLATE pg_catalog.\"default\"") + " from t order by x" + blank(" collate C") + " desc");
    }

    @Test
    void blanksEveryKindOfStringLiteral() {
        String[] literals = {"'it''s'", "E'a\\'b'", "$$x'y$$", "$fn$ $$ $fn$", "B'01'", "U&'d'", "'x'"};

        String sql = "select " + String.join(", ", literals);
        String expected = "select " + String.join(", ", java.util.Arrays.stream(literals).map(SqlTextTest::literal)
                .toList());
        assertThat(SqlText.normalize(sql)).isEqualTo(expected);
    }

    @Test
    void blanksCommentsKeepingLineBreaks() {
        assertThat(SqlText.normalize("select 1 -- one 'two\n/* a /* nested */ b */ + 2"))
                .isEqualTo("select 1 " + blank("-- one 'two") + "\n" + blank("/* a /* nested */ b */") + " + 2");
    }

    @Test
    void leavesQuotedIdentifiersParametersAndUnterminatedStringsAlone() {
        String sql = "select \"collate\", \"it's\", $1, a$b, 'open";

        assertThat(SqlText.normalize(sql)).isEqualTo(sql);
    }

    @Test
    void keepsLineBreaksInsideLiterals() {
        assertThat(SqlText.normalize("select 'a\nb', $$c\nd$$")).isEqualTo("select ' \n ', '  \n  '");
    }
}
