package dev.sluice.core.internal.artifacts;

import dev.sluice.core.internal.datatest.PyText;
import dev.sluice.core.internal.model.ColumnDef;
import dev.sluice.core.internal.model.Constraint;
import dev.sluice.core.internal.model.Contract;
import dev.sluice.core.internal.model.Node;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Constraints as the manifest writes them (ColumnLevelConstraint, ModelLevelConstraint) and the
 * checksum of an enforced contract, computed as dbt computes it so that state comparisons with
 * dbt's manifests agree: sha256 of each column (by name) with its data type and constraints as
 * Python prints them, then, for tables and incremental models, the materialization and the
 * model-level constraints.
 */
public final class ContractJson {
    private ContractJson() {
    }

    /** Constraints with dbt's keys, as manifest.json and templates ({@code model}) show them. */
    public static List<Map<String, Object>> constraints(List<Constraint> constraints, boolean modelLevel) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Constraint c : constraints) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", c.type().dbtName());
            m.put("name", c.name());
            m.put("expression", c.expression());
            m.put("warn_unenforced", c.warnUnenforced());
            m.put("warn_unsupported", c.warnUnsupported());
            m.put("to", c.to());
            m.put("to_columns", c.toColumns());
            if (modelLevel) {
                m.put("columns", c.columns());
            }
            out.add(m);
        }
        return out;
    }

    /** The contract's checksum, or null when it is not enforced (dbt computes none then). */
    static String checksum(Node n) {
        if (!Contract.of(n.config()).enforced()) {
            return null;
        }
        StringBuilder state = new StringBuilder();
        List<ColumnDef> columns = new ArrayList<>(n.columns().values());
        columns.sort((a, b) -> PyText.CODE_POINT_ORDER.compare(a.name(), b.name()));
        for (ColumnDef c : columns) {
            state.append('|').append(c.name()).append(c.dataType() == null ? "None" : c.dataType())
                    .append(repr(c.constraints(), false));
        }
        String materialized = n.materialized();
        if (materialized.equals("table") || materialized.equals("incremental")) {
            state.append(materialized).append(repr(n.constraints(), true));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** A list of constraints as Python's {@code str()} prints dbt's dataclasses. */
    static String repr(List<Constraint> constraints, boolean modelLevel) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < constraints.size(); i++) {
            Constraint c = constraints.get(i);
            sb.append(i == 0 ? "" : ", ").append(modelLevel ? "ModelLevelConstraint(" : "ColumnLevelConstraint(")
                    .append("type=<ConstraintType.").append(c.type().dbtName()).append(": '")
                    .append(c.type().dbtName()).append("'>, name=").append(PyText.repr(c.name()))
                    .append(", expression=").append(PyText.repr(c.expression()))
                    .append(", warn_unenforced=").append(PyText.repr(c.warnUnenforced()))
                    .append(", warn_unsupported=").append(PyText.repr(c.warnUnsupported()))
                    .append(", to=").append(PyText.repr(c.to()))
                    .append(", to_columns=").append(PyText.repr(c.toColumns()));
            if (modelLevel) {
                sb.append(", columns=").append(PyText.repr(c.columns()));
            }
            sb.append(')');
        }
        return sb.append(']').toString();
    }
}
