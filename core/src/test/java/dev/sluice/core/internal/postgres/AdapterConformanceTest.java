package dev.sluice.core.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.spi.Adapter;
import dev.sluice.core.spi.AdapterConnection;
import dev.sluice.core.spi.Column;
import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.QueryResult;
import dev.sluice.core.spi.Relation;
import dev.sluice.core.spi.RelationType;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every adapter must do, run against a real database by each adapter's {@code *IT}
 * subclass: quoting, relations of each type, columns, transactional DDL, atomic swaps,
 * cancellation, bulk loads, a pool serving N threads at once, and located database errors.
 * Database-specific spellings are overridable hooks.
 */
public abstract class AdapterConformanceTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();

    /** The shared adapter under test (not closed by the tests). */
    protected abstract Adapter adapter();

    /** A new, empty schema for one test. */
    protected abstract String freshSchema(String prefix);

    /** A separate adapter to the same database with a pool of {@code threads}; the test closes it. */
    protected abstract Adapter newAdapter(int threads);

    protected Set<RelationType> creatableTypes() {
        return Set.of(RelationType.TABLE, RelationType.VIEW, RelationType.MATERIALIZED_VIEW);
    }

    protected String createSql(Relation r, String select) {
        return switch (r.type()) {
            case TABLE -> dialect().createTableAs(r, select);
            case VIEW -> dialect().createViewAs(r, select);
            case MATERIALIZED_VIEW -> "create materialized view " + dialect().render(r) + " as " + select;
            default -> throw new IllegalArgumentException(r.type().toString());
        };
    }

    /** A statement that runs for {@code seconds}. */
    protected String sleepSql(double seconds) {
        return "select pg_sleep(" + seconds + ")";
    }

    /** A bulk load of CSV into {@code table}'s {@code columns}, or null when the adapter has none. */
    protected String copySql(Relation table, String columns) {
        return "copy " + dialect().render(table) + " (" + columns + ") from stdin with (format csv)";
    }

    /** A query returning one value that identifies the server session. */
    protected String sessionIdSql() {
        return "select pg_backend_pid()";
    }

    protected boolean reportsErrorPosition() {
        return true;
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void quotesIdentifiers() {
        assertThat(dialect().quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(dialect().literal("it's")).isEqualTo("'it''s'");
        Relation odd = table(freshSchema("quoting"), "Odd \"Name\" here");
        String column = "Mixed \"Case\" col";
        run(createSql(odd, "select 1 as " + dialect().quote(column)));
        assertThat(find(odd)).contains(odd);
        assertThat(columnsOf(odd)).extracting(Column::name).containsExactly(column);
        assertThat(rows("select * from " + dialect().render(odd))).hasSize(1);
    }

    @Test
    void createsListsAndDropsEachRelationType() {
        String schema = freshSchema("relations");
        List<Relation> created = new ArrayList<>();
        for (RelationType type : creatableTypes()) {
            Relation r = Relation.of(adapter().database(), schema, "r_" + type.dbtName(), type);
            run(createSql(r, "select 1 as id"));
            created.add(r);
        }
        assertThat(list(adapter().database(), schema)).containsExactlyInAnyOrderElementsOf(created);
        for (Relation r : created) {
            assertThat(find(r)).contains(r);
            run(dialect().drop(r));
            assertThat(find(r)).isEmpty();
            run(dialect().drop(r)); // if exists: dropping twice is fine
        }
        assertThat(list(adapter().database(), schema)).isEmpty();
    }

    @Test
    void listsNothingInAMissingSchema() {
        assertThat(list(adapter().database(), "no_such_schema_" + System.nanoTime())).isEmpty();
    }

    @Test
    void describesColumnsInOrder() {
        Relation t = table(freshSchema("columns"), "t");
        run("create table " + dialect().render(t) + " (zeta integer, alpha varchar(20), gone integer, mid numeric(10,2))");
        run("alter table " + dialect().render(t) + " drop column gone");
        List<Column> columns = with(c -> c.columns(t));
        assertThat(columns).extracting(Column::name).containsExactly("zeta", "alpha", "mid");
        assertThat(columns).extracting(Column::ordinal).containsExactly(1, 2, 3);
        assertThat(columns).allSatisfy(col -> assertThat(col.dataType()).isNotBlank());
        assertThat(columnsOf(t.withIdentifier("missing"))).isEmpty();
    }

    @Test
    void rollsBackDdlWhenATransactionFails() {
        assumeTrue(dialect().transactionalDdl(), "DDL is not transactional in this database");
        Relation t = table(freshSchema("tx"), "t");
        assertThatThrownBy(() -> with(c -> c.inTransaction(tx -> {
            tx.execute(createSql(t, "select 1 as id"));
            throw new IllegalStateException("boom");
        }))).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(find(t)).isEmpty();

        with(c -> c.inTransaction(tx -> tx.execute(createSql(t, "select 1 as id"))));
        assertThat(find(t)).isPresent();
    }

    @Test
    void failedStatementLeavesTheConnectionUsable() {
        for (int i = 0; i < 20; i++) { // more than the pool holds: every connection goes through it
            assertThatThrownBy(() -> with(c -> c.inTransaction(tx -> tx.query("select * from no_such_table_at_all"))))
                    .isInstanceOf(DatabaseException.class);
            assertThat(rows("select 1 as one")).containsExactly(List.of(1));
        }
        // and back in auto-commit: what one connection creates, another sees
        Relation t = table(freshSchema("autocommit"), "t");
        with(c -> c.execute(createSql(t, "select 1 as id")));
        assertThat(find(t)).isPresent();
    }

    @Test
    void swapsRelationsAtomically() throws Exception {
        String schema = freshSchema("swap");
        Relation target = table(schema, "t");
        Relation staged = table(schema, "t__tmp");
        Relation backup = table(schema, "t__backup");
        run(createSql(target, "select 1 as v"));
        run(createSql(staged, "select 2 as v"));

        AtomicBoolean swapped = new AtomicBoolean();
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        Future<?> reader = executor.submit(() -> {
            while (!swapped.get()) {
                seen.add(with(c -> c.query("select v from " + dialect().render(target))).rows().get(0).get(0));
            }
            seen.add(with(c -> c.query("select v from " + dialect().render(target))).rows().get(0).get(0));
            return null;
        });
        Thread.sleep(100);
        with(c -> c.inTransaction(tx -> {
            tx.execute(dialect().rename(target, backup.identifier()));
            tx.execute(dialect().rename(staged, target.identifier()));
            tx.query(sleepSql(0.3)); // readers wait here: they must see the old or the new, never nothing
            tx.execute(dialect().drop(backup));
            return null;
        }));
        swapped.set(true);
        reader.get(30, TimeUnit.SECONDS); // throws when a read failed
        assertThat(seen).isNotEmpty().allSatisfy(v -> assertThat(((Number) v).intValue()).isIn(1, 2));
        assertThat(((Number) seen.get(seen.size() - 1)).intValue()).isEqualTo(2);

        // a swap that fails half-way leaves everything as it was
        run(createSql(staged, "select 3 as v"));
        assertThatThrownBy(() -> with(c -> c.inTransaction(tx -> {
            tx.execute(dialect().rename(target, backup.identifier()));
            tx.execute(dialect().rename(staged, target.identifier()));
            return tx.query("select * from no_such_table_for_swap");
        }))).isInstanceOf(DatabaseException.class);
        assertThat(rows("select v from " + dialect().render(target)).get(0).get(0))
                .satisfies(v -> assertThat(((Number) v).intValue()).isEqualTo(2));
        assertThat(list(target.database(), schema)).extracting(Relation::identifier)
                .containsExactlyInAnyOrder("t", "t__tmp");
    }

    @Test
    void cancelsARunningStatementFromAnotherThread() throws Exception {
        try (Adapter own = newAdapter(2)) {
            long start = System.nanoTime();
            Future<QueryResult> sleeping = executor.submit(() -> own.withConnection(c -> c.query(sleepSql(10))));
            Thread.sleep(200);
            while (!sleeping.isDone() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(8)) {
                own.cancelAll(); // repeated: the statement may not have reached the server yet
                Thread.sleep(100);
            }
            assertThatThrownBy(() -> sleeping.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(DatabaseException.class);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(8);
            // the connections still work afterwards
            for (int i = 0; i < 4; i++) {
                assertThat(own.withConnection(c -> c.query("select 1 as one")).rows()).containsExactly(List.of(1));
            }
        }
    }

    @Test
    void bulkLoadsThroughCopy() {
        Relation t = table(freshSchema("copy"), "people");
        String copy = copySql(t, "id, name");
        assumeTrue(copy != null, "no bulk load in this adapter");
        run("create table " + dialect().render(t) + " (id integer, name text)");
        long loaded = with(c -> c.copyIn(copy, new StringReader("1,alpha\n2,\"b,c\"\n3,\n")));
        assertThat(loaded).isEqualTo(3);
        assertThat(rows("select id, name from " + dialect().render(t) + " order by id"))
                .containsExactly(List.of(1, "alpha"), List.of(2, "b,c"), java.util.Arrays.asList(3, null));
    }

    @Test
    void poolServesNThreadsAtOnceAndMakesTheNextWait() throws Exception {
        int n = 4;
        try (Adapter pooled = newAdapter(n)) {
            CyclicBarrier together = new CyclicBarrier(n);
            CountDownLatch holding = new CountDownLatch(n);
            CountDownLatch hold = new CountDownLatch(1);
            List<Future<Object>> holders = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                holders.add(executor.submit(() -> pooled.withConnection(c -> {
                    await(together); // only completes when n connections are out at once
                    Object pid = c.query(sessionIdSql()).rows().get(0).get(0);
                    holding.countDown();
                    awaitLatch(hold);
                    return pid;
                })));
            }
            assertThat(holding.await(10, TimeUnit.SECONDS)).as("all %d connections out at once", n).isTrue();
            Future<QueryResult> extra = executor.submit(() -> pooled.withConnection(c -> c.query("select 1")));
            Thread.sleep(300);
            assertThat(extra).isNotDone(); // no fifth connection while four are out
            hold.countDown();
            Set<Object> pids = new HashSet<>();
            for (Future<Object> f : holders) {
                pids.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(pids).hasSize(n);
            assertThat(extra.get(10, TimeUnit.SECONDS).rows()).hasSize(1);
        }
    }

    @Test
    void databaseErrorsCarrySqlStateAndPosition() {
        assertThatThrownBy(() -> with(c -> c.query("select * from no_such_table_xyz")))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.sqlState()).startsWith("42");
                    assertThat(e.reason()).startsWith("Cannot run query: ").contains("no_such_table_xyz");
                    if (reportsErrorPosition()) {
                        assertThat(e.position()).isEqualTo("select * from ".length() + 1);
                    }
                });
        assertThatThrownBy(() -> with(c -> c.execute("selec 1")))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.sqlState()).startsWith("42");
                    assertThat(e.reason()).startsWith("Cannot run statement: ");
                    if (reportsErrorPosition()) {
                        assertThat(e.position()).isEqualTo(1);
                    }
                });
    }

    @Test
    void describesItself() {
        assertThat(adapter().describe()).isNotBlank().contains(" at ");
        assertThat(adapter().type()).isNotBlank();
    }

    // ---- helpers ----

    protected final Dialect dialect() {
        return adapter().dialect();
    }

    protected final <T> T with(Adapter.ConnectionWork<T> work) {
        return adapter().withConnection(work);
    }

    protected final List<Relation> list(String database, String schema) {
        return with(c -> c.listRelations(database, schema));
    }

    protected final Optional<Relation> find(Relation r) {
        return with(c -> c.getRelation(r.database(), r.schema(), r.identifier()));
    }

    protected final List<Column> columnsOf(Relation r) {
        return with(c -> c.columns(r));
    }

    protected final List<List<Object>> rows(String sql) {
        return with(c -> c.query(sql)).rows();
    }

    protected final void run(String sql) {
        with((AdapterConnection c) -> c.execute(sql));
    }

    protected final Relation table(String schema, String identifier) {
        return Relation.of(adapter().database(), schema, identifier, RelationType.TABLE);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the pool did not hand out every connection at once", e);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
