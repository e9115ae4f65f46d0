// How to run (from the repository root; a JVM of its own):
//   mvn -q -pl core test-compile exec:exec@docsbench
// (another size: SLUICE_BENCH_MODELS=2000)
// The project builds on SLUICE_TEST_PG_URL's server when set, else on the embedded test server.
// The browser column needs Chromium and chromedriver (apt-get install chromium chromium-driver).
package dev.sluice.core.bench;

import dev.sluice.core.Sluice;
import dev.sluice.core.TestingDatabase;
import dev.sluice.core.TestingProjects;
import dev.sluice.core.api.DocsResult;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.docs.TestingBrowser;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The docs site at scale: a synthetic dbt project of N models (default 10,000) over 100 seeds, in
 * layers as real projects have them (staging views over seeds, intermediate joins, unions with
 * aggregates, marts), built into PostgreSQL; then {@code docs generate} is timed, the site
 * measured, and headless Chromium times how long index.html takes to become interactive from
 * disk. Prints figures; asserts nothing.
 */
public final class DocsBenchmark {
    private static final int SEEDS = 100;

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--generate")) {
            generateDocs(Path.of(args[1]));
            return;
        }
        int models = args.length > 0 ? Integer.parseInt(args[0]) : System.getenv("SLUICE_BENCH_MODELS") == null ? 10_000
                : Integer.parseInt(System.getenv("SLUICE_BENCH_MODELS"));
        Path dir = Files.createTempDirectory("sluice-docs-bench");
        Path project = dir.resolve("bench");
        String schema = TestingDatabase.freshSchema("docs_bench");
        generate(project, models);
        TestingProjects.writeProfiles(project, "bench", TestingDatabase.targetConfig(schema));
        Map<String, String> env = Map.of("HOME", dir.toString());
        System.out.printf(Locale.ROOT, "Docs at scale: %d models over %d seeds; %d cores, JVM max heap %d MB%n", models,
                SEEDS, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("server: " + TestingDatabase.adapter().describe());

        long t0 = System.nanoTime();
        RunResult build;
        try (Sluice sluice = Sluice.configure().projectDir(project).threads(4).environment(env).load()) {
            build = sluice.build(Selection.all());
        }
        System.out.printf(Locale.ROOT, "build (seeds + views, not part of the goal): %.1f s, %s%n", seconds(t0),
                build.success() ? "all succeeded" : build.results().stream().filter(r -> r.status().failed()).count() + " failed");

        // as `./sluice docs generate` runs it: a JVM of its own, with the launcher's flags
        // the third run shows the memory is bounded: 10,000 models in a 512 MB heap
        for (String heap : List.of("", "", "-Xmx512m")) {
            String run = heap.isEmpty() ? "default heap" : heap;
            long t1 = System.nanoTime();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:TieredStopAtLevel=1", "-XX:-DontCompileHugeMethods"));
            if (!heap.isEmpty()) {
                command.add(heap);
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), DocsBenchmark.class.getName(),
                    "--generate", project.toString()));
            Process child = new ProcessBuilder(command).inheritIO().start();
            if (child.waitFor() != 0) {
                throw new IllegalStateException("docs generate failed in the child JVM");
            }
            System.out.printf(Locale.ROOT, "docs generate (%s, a new JVM, start to exit): %.2f s%n", run, seconds(t1));
        }
        DocsResult docs;
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(env).load()) {
            docs = sluice.docsGenerate(); // in this JVM, for the result's figures
        }
        System.out.printf(Locale.ROOT, "site: %d pages, %.1f MB (graph-data.js %.1f MB); catalog: %d relations, %.1f MB%n",
                docs.pages(), docs.siteBytes() / 1e6, Files.size(project.resolve("target/docs/graph-data.js")) / 1e6,
                docs.catalogRelations(), Files.size(docs.catalog()) / 1e6);
        try {
            browse(project, docs);
        } finally {
            drop(schema);
        }
    }

    private static void browse(Path project, DocsResult docs) {
        if (!TestingBrowser.available()) {
            System.out.println("browser: skipped (no Chromium/chromedriver)");
            return;
        }
        ChromeDriver browser = TestingBrowser.start();
        try {
            List<Double> ready = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                browser.get(docs.index().toUri().toString());
                new WebDriverWait(browser, Duration.ofSeconds(120))
                        .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
                ready.add(((Number) browser.executeScript("return window.SLUICE_READY_MS")).doubleValue());
            }
            ready.sort(null);
            long drawn = (Long) browser.executeScript("return document.querySelectorAll('#graph g.n').length");
            System.out.printf(Locale.ROOT, "index.html interactive in headless Chromium (from navigation start, "
                    + "median of 3): %.0f ms, %d nodes drawn%n", ready.get(1), drawn);
            long f0 = System.nanoTime();
            browser.executeScript("window.location.hash = 'focus=' + encodeURIComponent('+mart_0500+')");
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "nodes in"));
            System.out.printf(Locale.ROOT, "focus +mart_0500+: %.0f ms (%s)%n", (System.nanoTime() - f0) / 1e6,
                    browser.findElement(By.id("status")).getText());
            browser.get(project.resolve("target/docs/nodes/model.bench.mart_0500.html").toUri().toString());
            new WebDriverWait(browser, Duration.ofSeconds(60))
                    .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
            System.out.printf(Locale.ROOT, "a node page interactive: %.0f ms%n",
                    ((Number) browser.executeScript("return window.SLUICE_READY_MS")).doubleValue());
        } finally {
            browser.quit();
        }
    }

    /** The child JVM: loads the project and generates its docs, printing the phases and the peak heap. */
    private static void generateDocs(Path project) {
        long t0 = System.nanoTime();
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", project.toString()))
                .listener(e -> {
                    if (e instanceof SluiceEvent.Message m && m.level() == SluiceEvent.Level.DEBUG) {
                        System.out.println("  " + m.text());
                    }
                }).load()) {
            long loaded = System.nanoTime();
            sluice.docsGenerate();
            System.out.printf(Locale.ROOT, "  loading and parsing the project %.2f s, docs generate %.2f s; peak heap %d MB%n",
                    (loaded - t0) / 1e9, seconds(loaded), peakHeapMb());
        }
    }

    /** Seeds, then staging (25%), intermediate joins (35%), unions with aggregates (30%) and marts (10%). */
    static void generate(Path project, int models) throws Exception {
        Random random = new Random(42);
        TestingProjects.write(project.resolve("dbt_project.yml"), """
                name: bench
                version: '1.0'
                config-version: 2
                profile: bench
                models:
                  bench:
                    +materialized: view
                    staging: {+schema: stg}
                    intermediate: {+schema: int}
                    marts: {+schema: mrt}
                seeds:
                  bench:
                    +schema: raw
                """);
        for (int s = 0; s < SEEDS; s++) {
            StringBuilder csv = new StringBuilder("id,name,amount,created_at,category\n");
            for (int r = 1; r <= 20; r++) {
                csv.append(r).append(",name ").append(r).append(',').append(r * 3 + s).append(".50,2024-01-")
                        .append(String.format(Locale.ROOT, "%02d", 1 + r % 28)).append(",cat").append(r % 4).append('\n');
            }
            TestingProjects.write(project.resolve(String.format(Locale.ROOT, "seeds/seed_%03d.csv", s)), csv.toString());
        }
        int staging = models / 4;
        int joins = models * 35 / 100;
        int unions = models * 30 / 100;
        int marts = models - staging - joins - unions;
        List<String> stg = new ArrayList<>();
        for (int i = 0; i < staging; i++) {
            String name = String.format(Locale.ROOT, "stg_%04d", i);
            write(project, "staging", name, """
                    with source as (
                        select * from {{ ref('seed_%03d') }}
                    ),

                    renamed as (
                        select
                            id as x_id,
                            lower(name) as name,
                            amount::numeric(12, 2) as amount,
                            created_at,
                            upper(category) as category
                        from source
                        where id is not null
                    )

                    select * from renamed
                    """.formatted(i % SEEDS));
            stg.add(name);
        }
        List<String> ints = new ArrayList<>();
        for (int i = 0; i < joins; i++) {
            String name = String.format(Locale.ROOT, "int_join_%04d", i);
            List<String> pool = ints.size() > 50 && random.nextInt(3) == 0 ? ints : stg;
            String a = pool.get(random.nextInt(pool.size()));
            String b = stg.get(random.nextInt(stg.size()));
            write(project, "intermediate", name, """
                    with a as (
                        select * from {{ ref('%s') }}
                    ),

                    b as (
                        select x_id, amount, category, created_at from {{ ref('%s') }}
                    ),

                    joined as (
                        select
                            a.x_id,
                            a.name,
                            a.amount + coalesce(b.amount, 0) as amount,
                            coalesce(a.category, b.category) as category,
                            greatest(a.created_at, b.created_at) as created_at
                        from a
                        left join b on a.x_id = b.x_id
                    )

                    select * from joined
                    """.formatted(a, b));
            ints.add(name);
        }
        List<String> unionsList = new ArrayList<>();
        for (int i = 0; i < unions; i++) {
            String name = String.format(Locale.ROOT, "int_union_%04d", i);
            String a = ints.get(random.nextInt(ints.size()));
            String b = ints.get(random.nextInt(ints.size()));
            write(project, "intermediate", name, """
                    with unioned as (
                        select x_id, name, amount, category, created_at from {{ ref('%s') }}
                        union all
                        select x_id, name, amount, category, created_at from {{ ref('%s') }}
                    )

                    select
                        x_id,
                        max(name) as name,
                        sum(amount) as amount,
                        min(category) as category,
                        max(created_at) as created_at
                    from unioned
                    group by x_id
                    """.formatted(a, b));
            unionsList.add(name);
        }
        for (int i = 0; i < marts; i++) {
            String name = String.format(Locale.ROOT, "mart_%04d", i);
            String a = unionsList.get(random.nextInt(unionsList.size()));
            String b = ints.get(random.nextInt(ints.size()));
            write(project, "marts", name, """
                    {{ config(materialized='view') }}
                    select
                        u.category,
                        count(*) as orders,
                        sum(u.amount) as revenue,
                        max(j.created_at) as last_order
                    from {{ ref('%s') }} as u
                    join {{ ref('%s') }} as j on j.x_id = u.x_id
                    group by u.category
                    """.formatted(a, b));
        }
    }

    /**
     * Drops the project's schemas a thousand views at a time: one DROP SCHEMA CASCADE of 10,000
     * views needs more locks than PostgreSQL's default max_locks_per_transaction allows.
     */
    private static void drop(String schema) {
        TestingDatabase.adapter().withConnection(c -> {
            String like = schema.replace("_", "\\_") + "\\_%";
            while (true) {
                var views = c.query("select quote_ident(n.nspname) || '.' || quote_ident(c.relname) from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where n.nspname like '" + like
                        + "' and c.relkind = 'v' order by c.oid desc limit 1000").rows();
                if (views.isEmpty()) {
                    break;
                }
                c.execute("drop view if exists " + String.join(", ", views.stream().map(r -> (String) r.get(0)).toList())
                        + " cascade");
            }
            for (var row : c.query("select quote_ident(nspname) from pg_namespace where nspname like '" + like + "'").rows()) {
                c.execute("drop schema if exists " + row.get(0) + " cascade");
            }
            return null;
        });
    }

    private static void write(Path project, String folder, String name, String sql) {
        TestingProjects.write(project.resolve("models/" + folder + "/" + name + ".sql"), sql);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
