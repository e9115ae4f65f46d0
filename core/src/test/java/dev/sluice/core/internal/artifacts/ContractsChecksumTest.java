package dev.sluice.core.internal.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.ResourceType;
import dev.sluice.core.internal.model.ColumnDef;
import dev.sluice.core.internal.model.Constraint;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.NodeConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The manifest's contract checksum against values computed with CPython from dbt's constraint
 * dataclasses (the same fields and defaults, printed with {@code str()} and hashed with
 * {@code hashlib.sha256}), and the constraints as the manifest writes them.
 */
class ContractsChecksumTest {
    private static Constraint constraint(Constraint.Type type, String name, String expression, boolean warnUnenforced,
            String to, List<String> toColumns, List<String> columns) {
        return new Constraint(type, name, expression, warnUnenforced, true, to, toColumns, columns, null);
    }

    private static Node model(String materialized, boolean enforced) {
        Map<String, ColumnDef> columns = new LinkedHashMap<>();
        columns.put("id", new ColumnDef("id", "", "integer", Map.of(), List.of(), List.of(), null, List.of(
                constraint(Constraint.Type.NOT_NULL, null, null, true, null, List.of(), List.of()),
                constraint(Constraint.Type.CHECK, "positive", "id > 0", true, null, List.of(), List.of()))));
        columns.put("Name", new ColumnDef("Name", "", "text", Map.of(), List.of(), List.of()));
        columns.put("amount", new ColumnDef("amount", "", null, Map.of(), List.of(), List.of(), true, List.of(
                constraint(Constraint.Type.FOREIGN_KEY, null, null, false, "ref('x')", List.of("id"), List.of()))));
        NodeConfig config = new NodeConfig(Map.of("materialized", materialized, "contract", Map.of("enforced", enforced)));
        return new Node("model.p.m", ResourceType.MODEL, "p", "m", "m.sql", "models/m.sql", "select 1", "sql",
                List.of("p", "m"), null, config, Map.of(), "", columns, Map.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), "db", "s", "m", "\"db\".\"s\".\"m\"", null, 0, null,
                List.of(constraint(Constraint.Type.PRIMARY_KEY, null, null, true, null, List.of(), List.of("id", "Name"))));
    }

    @Test
    void anEnforcedTableContractHashesColumnsByNameThenTheModelLevelConstraints() {
        assertThat(ContractJson.checksum(model("table", true)))
                .isEqualTo("6b1b3da22dae815b6d155ca709254f553a2ba421d96f27aca3294bd735945299");
    }

    @Test
    void aViewContractLeavesOutTheMaterializationAndModelLevelConstraints() {
        // CPython: the same state without "table[ModelLevelConstraint(...)]"
        assertThat(ContractJson.checksum(model("view", true)))
                .isEqualTo("f42de4589cef58fb4bfad0a8a75076ec45e9c901f55c5a12b1a9f3828ae17fbc");
    }

    @Test
    void anUnenforcedContractHasNoChecksum() {
        assertThat(ContractJson.checksum(model("table", false))).isNull();
    }

    @Test
    void constraintsAreWrittenWithDbtsKeys() {
        Node n = model("table", true);
        assertThat(ContractJson.constraints(n.columns().get("amount").constraints(), false)).containsExactly(
                ordered("type", "foreign_key", "name", null, "expression", null, "warn_unenforced", false,
                        "warn_unsupported", true, "to", "ref('x')", "to_columns", List.of("id")));
        assertThat(ContractJson.constraints(n.constraints(), true).get(0)).containsEntry("columns", List.of("id", "Name"))
                .containsEntry("type", "primary_key");
        assertThat(ColumnJson.primaryKey(n.constraints(), n.columns())).containsExactly("id", "Name");
        assertThat(ColumnJson.primaryKey(List.of(), Map.of("k", new ColumnDef("k", "", "int", Map.of(), List.of(),
                List.of(), null, List.of(constraint(Constraint.Type.PRIMARY_KEY, null, null, true, null, List.of(),
                List.of())))))).containsExactly("k");
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
