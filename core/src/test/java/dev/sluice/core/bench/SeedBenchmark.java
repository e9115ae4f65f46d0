// How to run (from the repository root; a JVM of its own, default flags):
//   mvn -q -pl core test-compile exec:exec@seedbench
// (row counts other than the default 100000 1000000: -Dexec.args="-classpath %classpath dev.sluice.core.bench.SeedBenchmark 50000")
// The database is SLUICE_TEST_PG_URL's (e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres)
// when set, else the embedded test server (TestingDatabase). psql must be on PATH for the
// comparison column; without it the column says so.
package dev.sluice.core.bench;

import dev.sluice.core.TestingDatabase;
import dev.sluice.core.internal.seed.LoadResult;
import dev.sluice.core.internal.seed.SeedColumn;
import dev.sluice.core.internal.seed.SeedLoader;
import dev.sluice.core.internal.seed.SeedSpec;
import dev.sluice.core.spi.Adapter;
import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.Relation;
import dev.sluice.core.spi.RelationType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Seed loading throughput: {@link SeedLoader} (first pass to check and infer, then COPY into a
 * new table swapped into place) against {@code psql \copy} of the same file into a table of the
 * same shape. Prints the median of three runs per size.
 */
public final class SeedBenchmark {
    private static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(100_000, 1_000_000)
                : Arrays.stream(args).map(Integer::parseInt).toList();
        Adapter adapter = TestingDatabase.adapter();
        String schema = TestingDatabase.freshSchema("seed_bench");
        Path dir = Files.createTempDirectory("sluice-seed-bench");
        Psql psql = Psql.find(TestingDatabase.targetConfig(schema).settings());
        System.out.println("Seed loading, 8 columns (int, text x3, date, numeric, int, boolean), median of " + RUNS + " runs");
        System.out.println("server: " + adapter.describe());
        System.out.println("psql:   " + (psql == null ? "not on PATH (comparison skipped)" : psql.version()));
        System.out.printf("%n%10s  %10s  %12s  %14s  %7s%n", "rows", "sluice s", "rows/s", "psql \\copy s", "ratio");
        warmUp(adapter, dir, schema);
        for (int rows : sizes) {
            Path file = dir.resolve("bench_" + rows + ".csv");
            generate(file, rows);
            SeedSpec spec = SeedSpec.of("bench_" + rows, file, "seeds/" + file.getFileName(),
                    Relation.of(null, schema, "bench_" + rows, RelationType.TABLE)).withFullRefresh(true);
            double[] sluice = new double[RUNS];
            LoadResult last = null;
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                last = adapter.withConnection(c -> new SeedLoader().load(c, adapter.dialect(), spec));
                sluice[i] = (System.nanoTime() - start) / 1e9;
            }
            if (last.rows() != rows) {
                throw new IllegalStateException("loaded " + last.rows() + " rows, expected " + rows);
            }
            double s = median(sluice);
            String psqlCell = "-";
            String ratio = "-";
            if (psql != null) {
                String table = adapter.dialect().quote(schema) + "." + adapter.dialect().quote("psql_" + rows);
                String create = createTable(adapter.dialect(), table, last.columns());
                double[] copy = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    psql.time("drop table if exists " + table);
                    copy[i] = psql.time(create,
                            "\\copy " + table + " from '" + file + "' with (format csv, header true)");
                }
                double p = median(copy);
                psqlCell = String.format("%.2f", p);
                ratio = String.format("%.2f", s / p);
            }
            System.out.printf("%10d  %10.2f  %,12.0f  %14s  %7s%n", rows, s, rows / s, psqlCell, ratio);
            Files.delete(file);
        }
        System.out.println("\nratio = sluice / psql; sluice reads the file twice (check and infer, then COPY) and"
                + " swaps the table in one transaction; psql's time includes its process start and create table.");
        Files.delete(dir);
        System.exit(0);
    }

    private static void warmUp(Adapter adapter, Path dir, String schema) throws IOException {
        Path file = dir.resolve("warmup.csv");
        generate(file, 50_000);
        SeedSpec spec = SeedSpec.of("warmup", file, "seeds/warmup.csv",
                Relation.of(null, schema, "warmup", RelationType.TABLE)).withFullRefresh(true);
        for (int i = 0; i < 3; i++) {
            adapter.withConnection(c -> new SeedLoader().load(c, adapter.dialect(), spec));
        }
        Files.delete(file);
    }

    private static String createTable(Dialect d, String table, List<SeedColumn> columns) {
        return "create table " + table + " (" + columns.stream().map(c -> d.quote(c.name()) + " " + c.type())
                .collect(Collectors.joining(", ")) + ")";
    }

    /** id, code (leading zeros: text), name, category, day, price, qty, active; some names need quoting. */
    static void generate(Path file, int rows) throws IOException {
        Random random = new Random(42);
        String[] categories = {"analgesic", "antibiotic", "antiviral", "vaccine", "other"};
        LocalDate base = LocalDate.of(2015, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,code,name,category,day,price,qty,active\n");
            for (int i = 1; i <= rows; i++) {
                w.write(Integer.toString(i));
                w.write(String.format(",%06d,", random.nextInt(1_000_000)));
                w.write(i % 10 == 0 ? "\"Drug, " + i + "\"" : "Drug " + i);
                w.write(',');
                w.write(categories[random.nextInt(categories.length)]);
                w.write(',');
                w.write(base.plusDays(random.nextInt(3650)).toString());
                w.write(String.format(",%d.%02d,", random.nextInt(1000), random.nextInt(100)));
                w.write(Integer.toString(random.nextInt(500)));
                w.write(random.nextBoolean() ? ",true\n" : ",false\n");
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The psql binary on PATH, pointed at the benchmark's server. */
    private record Psql(String version, List<String> connection, String password) {
        static Psql find(Map<String, Object> settings) {
            List<String> base = List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-h", String.valueOf(settings.get("host")), "-p", String.valueOf(settings.get("port")),
                    "-U", String.valueOf(settings.get("user")), "-d", String.valueOf(settings.get("dbname")));
            Object password = settings.get("password");
            try {
                Process p = new ProcessBuilder("psql", "--version").redirectErrorStream(true).start();
                String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                return p.waitFor() == 0 ? new Psql(version, base, password == null ? null : password.toString()) : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /** Seconds to run {@code commands} (each a -c) in one psql process. */
        double time(String... commands) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(connection);
            for (String c : commands) {
                command.add("-c");
                command.add(c);
            }
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (password != null) {
                pb.environment().put("PGPASSWORD", password);
            }
            long start = System.nanoTime();
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("psql failed: " + output);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
