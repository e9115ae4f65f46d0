package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.TestingDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input}, one {@link BadInputCase} per file):
 * each case runs the real {@code sluice} in-process against the test PostgreSQL and must exit as
 * expected with exactly one message that says what and where, no stack trace, and its schema as
 * it was before the command.
 */
class BadInputCorpusTest {
    /** The categories of the reliability issue's bad-input list; each must have cases. */
    private static final Set<String> CATEGORIES = Set.of("yaml", "config", "jinja", "resolve", "graph", "csv", "encoding",
            "json", "sql", "profile", "cli");

    private static final Pattern TIME = Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d  ");
    private static final Pattern LINE_LOCATION = Pattern.compile("[\\w./-]+\\.(sql|yml|yaml|csv|json|jsonl|md):\\d+\\b");
    private static final Pattern FILE_LOCATION = Pattern.compile("[\\w./-]+\\.(sql|yml|yaml|csv|json|jsonl|md)\\b");
    private static final Pattern COMPILED_LINE = Pattern.compile("SQLSTATE [0-9A-Z]{5}\\).*\\(line \\d+ of [\\w./-]+\\.sql\\)");
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(?m)^\\s+at [\\w.$]+\\(|\\b\\w+Exception\\b|\\b(java|javax|org|com|dev|io|picocli)\\.[a-z]+\\.[\\w.$]+"
                    + "|Internal error|Caused by:");

    @Test
    void theCorpusCoversEveryCategoryWithAtLeastSixtyCases() {
        List<BadInputCase> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        Set<String> categories = cases.stream().map(BadInputCase::category).collect(Collectors.toCollection(TreeSet::new));
        assertThat(categories).containsExactlyInAnyOrderElementsOf(CATEGORIES);
    }

    @TestFactory
    Stream<DynamicTest> eachCase() {
        String only = System.getProperty("badinput.case", "");
        return cases().stream().filter(c -> c.name().contains(only)).map(c -> DynamicTest.dynamicTest(c.name() + ": " + c.description(), () -> {
            AssertionError failure = null;
            try {
                check(c);
            } catch (AssertionError e) {
                failure = e;
            }
            if (c.gap() == null && failure != null) {
                throw new AssertionError(c.name() + ".case: " + failure.getMessage(), failure);
            }
            if (c.gap() != null && failure == null) {
                throw new AssertionError(c.name() + ".case: the gap is closed (" + c.gap() + "): remove its gap: line");
            }
        }));
    }

    private static void check(BadInputCase c) throws IOException {
        Path dir = Files.createTempDirectory("bad-input-");
        try {
            String schema = TestingDatabase.freshSchema("bad_" + c.name());
            UnaryOperator<String> placeholders = placeholders(schema);
            writeDefaults(c, dir, placeholders);
            for (BadInputCase.FileText file : c.files()) {
                write(dir, file, placeholders);
            }
            if (!c.setup().isEmpty()) {
                Result setup = execute(dir, c.setup(), placeholders);
                assertThat(setup.exitCode()).as("setup %s\n%s", c.setup(), setup.text()).isZero();
            }
            for (BadInputCase.FileText file : c.then()) {
                write(dir, file, placeholders);
            }
            TestingSchemaSnapshot before = TestingSchemaSnapshot.of(schema);

            Result result = execute(dir, c.command(), placeholders);

            String text = result.text();
            assertThat(result.exitCode()).as("exit code of %s\n%s", c.command(), text).isEqualTo(c.exit());
            List<String> matching = text.lines().filter(line -> c.error().matcher(line).find()).toList();
            assertThat(matching).as("lines matching /%s/ in\n%s", c.error(), text).hasSize(1);
            assertThat(result.err().lines().filter(line -> line.startsWith("Error:") || line.startsWith("Internal error:")))
                    .as("error messages on stderr\n%s", text).hasSizeLessThanOrEqualTo(1);
            switch (c.location()) {
                case LINE -> assertThat(matching.get(0)).as("names file:line").containsPattern(LINE_LOCATION);
                case COMPILED -> assertThat(matching.get(0)).as("names the file, the SQLState and the compiled line")
                        .containsPattern(FILE_LOCATION).containsPattern(COMPILED_LINE);
                case FILE -> assertThat(matching.get(0)).as("names a file").containsPattern(FILE_LOCATION);
                case NONE -> { }
            }
            if (c.absent() != null) {
                assertThat(c.absent().matcher(text).find()).as("/%s/ in\n%s", c.absent(), text).isFalse();
            }
            assertThat(STACK_TRACE.matcher(text).find()).as("a stack trace or exception name in\n%s", text).isFalse();
            assertThat(TestingSchemaSnapshot.of(schema).lines()).as("the database after the command")
                    .containsExactlyElementsOf(before.lines());
        } finally {
            delete(dir);
        }
    }

    private record Result(int exitCode, String out, String err) {
        String text() {
            return out + err;
        }
    }

    /** Runs {@code sluice args... --project-dir dir --profiles-dir dir} as Main would, everything printed captured. */
    private static Result execute(Path dir, List<String> command, UnaryOperator<String> placeholders) {
        List<String> args = new ArrayList<>(command.stream().map(placeholders).toList());
        // after the command's name, so that a case can end with an option that lacks its value
        int at = Math.min(1, args.size());
        if (!args.contains("--profiles-dir")) {
            args.addAll(at, List.of("--profiles-dir", dir.toString()));
        }
        if (!args.contains("--project-dir")) {
            args.addAll(at, List.of("--project-dir", dir.toString()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        int exitCode;
        synchronized (BadInputCorpusTest.class) {
            PrintStream capture = new PrintStream(stray, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            try {
                exitCode = SluiceCommand.commandLine(Launcher.SLUICE)
                        .setOut(new PrintWriter(out, true))
                        .setErr(new PrintWriter(err, true))
                        .execute(args.toArray(String[]::new));
            } finally {
                System.setOut(systemOut);
                System.setErr(systemErr);
            }
        }
        String strayText = stray.toString(StandardCharsets.UTF_8);
        return new Result(exitCode, TIME.matcher(out.toString()).replaceAll(""), err + strayText);
    }

    private static UnaryOperator<String> placeholders(String schema) {
        Map<String, Object> settings = TestingDatabase.targetConfig(schema).settings();
        return text -> text.replace("@SCHEMA@", schema)
                .replace("@HOST@", String.valueOf(settings.get("host")))
                .replace("@PORT@", String.valueOf(settings.get("port")))
                .replace("@USER@", String.valueOf(settings.get("user")))
                .replace("@PASSWORD@", String.valueOf(settings.getOrDefault("password", "")))
                .replace("@DBNAME@", String.valueOf(settings.get("dbname")));
    }

    private static void writeDefaults(BadInputCase c, Path dir, UnaryOperator<String> placeholders) throws IOException {
        Map<String, String> defaults = Map.of(
                "dbt_project.yml", "name: bad\nversion: '1.0'\nconfig-version: 2\nprofile: bad\n",
                "profiles.yml", """
                        bad:
                          target: dev
                          outputs:
                            dev:
                              type: postgres
                              host: @HOST@
                              port: @PORT@
                              user: @USER@
                              password: '@PASSWORD@'
                              dbname: @DBNAME@
                              schema: @SCHEMA@
                              threads: 2
                              retries: 0
                        """);
        for (Map.Entry<String, String> file : defaults.entrySet()) {
            if (!c.omit().contains(file.getKey())) {
                Files.writeString(dir.resolve(file.getKey()), placeholders.apply(file.getValue()));
            }
        }
    }

    private static void write(Path dir, BadInputCase.FileText file, UnaryOperator<String> placeholders) throws IOException {
        Path path = dir.resolve(file.path());
        Files.createDirectories(path.getParent());
        Files.write(path, file.bytes(placeholders));
    }

    static List<BadInputCase> cases() {
        try (Stream<Path> files = Files.list(Path.of(BadInputCorpusTest.class.getResource("/bad-input").toURI()))) {
            return files.filter(p -> p.toString().endsWith(".case")).sorted().map(p -> {
                try {
                    String name = p.getFileName().toString().replaceFirst("\\.case$", "");
                    return BadInputCase.parse(name, Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
