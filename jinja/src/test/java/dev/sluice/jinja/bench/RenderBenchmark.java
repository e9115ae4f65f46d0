package dev.sluice.jinja.bench;

import dev.sluice.jinja.Environment;
import dev.sluice.jinja.Template;
import dev.sluice.jinja.spi.JinjaCallable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Renders a dbt-model-like template (a {@code config()} call, three more host function calls, a
 * {@code for} loop over 5 items, {@code set}, a filter) as fast as it can, single-threaded and on
 * N threads, and prints renders per second. A program that prints figures, not a timed test:
 *
 * <pre>
 * mvn -q -pl jinja test-compile exec:exec@bench [-Dbench.args="5 2"]
 * </pre>
 * Arguments: seconds measured per run (default 5), largest thread count (default 2).
 */
public final class RenderBenchmark {
    static final String MODEL = """
            {{ config(materialized='table', schema='mrt', tags=['daily']) }}
            {% set columns = ['id', 'name', 'amount', 'created_at', 'status'] %}
            with source as (
                select * from {{ source('raw', 'orders') }}
            ),
            renamed as (
                select
                {%- for column in columns %}
                    {{ column | upper }} as {{ column }}{{ "," if not loop.last }}
                {%- endfor %}
                from {{ ref('stg_orders') }}
            )
            select * from renamed where amount > {{ var('min_amount', 0) }}
            """;

    private RenderBenchmark() {
    }

    static Environment environment() {
        JinjaCallable config = (ctx, args) -> "";
        JinjaCallable source = (ctx, args) -> "\"raw\".\"" + args.get(1) + "\"";
        JinjaCallable ref = (ctx, args) -> "\"analytics\".\"" + args.get(0) + "\"";
        JinjaCallable var = (ctx, args) -> args.size() > 1 ? args.get(1) : null;
        return Environment.builder()
                .function("config", config)
                .function("source", source)
                .function("ref", ref)
                .function("var", var)
                .build();
    }

    public static void main(String[] args) throws InterruptedException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int maxThreads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Template template = environment().parse("models/orders.sql", MODEL);
        Map<String, Object> vars = Map.of("target", Map.of("name", "dev", "schema", "analytics"));
        System.out.println(template.render(vars));
        System.out.printf(Locale.ROOT, "%-9s %14s %12s%n", "threads", "renders/s", "us/render");
        run(template, vars, 1, Math.min(3, seconds));
        for (int threads = 1; threads <= maxThreads; threads *= 2) {
            double rate = run(template, vars, threads, seconds);
            System.out.printf(Locale.ROOT, "%-9d %,14.0f %12.2f%n", threads, rate, 1e6 * threads / rate);
        }
    }

    /** Renders on {@code threads} threads for {@code seconds}; returns total renders per second. */
    static double run(Template template, Map<String, Object> vars, int threads, double seconds)
            throws InterruptedException {
        LongAdder count = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                long local = 0;
                int sink = 0;
                while (!stop.get()) {
                    sink += template.render(vars).length();
                    local++;
                }
                count.add(local);
                if (sink == 42) {
                    System.out.print("");
                }
            });
            workers.add(t);
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread t : workers) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return count.sum() / elapsed;
    }
}
