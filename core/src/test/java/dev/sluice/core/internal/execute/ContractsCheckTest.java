package dev.sluice.core.internal.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.internal.postgres.PostgresDialect;
import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.QueryResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comparing a model's described columns with its contract's, as dbt-postgres compares them. */
class ContractsCheckTest {
    private final Dialect postgres = new PostgresDialect();

    private static QueryResult described(List<String> names, List<String> types) {
        return new QueryResult(names, types, List.of());
    }

    @Test
    void typesOfOneKindMatchWhateverTheirSizeOrSpelling() {
        QueryResult sql = described(List.of("a", "b", "c", "d", "e", "f"),
                List.of("int2", "varchar", "float4", "numeric", "timetz", "_int4"));
        QueryResult contract = described(List.of("f", "e", "d", "c", "b", "a"),
                List.of("_int2", "time", "numeric", "float8", "bpchar", "int4"));
        assertThat(ContractCheck.compare(postgres, sql, contract)).isEmpty();
    }

    @Test
    void typesOfOtherKindsAndMissingColumnsAreMismatchesSortedByColumn() {
        QueryResult sql = described(List.of("z", "id", "at"), List.of("text", "int8", "timestamptz"));
        QueryResult contract = described(List.of("id", "at", "y"), List.of("int4", "timestamp", "uuid"));
        assertThat(ContractCheck.compare(postgres, sql, contract)).containsExactly(
                new ContractCheck.Mismatch("at", "timestamp with time zone", "timestamp", "data type mismatch"),
                new ContractCheck.Mismatch("id", "bigint", "integer", "data type mismatch"),
                new ContractCheck.Mismatch("y", null, "uuid", "missing in SQL"),
                new ContractCheck.Mismatch("z", "text", null, "missing in YAML"));
    }

    @Test
    void mismatchesPrintAsAnAlignedTable() {
        assertThat(ContractCheck.table(List.of(new ContractCheck.Mismatch("customer_id", "text", "integer",
                "data type mismatch")))).isEqualTo("""
                  | column      | type in SQL | type in contract | mismatch           |
                  | ----------- | ----------- | ---------------- | ------------------ |
                  | customer_id | text        | integer          | data type mismatch |
                """);
    }

    @Test
    void dbtsTypeAliasesApplyToDeclaredTypes() {
        assertThat(postgres.contractType("string")).isEqualTo("text");
        assertThat(postgres.contractType(" STRING ")).isEqualTo("text");
        assertThat(postgres.contractType("numeric(38,3)")).isEqualTo("numeric(38,3)");
        assertThat(postgres.contractType("varchar(256)")).isEqualTo("varchar(256)");
    }
}
