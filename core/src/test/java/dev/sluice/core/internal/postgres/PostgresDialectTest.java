package dev.sluice.core.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.spi.Relation;
import dev.sluice.core.spi.RelationType;
import org.junit.jupiter.api.Test;

class PostgresDialectTest {
    private final PostgresDialect dialect = new PostgresDialect();
    private final Relation table = Relation.of("analytics", "mrt", "drug_mentions", RelationType.TABLE);

    @Test
    void rendersRelationsAsDbtPostgresDoes() {
        assertThat(dialect.render(table)).isEqualTo("\"analytics\".\"mrt\".\"drug_mentions\"");
        assertThat(dialect.render(Relation.of(null, "mrt", "x", RelationType.VIEW))).isEqualTo("\"mrt\".\"x\"");
    }

    @Test
    void createsSchemasWithoutTheDatabase() {
        assertThat(dialect.createSchema("analytics", "mrt")).isEqualTo("create schema if not exists \"mrt\"");
    }

    @Test
    void renamesAndDropsByKind() {
        assertThat(dialect.rename(table, "t__backup"))
                .isEqualTo("alter table \"analytics\".\"mrt\".\"drug_mentions\" rename to \"t__backup\"");
        assertThat(dialect.rename(table.withType(RelationType.VIEW), "v")).startsWith("alter view ");
        assertThat(dialect.rename(table.withType(RelationType.MATERIALIZED_VIEW), "m"))
                .startsWith("alter materialized view ");
        assertThat(dialect.drop(table)).isEqualTo("drop table if exists \"analytics\".\"mrt\".\"drug_mentions\" cascade");
        assertThat(dialect.drop(table.withType(RelationType.MATERIALIZED_VIEW))).startsWith("drop materialized view if exists ");
        assertThat(dialect.drop(table.withType(RelationType.EXTERNAL))).startsWith("drop foreign table if exists ");
    }
}
