package dev.sluice.core.internal.execute;

import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.spi.AdapterConnection;
import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.Relation;
import dev.sluice.core.spi.RelationType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds relations atomically, as dbt's view and table materializations do on PostgreSQL: the
 * new relation is created under a temporary name, then, in the same transaction, the old one is
 * renamed away, the new one renamed into place and the old one dropped. A failure rolls it all
 * back and leaves the previous relation as it was.
 */
public final class Materializer {
    /** PostgreSQL truncates identifiers past 63 bytes. */
    private static final int MAX_IDENTIFIER = 63;

    private Materializer() {
    }

    /** What a build did: the statement that created the relation and its row count (-1 if none). */
    public record Built(String createSql, long rows) {
    }

    /**
     * Replaces {@code target} with what {@code create} builds at a given (temporary) relation.
     *
     * @param create the DDL creating the new relation at the relation it is given
     */
    public static Built replace(AdapterConnection c, Dialect d, Relation target, Function<Relation, String> create) {
        return replace(c, d, target, create, List.of(), List.of());
    }

    /**
     * As {@link #replace(AdapterConnection, Dialect, Relation, Function)}, running {@code before}
     * first and {@code after} (hooks, grants, comments on the new relation) last, in the same
     * transaction: if any fails, the previous relation stays as it was.
     */
    public static Built replace(AdapterConnection c, Dialect d, Relation target, Function<Relation, String> create,
            List<String> before, List<String> after) {
        return replace(c, d, target, (tx, tmp, existing) -> List.of(create.apply(tmp)), before, after);
    }

    /** The statements that build a new relation at {@code tmp}; the last one's row count is the build's. */
    @FunctionalInterface
    public interface Build {
        /**
         * @param tx the build's transaction, for statements that prepare the way
         * @param existing the relation the new one replaces, if there is one
         */
        List<String> statements(AdapterConnection tx, Relation tmp, Optional<Relation> existing);
    }

    /**
     * As {@link #replace(AdapterConnection, Dialect, Relation, Function, List, List)}, building the
     * new relation with several statements; a statement the database rejects fails the build with
     * a {@link FailedStatement}.
     */
    public static Built replace(AdapterConnection c, Dialect d, Relation target, Build build, List<String> before,
            List<String> after) {
        return c.inTransaction(tx -> {
            before.forEach(tx::execute);
            Relation tmp = target.withIdentifier(temporaryName(target.identifier()));
            Relation backup = target.withIdentifier(suffixed(target.identifier(), "__dbt_backup"));
            // one catalog query for the three names (a run of many small models is bound by round trips)
            java.util.Map<String, Relation> found = tx.getRelations(target.database(), target.schema(),
                    List.of(tmp.identifier(), backup.identifier(), target.identifier()));
            for (Relation leftover : List.of(tmp, backup)) {
                Relation r = found.get(leftover.identifier());
                if (r != null) {
                    tx.execute(d.drop(r));
                }
            }
            Optional<Relation> existing = Optional.ofNullable(found.get(target.identifier()));
            List<String> statements = build.statements(tx, tmp, existing);
            long rows = -1;
            for (String statement : statements) {
                try {
                    rows = tx.execute(statement);
                } catch (DatabaseException e) {
                    throw new FailedStatement(e, statement);
                }
            }
            String sql = String.join(";\n\n", statements);
            if (existing.isPresent()) {
                tx.execute(d.rename(existing.get(), backup.identifier()));
            }
            tx.execute(d.rename(tmp, target.identifier()));
            if (existing.isPresent()) {
                tx.execute(d.drop(existing.get().withIdentifier(backup.identifier())));
            }
            after.forEach(tx::execute);
            return new Built(sql, rows);
        });
    }

    /** The name a relation is built under before it is swapped into place. */
    public static String temporaryName(String identifier) {
        return suffixed(identifier, "__dbt_tmp");
    }

    /** {@code base + suffix}, cutting {@code base} so the result fits PostgreSQL's 63-byte identifiers. */
    static String suffixed(String base, String suffix) {
        String s = base + suffix;
        if (s.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER) {
            return s;
        }
        String b = base;
        while ((b + suffix).getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER) {
            b = b.substring(0, b.length() - 1);
        }
        return b + suffix;
    }

    /** The relation type a materialization builds. */
    public static RelationType typeOf(String materialized) {
        return switch (materialized) {
            case "view" -> RelationType.VIEW;
            case "table", "seed" -> RelationType.TABLE;
            default -> throw SluiceException.user("materialization.unknown", (Location) null,
                    "Cannot build materialization '" + materialized + "'");
        };
    }
}
