package dev.sluice.core.internal.execute;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.spi.AdapterConnection;
import dev.sluice.core.spi.Column;
import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.Relation;
import dev.sluice.core.spi.RelationType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * dbt's incremental materialization on an existing table, in one transaction (a failure leaves
 * the table as it was): the model's new rows are built into a table beside it, the schema change
 * policy is applied, then the rows go in by the strategy — {@code append}, {@code delete+insert}
 * or {@code merge} (PostgreSQL 15's MERGE; delete+insert on older servers, with the same result).
 */
public final class Incremental {
    /** The aliases dbt gives the two sides, which incremental_predicates may name. */
    static final String DEST = "DBT_INTERNAL_DEST";
    static final String SOURCE = "DBT_INTERNAL_SOURCE";

    private Incremental() {
    }

    /**
     * How to apply new rows.
     *
     * @param strategy append, delete+insert or merge
     * @param uniqueKey the columns identifying a row; empty for none
     * @param predicates SQL conditions limiting which existing rows delete+insert or merge touch
     * @param onSchemaChange ignore, fail, append_new_columns or sync_all_columns
     */
    public record Plan(String strategy, List<String> uniqueKey, List<String> predicates, String onSchemaChange) {
        public Plan {
            requireNonNull(strategy, "strategy is null");
            uniqueKey = List.copyOf(uniqueKey);
            predicates = List.copyOf(predicates);
            requireNonNull(onSchemaChange, "onSchemaChange is null");
        }
    }

    /** Applies {@code sql}'s rows to the existing table {@code target}; returns the statement's rows. */
    public static Materializer.Built apply(AdapterConnection c, Dialect d, Relation target, String sql, Plan plan,
            boolean merge, String model, String file, List<String> before, List<String> after) {
        return c.inTransaction(tx -> {
            before.forEach(tx::execute);
            Relation tmp = target.withIdentifier(Materializer.suffixed(target.identifier(), "__dbt_tmp"))
                    .withType(RelationType.TABLE);
            tx.getRelation(tmp.database(), tmp.schema(), tmp.identifier()).ifPresent(r -> tx.execute(d.drop(r)));
            String create = d.createTableAs(tmp, sql);
            tx.execute(create);
            List<String> columns = schemaChange(tx, d, target, tmp, plan.onSchemaChange(), model, file);
            String strategy = plan.strategy().equals("merge") && !merge ? "delete+insert" : plan.strategy();
            long rows = switch (strategy) {
                case "append" -> tx.execute(insert(d, target, tmp, columns));
                case "delete+insert" -> {
                    if (!plan.uniqueKey().isEmpty()) {
                        tx.execute(delete(d, target, tmp, plan));
                    }
                    yield tx.execute(insert(d, target, tmp, columns));
                }
                case "merge" -> tx.execute(merge(d, target, tmp, columns, plan));
                default -> throw SluiceException.user("incremental.strategy", Location.of(file), "Cannot build model "
                        + model + ": incremental_strategy '" + plan.strategy() + "' is not one of append, "
                        + "delete+insert, merge");
            };
            tx.execute(d.drop(tmp));
            after.forEach(tx::execute);
            return new Materializer.Built(create, rows);
        });
    }

    /**
     * Compares the new rows' columns with the table's and applies the policy; returns the columns
     * to insert, in the table's order.
     */
    private static List<String> schemaChange(AdapterConnection c, Dialect d, Relation target, Relation tmp,
            String policy, String model, String file) {
        Map<String, Column> existing = byName(c.columns(target));
        Map<String, Column> incoming = byName(c.columns(tmp));
        List<Column> added = new ArrayList<>();
        List<Column> removed = new ArrayList<>();
        List<Column> changed = new ArrayList<>();
        incoming.forEach((k, col) -> {
            Column old = existing.get(k);
            if (old == null) {
                added.add(col);
            } else if (!old.dataType().equalsIgnoreCase(col.dataType())) {
                changed.add(col);
            }
        });
        existing.forEach((k, col) -> {
            if (!incoming.containsKey(k)) {
                removed.add(col);
            }
        });
        boolean differs = !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty();
        switch (policy) {
            case "ignore" -> {
            }
            case "fail" -> {
                if (differs) {
                    throw SluiceException.user("incremental.schema", Location.of(file), "Cannot build model " + model
                            + ": the source and target schemas on this incremental model are out of sync (new "
                            + names(added) + ", removed " + names(removed) + ", changed type " + names(changed)
                            + "); run with --full-refresh, or set on_schema_change to append_new_columns or "
                            + "sync_all_columns");
                }
            }
            case "append_new_columns", "sync_all_columns" -> {
                for (Column col : added) {
                    c.execute("alter table " + d.render(target) + " add column " + d.quote(col.name()) + " "
                            + col.dataType());
                }
                if (policy.equals("sync_all_columns")) {
                    for (Column col : removed) {
                        c.execute("alter table " + d.render(target) + " drop column " + d.quote(col.name()));
                    }
                    for (Column col : changed) {
                        c.execute("alter table " + d.render(target) + " alter column " + d.quote(col.name())
                                + " type " + col.dataType() + " using " + d.quote(col.name()) + "::" + col.dataType());
                    }
                }
            }
            default -> throw SluiceException.user("incremental.schema", Location.of(file), "Cannot build model " + model
                    + ": on_schema_change '" + policy + "' is not one of ignore, fail, append_new_columns, "
                    + "sync_all_columns");
        }
        List<String> columns = new ArrayList<>();
        for (Column col : c.columns(target)) {
            // ignore: the table's columns, which the new rows must have (dbt fails the insert otherwise)
            if (!policy.equals("ignore") && !incoming.containsKey(col.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            columns.add(col.name());
        }
        return columns;
    }

    private static Map<String, Column> byName(List<Column> columns) {
        Map<String, Column> out = new LinkedHashMap<>();
        columns.forEach(col -> out.put(col.name().toLowerCase(Locale.ROOT), col));
        return out;
    }

    private static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String list(Dialect d, List<String> columns, String prefix) {
        return columns.stream().map(col -> prefix + d.quote(col)).collect(Collectors.joining(", "));
    }

    private static String insert(Dialect d, Relation target, Relation tmp, List<String> columns) {
        String cols = list(d, columns, "");
        return "insert into " + d.render(target) + " (" + cols + ")\nselect " + cols + " from " + d.render(tmp);
    }

    private static String delete(Dialect d, Relation target, Relation tmp, Plan plan) {
        String keys = list(d, plan.uniqueKey(), "");
        StringBuilder sql = new StringBuilder("delete from ").append(d.render(target)).append(" as ").append(DEST)
                .append("\nwhere (").append(list(d, plan.uniqueKey(), DEST + ".")).append(") in (select ").append(keys)
                .append(" from ").append(d.render(tmp)).append(')');
        for (String p : plan.predicates()) {
            sql.append("\n  and (").append(p).append(')');
        }
        return sql.toString();
    }

    private static String merge(Dialect d, Relation target, Relation tmp, List<String> columns, Plan plan) {
        StringBuilder on = new StringBuilder();
        if (plan.uniqueKey().isEmpty()) {
            on.append("false"); // no key: every row is new
        } else {
            on.append(plan.uniqueKey().stream().map(k -> SOURCE + "." + d.quote(k) + " = " + DEST + "." + d.quote(k))
                    .collect(Collectors.joining(" and ")));
        }
        for (String p : plan.predicates()) {
            on.append(" and (").append(p).append(')');
        }
        return "merge into " + d.render(target) + " as " + DEST + "\nusing " + d.render(tmp) + " as " + SOURCE
                + "\non " + on + "\nwhen matched then update set "
                + columns.stream().map(col -> d.quote(col) + " = " + SOURCE + "." + d.quote(col))
                        .collect(Collectors.joining(", "))
                + "\nwhen not matched then insert (" + list(d, columns, "") + ")\nvalues (" + list(d, columns, SOURCE + ".")
                + ")";
    }
}
