package dev.sluice.core.internal.execute;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.spi.AdapterConnection;
import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.Relation;
import dev.sluice.core.spi.RelationType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * dbt's materialized_view on PostgreSQL: the first build (and --full-refresh, or when another kind
 * of relation is in the way) creates it under a temporary name and swaps it in; later builds
 * refresh it, after applying configuration changes ({@code indexes}) as
 * {@code on_configuration_change} says: apply (the default), continue (warn, keep the old
 * configuration) or fail. A changed query is not picked up by a refresh, as in dbt: Sluice warns
 * and --full-refresh rebuilds.
 */
public final class MaterializedViews {
    private MaterializedViews() {
    }

    /** The model being built, for messages. */
    public record Model(String name, String file, String onConfigurationChange) {
    }

    public static Materializer.Built apply(AdapterConnection c, Dialect d, Relation target, String sql,
            List<Indexes.Index> indexes, boolean fullRefresh, Model model, List<String> before, List<String> after,
            Consumer<String> warn) {
        Optional<Relation> existing = c.getRelation(target.database(), target.schema(), target.identifier());
        if (fullRefresh || existing.isEmpty() || existing.get().type() != RelationType.MATERIALIZED_VIEW) {
            List<String> then = new ArrayList<>();
            indexes.forEach(i -> then.add(i.createSql()));
            then.addAll(after);
            return Materializer.replace(c, d, target, tmp -> create(d, tmp, sql), before, then);
        }
        return c.inTransaction(tx -> {
            before.forEach(tx::execute);
            Set<String> have = new HashSet<>();
            for (List<Object> row : tx.query("select indexname from pg_indexes where schemaname = " + d.literal(target.schema())
                    + " and tablename = " + d.literal(target.identifier())).rows()) {
                have.add(String.valueOf(row.get(0)));
            }
            Set<String> want = new HashSet<>();
            indexes.forEach(i -> want.add(i.name()));
            boolean changed = !have.equals(want);
            if (changed) {
                switch (model.onConfigurationChange()) {
                    case "fail" -> throw SluiceException.user("materialized_view.changed", Location.of(model.file()),
                            "Cannot build materialized view " + model.name() + ": its indexes changed and "
                                    + "on_configuration_change is 'fail'; rebuild it with --full-refresh or set it to apply");
                    case "continue" -> warn.accept("The indexes of materialized view " + model.name() + " changed; "
                            + "on_configuration_change is 'continue', so they are left as they were");
                    default -> {
                        for (String name : have) {
                            if (!want.contains(name)) {
                                tx.execute("drop index if exists " + d.quote(target.schema()) + "." + d.quote(name));
                            }
                        }
                        for (Indexes.Index i : indexes) {
                            if (!have.contains(i.name())) {
                                tx.execute(i.createSql());
                            }
                        }
                    }
                }
            }
            if (queryChanged(tx, d, target, sql)) {
                warn.accept("The query of materialized view " + model.name() + " changed since it was built; a refresh "
                        + "keeps the old query: run with --full-refresh to rebuild it");
            }
            String refresh = "refresh materialized view " + d.render(target);
            tx.execute(refresh);
            after.forEach(tx::execute);
            return new Materializer.Built(refresh, -1);
        });
    }

    public static String create(Dialect d, Relation at, String sql) {
        return "create materialized view " + d.render(at) + " as (\n" + sql + "\n)";
    }

    /** Whether {@code sql} deparses differently from the materialized view's stored query (a temporary view compares them). */
    private static boolean queryChanged(AdapterConnection tx, Dialect d, Relation target, String sql) {
        String probe = "sluice_mv_probe";
        tx.execute("create temporary view " + d.quote(probe) + " as (\n" + sql + "\n)");
        List<List<Object>> rows = tx.query("select pg_get_viewdef(" + d.literal(d.render(target)) + "::regclass), "
                + "pg_get_viewdef(" + d.literal(probe) + "::regclass)").rows();
        tx.execute("drop view " + d.quote(probe));
        return !String.valueOf(rows.get(0).get(0)).equals(String.valueOf(rows.get(0).get(1)));
    }
}
