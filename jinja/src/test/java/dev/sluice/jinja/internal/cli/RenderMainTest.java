package dev.sluice.jinja.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code java -jar sluice-jinja.jar TEMPLATE [CONTEXT]} entry: output, exit codes, error text. */
class RenderMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RenderMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void rendersWithJsonContextAndIncludesRelativeToTheTemplate() throws IOException {
        Files.writeString(dir.resolve("main.sql"), "{% include 'part.sql' %} {{ n * 2 }} {{ names|join(',') }}\n");
        Files.writeString(dir.resolve("part.sql"), "-- {{ title }}");
        Files.writeString(dir.resolve("ctx.json"), "{\"title\": \"é\", \"n\": 21, \"names\": [\"a\", \"b\"]}");
        int code = run(dir.resolve("main.sql").toString(), dir.resolve("ctx.json").toString());
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("-- é 42 a,b");
        assertThat(err.size()).isZero();
    }

    @Test
    void errorsGoToStderrWithTheirLocationAndExitOne() throws IOException {
        Path t = dir.resolve("bad.sql");
        Files.writeString(t, "ok\n{{ 1 / 0 }}\n");
        assertThat(run(t.toString())).isEqualTo(1);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith(t + ":2: Cannot render template: division by zero");
    }

    @Test
    void syntaxErrorsExitOneWithLineAndColumn() throws IOException {
        Path t = dir.resolve("bad.sql");
        Files.writeString(t, "{% if x %}\nno end");
        assertThat(run(t.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(":1:").contains("Unexpected end of template.");
    }

    @Test
    void strictOptionMakesUndefinedAnError() throws IOException {
        Path t = dir.resolve("t.sql");
        Files.writeString(t, "{{ missing }}");
        assertThat(run(t.toString())).isZero();
        assertThat(run("--strict", t.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'missing' is undefined");
    }

    @Test
    void badContextAndUsageAreReported() throws IOException {
        Path t = dir.resolve("t.sql");
        Files.writeString(t, "x");
        Path ctx = dir.resolve("c.json");
        Files.writeString(ctx, "[1, 2,]");
        assertThat(run(t.toString(), ctx.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot read context").contains("1:7");
        assertThat(run()).isEqualTo(2);
        assertThat(run("--nope", t.toString())).isEqualTo(2);
    }
}
