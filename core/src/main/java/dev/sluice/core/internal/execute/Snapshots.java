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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * dbt's snapshot materialization (type 2 slowly changing dimensions) on PostgreSQL, in one
 * transaction: the first run copies the query's rows with validity columns; later runs close the
 * current version of each changed row ({@code dbt_valid_to}) and insert its new version, insert
 * new rows, and handle rows gone from the source as {@code hard_deletes} says.
 */
public final class Snapshots {
    private Snapshots() {
    }

    /**
     * A snapshot's configuration.
     *
     * @param strategy timestamp or check
     * @param updatedAt the timestamp column (timestamp strategy)
     * @param checkCols the columns compared (check strategy); empty with {@code checkAll}
     * @param hardDeletes ignore, invalidate or new_record
     * @param validToCurrent what dbt_valid_to holds for current rows (SQL), or null for null
     * @param meta the meta columns' names: dbt_valid_from, dbt_valid_to, dbt_scd_id, dbt_updated_at, dbt_is_deleted
     */
    public record Spec(String strategy, List<String> uniqueKey, String updatedAt, boolean checkAll, List<String> checkCols,
            String hardDeletes, String validToCurrent, Map<String, String> meta) {
        public Spec {
            requireNonNull(strategy, "strategy is null");
            uniqueKey = List.copyOf(uniqueKey);
            checkCols = List.copyOf(checkCols);
            requireNonNull(hardDeletes, "hardDeletes is null");
            meta = Map.copyOf(meta);
        }

        String col(String name) {
            return meta.getOrDefault(name, name);
        }
    }

    /** Applies one snapshot run; returns the statement count of rows inserted (the first run: rows copied). */
    public static Materializer.Built apply(AdapterConnection c, Dialect d, Relation target, String sql, Spec spec,
            String snapshot, String file, List<String> before, List<String> after) {
        validate(spec, snapshot, file);
        return c.inTransaction(tx -> {
            before.forEach(tx::execute);
            Optional<Relation> existing = tx.getRelation(target.database(), target.schema(), target.identifier());
            Materializer.Built built = existing.isEmpty() ? create(tx, d, target, sql, spec)
                    : update(tx, d, target, sql, spec);
            after.forEach(tx::execute);
            return built;
        });
    }

    private static void validate(Spec spec, String snapshot, String file) {
        String where = "Cannot snapshot " + snapshot + ": ";
        if (spec.uniqueKey().isEmpty()) {
            throw SluiceException.user("snapshot.config", Location.of(file), where + "it needs a unique_key config");
        }
        switch (spec.strategy()) {
            case "timestamp" -> {
                if (spec.updatedAt() == null) {
                    throw SluiceException.user("snapshot.config", Location.of(file), where + "the timestamp strategy"
                            + " needs an updated_at config naming the column that says when a row changed");
                }
            }
            case "check" -> {
                if (!spec.checkAll() && spec.checkCols().isEmpty()) {
                    throw SluiceException.user("snapshot.config", Location.of(file), where + "the check strategy needs"
                            + " check_cols: a list of columns, or 'all'");
                }
            }
            default -> throw SluiceException.user("snapshot.config", Location.of(file), where + "strategy '"
                    + spec.strategy() + "' is not timestamp or check");
        }
        if (!Set.of("ignore", "invalidate", "new_record").contains(spec.hardDeletes())) {
            throw SluiceException.user("snapshot.config", Location.of(file), where + "hard_deletes '"
                    + spec.hardDeletes() + "' is not ignore, invalidate or new_record");
        }
    }

    /** What a row's version counts from: its updated_at (timestamp) or the snapshot's time (check). */
    private static String versionTime(Spec spec, String alias) {
        return spec.strategy().equals("timestamp") ? alias + "." + spec.updatedAt() : "now()::timestamp";
    }

    private static String keyText(Dialect d, Spec spec, String alias) {
        return spec.uniqueKey().stream().map(k -> "coalesce(cast(" + alias + "." + k + " as varchar), '')")
                .collect(Collectors.joining(" || '|' || "));
    }

    private static String validTo(Spec spec, String time) {
        return spec.validToCurrent() != null ? spec.validToCurrent() : "nullif(" + time + ", " + time + ")";
    }

    private static String isCurrent(Dialect d, Spec spec, String alias) {
        String col = alias + "." + d.quote(spec.col("dbt_valid_to"));
        return spec.validToCurrent() != null ? col + " = " + spec.validToCurrent() : col + " is null";
    }

    /** The source rows with the meta columns of a new version. */
    private static String versions(Dialect d, String source, Spec spec, boolean deleteFlag) {
        String time = versionTime(spec, "s");
        StringBuilder sb = new StringBuilder("select s.*, md5(").append(keyText(d, spec, "s")).append(" || '|' || ")
                .append("coalesce(cast(").append(time).append(" as varchar), '')) as ").append(d.quote(spec.col("dbt_scd_id")))
                .append(", ").append(time).append(" as ").append(d.quote(spec.col("dbt_updated_at")))
                .append(", ").append(time).append(" as ").append(d.quote(spec.col("dbt_valid_from")))
                .append(", ").append(validTo(spec, time)).append(" as ").append(d.quote(spec.col("dbt_valid_to")));
        if (deleteFlag) {
            sb.append(", 'False'::text as ").append(d.quote(spec.col("dbt_is_deleted")));
        }
        return sb.append(" from ").append(source).append(" s").toString();
    }

    private static Materializer.Built create(AdapterConnection c, Dialect d, Relation target, String sql, Spec spec) {
        String create = d.createTableAs(target, versions(d, "(\n" + sql + "\n)", spec,
                spec.hardDeletes().equals("new_record")));
        return new Materializer.Built(create, c.execute(create));
    }

    private static Materializer.Built update(AdapterConnection c, Dialect d, Relation target, String sql, Spec spec) {
        Relation source = target.withIdentifier(Materializer.suffixed(target.identifier(), "__dbt_source"))
                .withType(RelationType.TABLE);
        Relation changes = target.withIdentifier(Materializer.suffixed(target.identifier(), "__dbt_changes"))
                .withType(RelationType.TABLE);
        for (Relation r : List.of(source, changes)) {
            c.getRelation(r.database(), r.schema(), r.identifier()).ifPresent(x -> c.execute(d.drop(x)));
        }
        String createSource = d.createTableAs(source, sql);
        c.execute(createSource);
        List<String> sourceColumns = addNewColumns(c, d, target, source);
        String t = d.render(target);
        String on = spec.uniqueKey().stream().map(k -> "s." + k + " = c." + k).collect(Collectors.joining(" and "));
        String changed = changed(d, spec, sourceColumns);
        // the versions to insert: rows new to the snapshot, and new versions of changed rows
        boolean newRecord = spec.hardDeletes().equals("new_record");
        c.execute(d.createTableAs(changes, versions(d, d.render(source), spec, newRecord) + " left join (select * from " + t
                + " c where " + isCurrent(d, spec, "c") + ") c on " + on + " where c." + spec.uniqueKey().get(0)
                + " is null or " + changed));
        String now = "now()::timestamp";
        // close the current version of each changed row
        long closed = c.execute("update " + t + " as c set " + d.quote(spec.col("dbt_valid_to")) + " = "
                + versionTime(spec, "s") + " from " + d.render(source) + " s where " + on + " and "
                + isCurrent(d, spec, "c") + " and " + changed);
        String cols = sourceColumns.stream().map(d::quote).collect(Collectors.joining(", "));
        String meta = List.of("dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to").stream()
                .map(m -> d.quote(spec.col(m))).collect(Collectors.joining(", "));
        String metaInserted = newRecord ? meta + ", " + d.quote(spec.col("dbt_is_deleted")) : meta;
        long inserted = c.execute("insert into " + t + " (" + cols + ", " + metaInserted + ") select " + cols + ", "
                + metaInserted + " from " + d.render(changes));
        if (!spec.hardDeletes().equals("ignore")) {
            String gone = "not exists (select 1 from " + d.render(source) + " s where " + on + ")";
            if (newRecord) {
                String deleted = d.quote(spec.col("dbt_is_deleted"));
                // a version saying the row was deleted, copied from its last version
                inserted += c.execute("insert into " + t + " (" + cols + ", " + meta + ", " + deleted + ") select " + cols
                        + ", md5(" + keyText(d, spec, "c") + " || '|deleted|' || cast(" + now + " as varchar)), " + now
                        + ", " + now + ", " + validTo(spec, now) + ", 'True' from " + t + " c where " + isCurrent(d, spec, "c")
                        + " and coalesce(c." + deleted + ", 'False') <> 'True' and " + gone);
                c.execute("update " + t + " as c set " + d.quote(spec.col("dbt_valid_to")) + " = " + now + " where "
                        + isCurrent(d, spec, "c") + " and coalesce(c." + deleted + ", 'False') <> 'True' and "
                        + "c." + d.quote(spec.col("dbt_valid_from")) + " < " + now + " and " + gone);
            } else {
                closed += c.execute("update " + t + " as c set " + d.quote(spec.col("dbt_valid_to")) + " = " + now
                        + " where " + isCurrent(d, spec, "c") + " and " + gone);
            }
        }
        c.execute(d.drop(changes));
        c.execute(d.drop(source));
        return new Materializer.Built(createSource, inserted);
    }

    /** Whether a source row differs from the current version: newer updated_at, or a checked column changed. */
    private static String changed(Dialect d, Spec spec, List<String> sourceColumns) {
        if (spec.strategy().equals("timestamp")) {
            return "(s." + spec.updatedAt() + " > c." + d.quote(spec.col("dbt_updated_at")) + ")";
        }
        List<String> cols = spec.checkAll() ? sourceColumns : spec.checkCols();
        return "(" + cols.stream().map(col -> "s." + d.quote(col) + " is distinct from c." + d.quote(col))
                .collect(Collectors.joining(" or ")) + ")";
    }

    /** Columns the source gained since the snapshot was made are added to it; returns the source's columns. */
    private static List<String> addNewColumns(AdapterConnection c, Dialect d, Relation target, Relation source) {
        Set<String> existing = c.columns(target).stream().map(col -> col.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<String> out = new ArrayList<>();
        for (Column col : c.columns(source)) {
            if (!existing.contains(col.name().toLowerCase(Locale.ROOT))) {
                c.execute("alter table " + d.render(target) + " add column " + d.quote(col.name()) + " " + col.dataType());
            }
            out.add(col.name());
        }
        return out;
    }
}
