// How to run (from the repository root; a JVM of its own):
//   mvn -q -pl core test-compile exec:exec@projectbench
// Sizes: SLUICE_BENCH_SIZES=1000,10000,50000 (default 1000,10000); runs per figure: SLUICE_BENCH_RUNS (default 5).
// Class-data sharing as the ./sluice launcher does it (an untimed first run of each workload writes a dynamic
// CDS archive that the timed runs map): on unless SLUICE_BENCH_CDS=0.
// The run-overhead workload needs a PostgreSQL server and psql: SLUICE_TEST_PG_URL's, else 127.0.0.1:5432 as postgres.
package dev.sluice.core.bench;

import dev.sluice.core.Sluice;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The workloads of the performance issue, generated so anyone can reproduce them: dbt projects
 * of N models (each with a config() call, one to three refs to earlier models, a for loop over five
 * column names, a set and a CTE; a property file per folder of 100 models with descriptions and
 * two tests per model; 20 macros), timed as whole processes (JVM start included, with the
 * {@code ./sluice} launcher's flags): full parse + compile, parse again after one file changed,
 * and the run overhead of 1,000 trivial views in a binary-tree DAG with 4 threads against one psql
 * session creating the same views. Prints a table (median of the runs, peak RSS); asserts nothing.
 */
public final class ProjectBenchmark {
    /** The ./sluice launcher's flags (the serial collector on two cores or fewer, as it chooses). */
    private static final List<String> LAUNCHER_FLAGS = Runtime.getRuntime().availableProcessors() <= 2
            ? List.of("-XX:TieredStopAtLevel=1", "-XX:-DontCompileHugeMethods", "-Xshare:auto", "-XX:+UseSerialGC")
            : List.of("-XX:TieredStopAtLevel=1", "-XX:-DontCompileHugeMethods", "-Xshare:auto");

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--child")) {
            child(args[1], Path.of(args[2]));
            return;
        }
        List<Integer> sizes = new ArrayList<>();
        for (String s : env("SLUICE_BENCH_SIZES", "1000,10000").split(",")) {
            sizes.add(Integer.parseInt(s.strip()));
        }
        int runs = Integer.parseInt(env("SLUICE_BENCH_RUNS", "5"));
        Path dir = Files.createTempDirectory("sluice-project-bench");
        System.out.printf(Locale.ROOT, "Project benchmark: %d cores, %s, %s; median of %d runs%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), runs);
        System.out.println();
        System.out.println("| workload | wall s (median) | min–max s | peak RSS MB | throughput |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (int n : sizes) {
            Path project = dir.resolve("p" + n);
            generate(project, n);
            List<Measure> full = new ArrayList<>();
            train("compile", project);
            for (int i = 0; i < runs; i++) {
                deleteTree(project.resolve("target"));
                full.add(runChild("compile", project));
            }
            row(String.format(Locale.ROOT, "parse + compile, %,d models", n), full, n, "models/s");
            List<Measure> again = new ArrayList<>();
            train("parse", project);
            for (int i = 0; i < runs; i++) {
                Path one = project.resolve("models/f000/m_" + String.format(Locale.ROOT, "%05d", 1) + ".sql");
                Files.writeString(one, Files.readString(one) + "\n-- touched " + i + "\n");
                again.add(runChild("parse", project));
            }
            row(String.format(Locale.ROOT, "parse after changing one file, %,d models", n), again, n, "models/s");
        }
        runOverhead(dir.resolve("tree"), runs);
    }

    private record Measure(double seconds, long rssKb) {
    }

    private static void row(String workload, List<Measure> ms, int items, String unit) {
        List<Double> s = new ArrayList<>(ms.stream().map(Measure::seconds).toList());
        Collections.sort(s);
        double median = s.get(s.size() / 2);
        long rss = ms.stream().mapToLong(Measure::rssKb).max().orElse(0);
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f–%.2f | %d | %,.0f %s |%n", workload, median, s.get(0),
                s.get(s.size() - 1), rss >> 10, items / median, unit);
    }

    /** The CDS archive of each workload, written by {@link #train}. */
    private static final Map<String, Path> ARCHIVES = new java.util.HashMap<>();

    /**
     * As the launcher's first run after a build: one untimed run of the workload that records the
     * classes it loads into a CDS archive, which the timed runs of that workload then map.
     */
    private static void train(String what, Path project) throws IOException, InterruptedException {
        if (env("SLUICE_BENCH_CDS", "1").equals("0")) {
            return;
        }
        Path jsa = Files.createTempFile("sluice-bench-" + what, ".jsa");
        Files.delete(jsa);
        jsa.toFile().deleteOnExit();
        ARCHIVES.remove(what);
        runChild(what, project, List.of("-XX:ArchiveClassesAtExit=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        if (Files.isRegularFile(jsa)) {
            ARCHIVES.put(what, jsa);
        }
    }

    /**
     * The child JVMs' class path. CDS archives only classes from jars (a directory on the class
     * path fails the dump), so with CDS on, each directory (target/classes) is copied into a jar.
     */
    private static String childClassPath;

    private static String childClassPath() throws IOException {
        if (childClassPath != null) {
            return childClassPath;
        }
        String cp = System.getProperty("java.class.path");
        if (env("SLUICE_BENCH_CDS", "1").equals("0")) {
            return childClassPath = cp;
        }
        Path jars = Files.createTempDirectory("sluice-bench-cp");
        List<String> out = new ArrayList<>();
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            Path dir = Path.of(entry);
            if (!Files.isDirectory(dir)) {
                out.add(entry);
                continue;
            }
            Path jar = jars.resolve(out.size() + ".jar");
            try (var zip = new java.util.jar.JarOutputStream(Files.newOutputStream(jar)); var files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new java.util.jar.JarEntry(dir.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
            out.add(jar.toString());
        }
        return childClassPath = String.join(java.io.File.pathSeparator, out);
    }

    private static Measure runChild(String what, Path project) throws IOException, InterruptedException {
        Path jsa = ARCHIVES.get(what);
        return runChild(what, project, jsa == null ? List.of()
                : List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }

    /** One whole process: a JVM with the launcher's flags doing one thing, timed from start to exit. */
    private static Measure runChild(String what, Path project, List<String> flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(LAUNCHER_FLAGS);
        command.addAll(flags);
        command.addAll(List.of("-cp", childClassPath(), ProjectBenchmark.class.getName(), "--child",
                what, project.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IllegalStateException(what + " failed:\n" + out);
        }
        long rss = 0;
        for (String line : out.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new Measure(seconds, rss);
    }

    /** In the child JVM: load (parse) the project, and compile or run it; prints the peak RSS. */
    private static void child(String what, Path project) throws IOException {
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", project.toString())).load()) {
            switch (what) {
                case "compile" -> check(sluice.compile(Selection.all()));
                case "run" -> check(sluice.run(Selection.all()));
                default -> { } // parse: loading the project is the whole of it
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                System.out.println(line);
            }
        }
    }

    private static void check(RunResult r) {
        if (!r.success()) {
            throw new IllegalStateException(r.results().stream().filter(x -> x.status().failed()).findFirst()
                    .map(x -> x.node().name() + ": " + x.message()).orElse("failed"));
        }
    }

    /** N models in folders of 100, a property file per folder, 20 macros. */
    static void generate(Path project, int models) throws IOException {
        deleteTree(project);
        write(project.resolve("dbt_project.yml"), """
                name: bench
                version: '1.0'
                config-version: 2
                profile: bench
                models:
                  bench:
                    +materialized: view
                """);
        StringBuilder macros = new StringBuilder();
        macros.append("{% macro bench_col(c) %}coalesce({{ c }}, 0){% endmacro %}\n");
        for (int i = 1; i < 20; i++) {
            macros.append("{% macro bench_util_").append(i).append("(x) %}({{ x }} + ").append(i)
                    .append("){% endmacro %}\n");
        }
        write(project.resolve("macros/bench.sql"), macros.toString());
        Random random = new Random(42);
        StringBuilder yml = new StringBuilder();
        for (int i = 0; i < models; i++) {
            String folder = String.format(Locale.ROOT, "f%03d", i / 100);
            String name = String.format(Locale.ROOT, "m_%05d", i);
            List<String> refs = new ArrayList<>();
            int count = i == 0 ? 0 : 1 + random.nextInt(Math.min(3, i));
            while (refs.size() < count) {
                String r = String.format(Locale.ROOT, "m_%05d", random.nextInt(i));
                if (!refs.contains(r)) {
                    refs.add(r);
                }
            }
            StringBuilder sql = new StringBuilder();
            sql.append("{{ config(materialized='view', tags=['bench', '").append(folder).append("']) }}\n");
            sql.append("{% set cols = ['id', 'a', 'b', 'c', 'd'] %}\n");
            sql.append("with base as (\n");
            if (refs.isEmpty()) {
                sql.append("    select 1 as id, 2 as a, 3 as b, 4 as c, 5 as d\n");
            } else {
                for (int r = 0; r < refs.size(); r++) {
                    sql.append(r == 0 ? "    " : "    union all\n    ").append("select * from {{ ref('")
                            .append(refs.get(r)).append("') }}\n");
                }
            }
            sql.append(")\nselect\n{%- for c in cols %}\n    {{ bench_col(c) }} as {{ c }}{% if not loop.last %},{% endif %}"
                    + "\n{%- endfor %}\nfrom base\n");
            write(project.resolve("models").resolve(folder).resolve(name + ".sql"), sql.toString());
            if (i % 100 == 0) {
                yml.setLength(0);
                yml.append("version: 2\nmodels:\n");
            }
            yml.append("  - name: ").append(name).append("\n    description: Model ").append(i)
                    .append(" of the benchmark, built from ").append(refs.isEmpty() ? "constants" : String.join(", ", refs))
                    .append(".\n    columns:\n      - name: id\n        description: The key.\n"
                            + "        data_tests: [not_null]\n      - name: a\n        data_tests: [not_null]\n");
            if (i % 100 == 99 || i == models - 1) {
                write(project.resolve("models").resolve(folder).resolve("schema.yml"), yml.toString());
            }
        }
    }

    /**
     * 1,000 trivial views in a binary tree (view i reads view (i-1)/2), run with 4 threads, against
     * one psql session creating the same views from a script.
     */
    private static void runOverhead(Path project, int runs) throws IOException, InterruptedException {
        String url = env("SLUICE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)(?:\\?user=(\\w+))?")
                .matcher(url);
        if (!m.find()) {
            System.out.println("| run overhead | skipped: cannot read SLUICE_TEST_PG_URL | | | |");
            return;
        }
        String host = m.group(1);
        String port = m.group(2);
        String db = m.group(3);
        String user = m.group(4) == null ? "postgres" : m.group(4);
        deleteTree(project);
        write(project.resolve("dbt_project.yml"), "name: tree\nversion: '1.0'\nconfig-version: 2\nprofile: tree\n");
        StringBuilder script = new StringBuilder("drop schema if exists bench_tree_psql cascade;\ncreate schema bench_tree_psql;\n");
        for (int i = 0; i < 1000; i++) {
            String name = String.format(Locale.ROOT, "v_%04d", i);
            String parent = String.format(Locale.ROOT, "v_%04d", (i - 1) / 2);
            write(project.resolve("models").resolve(name + ".sql"), i == 0 ? "select 1 as id\n"
                    : "select id from {{ ref('" + parent + "') }}\n");
            script.append("create view bench_tree_psql.").append(name).append(" as ")
                    .append(i == 0 ? "select 1 as id" : "select id from bench_tree_psql." + parent).append(";\n");
        }
        Path sqlFile = project.resolve("psql.sql");
        write(sqlFile, script.toString());
        String profiles = "tree:\n  target: bench\n  outputs:\n    bench:\n      type: postgres\n      host: " + host
                + "\n      port: " + port + "\n      user: " + user + "\n      password: ''\n      dbname: " + db
                + "\n      schema: bench_tree\n      threads: 4\n";
        write(project.resolve("profiles.yml"), profiles);
        List<Measure> sluice = new ArrayList<>();
        List<Measure> psql = new ArrayList<>();
        train("run", project);
        for (int i = 0; i < runs; i++) {
            sluice.add(runChild("run", project));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-U", user,
                    "-d", db, "-f", sqlFile.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                System.out.println("| run overhead | skipped: psql failed: " + out.strip() + " | | | |");
                return;
            }
            psql.add(new Measure((System.nanoTime() - t0) / 1e9, 0));
        }
        row("run: 1,000 views, binary tree, --threads 4", sluice, 1000, "views/s");
        row("one psql session creating the same views", psql, 1000, "views/s");
        new ProcessBuilder("psql", "-q", "-X", "-h", host, "-p", port, "-U", user, "-d", db, "-c",
                "drop schema if exists bench_tree_psql cascade; drop schema if exists bench_tree cascade")
                .redirectErrorStream(true).start().waitFor();
        System.out.println();
        System.out.println("Measured " + Instant.now());
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
