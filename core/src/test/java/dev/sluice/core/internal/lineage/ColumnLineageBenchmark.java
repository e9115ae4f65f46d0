package dev.sluice.core.internal.lineage;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints how long one analysis takes, after warm-up, on one thread and on all cores. Not a test:
 * run it with {@code java -cp <test-classes>:<classes>:<jsqlparser.jar>
 * dev.sluice.core.internal.lineage.ColumnLineageBenchmark}.
 */
public final class ColumnLineageBenchmark {
    /** A typical mart model: 3 CTEs, 2 joins, a window function, about 40 lines. */
    static final String TYPICAL = """
            -- Orders with their customer and what has been paid so far.
            with orders as (
                select id, customer_id, amount, ordered_at::date as ordered_on, status
                from "sluice"."stg"."stg_orders"
                where status <> 'cancelled'
            ),

            payments as (
                select order_id, sum(amount) as paid, max(paid_at) as last_paid_at
                from "sluice"."stg"."stg_payments"
                group by order_id
            ),

            customers as (
                select id, upper(name) as name, country, created_at
                from "sluice"."stg"."stg_customers"
            )

            select
                o.id as order_id,
                c.name as customer_name,
                c.country,
                o.ordered_on,
                o.amount,
                coalesce(p.paid, 0) as paid,
                o.amount - coalesce(p.paid, 0) as outstanding,
                case
                    when p.paid >= o.amount then 'paid'
                    when p.paid > 0 then 'partial'
                    else 'open'
                end as payment_status,
                p.last_paid_at,
                row_number() over (partition by c.id order by o.ordered_on) as order_rank,
                date_trunc('month', o.ordered_on) as order_month
            from orders o
            join customers c on c.id = o.customer_id
            left join payments p on p.order_id = o.id
            where o.ordered_on >= date '2020-01-01'
            """;

    private ColumnLineageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        RelationColumns catalog = new TestingCatalog()
                .with(RelationName.of("sluice", "stg", "stg_orders"), "id", "customer_id", "amount", "ordered_at", "status")
                .with(RelationName.of("sluice", "stg", "stg_payments"), "id", "order_id", "amount", "paid_at")
                .with(RelationName.of("sluice", "stg", "stg_customers"), "id", "name", "country", "created_at")
                .with(RelationName.of("sluice", "rsv", "rsv_drugs"), "atccode", "drug")
                .with(RelationName.of("sluice", "cmp", "cmp_publication_mentions"), "atccode", "drug",
                        "publication_type", "publication_id", "title", "published_on", "journal")
                .with(RelationName.of("sluice", "cmp", "cmp_journal_mentions"), "atccode", "drug", "journal",
                        "mentioned_on")::columnsOf;
        LineageResult check = ColumnLineage.analyze(TYPICAL, catalog);
        if (check.problem() != null || check.columns().size() != 11) {
            throw new IllegalStateException("the benchmark model is not analysed: " + check);
        }
        String slow = "select substring(name from 1 for 2) as s from \"sluice\".\"stg\".\"stg_customers\"";
        for (String[] model : List.of(new String[] {"typical model (3 CTEs, 2 joins, 40 lines)", TYPICAL},
                new String[] {"mrt_drug_graph (json_agg, collate)", ColumnLineageTest.DRUG_GRAPH},
                new String[] {"SQL-standard substring (JSqlParser's slow parse)", slow})) {
            single(model[0], model[1], catalog);
        }
        parallel(TYPICAL, catalog);
    }

    private static void single(String label, String sql, RelationColumns catalog) {
        int warmUp = 20_000;
        int runs = 20_000;
        for (int i = 0; i < warmUp; i++) {
            ColumnLineage.analyze(sql, catalog);
        }
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            ColumnLineage.analyze(sql, catalog);
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / runs;
        System.out.printf(Locale.ROOT, "%-50s %8.1f µs per analysis, one thread%n", label, micros);
    }

    private static void parallel(String sql, RelationColumns catalog) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        int models = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                List<Future<LineageResult>> results = new java.util.ArrayList<>(models);
                for (int i = 0; i < models; i++) {
                    results.add(pool.submit(() -> ColumnLineage.analyze(sql, catalog)));
                }
                for (Future<LineageResult> f : results) {
                    f.get();
                }
                double millis = (System.nanoTime() - start) / 1e6;
                System.out.printf(Locale.ROOT, "%,d typical models on %d threads: %.0f ms (round %d)%n", models, threads,
                        millis, round + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
