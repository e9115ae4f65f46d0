package dev.sluice.core.internal.execute;

import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.internal.model.Constraint;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.spi.AdapterConnection;
import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.QueryResult;
import dev.sluice.core.spi.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The DDL of a table built under an enforced contract, as dbt writes it: {@code create table}
 * with the declared columns, in the contract's order, their types and constraints, then the
 * model-level constraints; then {@code insert into} it of the model's rows, selected by name
 * from the model's SQL. A row that breaks a constraint fails the insert.
 */
public final class ContractTable {
    private final Dialect d;
    private final Node n;
    private final List<ContractCheck.Declared> columns;
    private final Function<Constraint, String> resolveTo;
    private final SluiceListener listener;

    /**
     * @param resolveTo the rendered relation a foreign key's {@code to} names
     */
    public ContractTable(Dialect d, Node n, Function<Constraint, String> resolveTo, SluiceListener listener) {
        this.d = d;
        this.n = n;
        this.columns = ContractCheck.declared(n, d);
        this.resolveTo = resolveTo;
        this.listener = listener;
    }

    /** {@code create table <table> (<columns and constraints>)}. */
    public String create(Relation table) {
        List<String> lines = new ArrayList<>();
        for (ContractCheck.Declared col : columns) {
            StringBuilder line = new StringBuilder(ContractCheck.name(d, col.column())).append(' ').append(col.type());
            for (Constraint c : col.column().constraints()) {
                String rendered = supported(c) ? columnConstraint(c) : null;
                if (rendered != null) {
                    line.append(' ').append(rendered);
                }
            }
            lines.add(line.toString());
        }
        for (Constraint c : n.constraints()) {
            String rendered = supported(c) ? modelConstraint(c) : null;
            if (rendered != null) {
                lines.add(rendered);
            }
        }
        return "create table " + d.render(table) + " (\n    " + String.join(",\n    ", lines) + "\n)";
    }

    /** {@code insert into <table> (<columns>) select <columns> from (<sql>) as model_subq}. */
    public String insert(Relation table, String sql) {
        String names = columns.stream().map(c -> ContractCheck.name(d, c.column())).collect(Collectors.joining(", "));
        return "insert into " + d.render(table) + " (" + names + ")\nselect " + names + "\nfrom (\n" + sql
                + "\n) as model_subq";
    }

    /** The constraint names the table's DDL gives, to move aside on the relation it replaces. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        columns.forEach(c -> c.column().constraints().forEach(x -> addName(out, x)));
        n.constraints().forEach(x -> addName(out, x));
        return out;
    }

    /**
     * Renames the constraints of {@code existing} that bear one of {@code names}: a primary key's
     * or unique constraint's name is also its index's, which must be unique in the schema, so the
     * new table could not take it while the old one keeps it. Runs in the build's transaction.
     */
    public static void moveNamesAside(AdapterConnection tx, Dialect d, Relation existing, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        String wanted = names.stream().map(x -> d.literal(folded(x))).collect(Collectors.joining(", "));
        QueryResult found = tx.query("select constraint_name from information_schema.table_constraints"
                + " where table_schema = " + d.literal(existing.schema()) + " and table_name = "
                + d.literal(existing.identifier()) + " and constraint_name in (" + wanted + ")");
        for (List<Object> row : found.rows()) {
            String name = String.valueOf(row.get(0));
            tx.execute("alter table " + d.render(existing) + " rename constraint " + d.quote(name) + " to "
                    + d.quote(Materializer.suffixed(name, "__dbt_backup")));
        }
    }

    /** A constraint name as the database stores it: folded to lower case unless quoted. */
    private static String folded(String name) {
        String s = name.strip();
        if (s.length() > 1 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    private static void addName(List<String> out, Constraint c) {
        if (c.name() != null && !c.name().isBlank()) {
            out.add(c.name());
        }
    }

    /** Warns as dbt does about constraints the database does not enforce or support; false to leave one out. */
    private boolean supported(Constraint c) {
        if (c.type() == Constraint.Type.CUSTOM) {
            return true;
        }
        Dialect.ConstraintSupport support = d.constraintSupport(c.type().dbtName());
        if (support == Dialect.ConstraintSupport.NOT_SUPPORTED) {
            if (c.warnUnsupported()) {
                warn("The database does not support " + c.type().dbtName() + " constraints: model " + n.name()
                        + " is built without it (set warn_unsupported: false to silence this)");
            }
            return false;
        }
        if (support == Dialect.ConstraintSupport.NOT_ENFORCED && c.warnUnenforced()) {
            warn("The database does not enforce " + c.type().dbtName() + " constraints: model " + n.name()
                    + " declares one that is kept as information only (set warn_unenforced: false to silence this)");
        }
        return true;
    }

    private void warn(String text) {
        listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.WARN, text, ContractCheck.propertyFile(n)));
    }

    private String columnConstraint(Constraint c) {
        String e = c.expression() == null ? "" : c.expression().strip();
        String body = switch (c.type()) {
            case CHECK -> e.isEmpty() ? null : "check (" + e + ")";
            case NOT_NULL -> join("not null", e);
            case UNIQUE -> join("unique", e);
            case PRIMARY_KEY -> join("primary key", e);
            case FOREIGN_KEY -> c.to() != null && !c.toColumns().isEmpty()
                    ? "references " + resolveTo.apply(c) + " (" + String.join(", ", c.toColumns()) + ")"
                    : e.isEmpty() ? null : "references " + e;
            case CUSTOM -> e.isEmpty() ? null : e;
        };
        return body == null ? null : named(c, body);
    }

    private String modelConstraint(Constraint c) {
        String e = c.expression() == null ? "" : c.expression().strip();
        String cols = String.join(", ", c.columns());
        String body = switch (c.type()) {
            case CHECK -> e.isEmpty() ? null : "check (" + e + ")";
            case UNIQUE -> join("unique", e) + " (" + cols + ")";
            case PRIMARY_KEY -> join("primary key", e) + " (" + cols + ")";
            case FOREIGN_KEY -> c.to() != null && !c.toColumns().isEmpty()
                    ? "foreign key (" + cols + ") references " + resolveTo.apply(c) + " ("
                            + String.join(", ", c.toColumns()) + ")"
                    : e.isEmpty() ? null : "foreign key (" + cols + ") references " + e;
            case CUSTOM -> e.isEmpty() ? null : e;
            case NOT_NULL -> null; // a column constraint only; parsing warned about it
        };
        return body == null ? null : named(c, body);
    }

    private static String join(String keyword, String expression) {
        return expression.isEmpty() ? keyword : keyword + " " + expression;
    }

    private static String named(Constraint c, String body) {
        return c.name() == null || c.name().isBlank() ? body : "constraint " + c.name() + " " + body;
    }
}
