package dev.sluice.jinja.internal.cli;

import dev.sluice.jinja.Environment;
import dev.sluice.jinja.TemplateException;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar sluice-jinja.jar [options] TEMPLATE_FILE [CONTEXT_JSON_FILE]}: renders a
 * template for debugging and outside checks. Prints the output and exits 0, or prints the error
 * with its location to stderr and exits 1 (2 for bad usage). Templates named by include/import
 * are loaded relative to the template's directory.
 */
public final class RenderMain {
    private static final String USAGE = """
            usage: java -jar sluice-jinja.jar [options] TEMPLATE_FILE [CONTEXT_JSON_FILE]
              --strict                 undefined variables are errors (StrictUndefined)
              --autoescape             escape HTML in {{ }} output
              --trim-blocks            remove the first newline after a block tag
              --lstrip-blocks          strip whitespace before a block tag at line start
              --keep-trailing-newline  keep the template's final newline
            """;

    private RenderMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Environment.Builder env = Environment.builder();
        List<String> files = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "--strict" -> env.undefined(UndefinedPolicy.STRICT);
                case "--autoescape" -> env.autoescape(true);
                case "--trim-blocks" -> env.trimBlocks(true);
                case "--lstrip-blocks" -> env.lstripBlocks(true);
                case "--keep-trailing-newline" -> env.keepTrailingNewline(true);
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("--")) {
                        err.println("Cannot run: unknown option " + a);
                        err.print(USAGE);
                        return 2;
                    }
                    files.add(a);
                }
            }
        }
        if (files.isEmpty() || files.size() > 2) {
            err.print(USAGE);
            return 2;
        }
        Path template = Path.of(files.get(0));
        Path dir = template.toAbsolutePath().getParent();
        String source;
        Map<String, Object> vars = Map.of();
        try {
            source = Files.readString(template, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("Cannot read template " + template + ": " + e.getMessage());
            return 1;
        }
        if (files.size() == 2) {
            Path json = Path.of(files.get(1));
            try {
                Object parsed = Json.parse(Files.readString(json, StandardCharsets.UTF_8));
                if (!(parsed instanceof Map<?, ?>)) {
                    err.println("Cannot read context " + json + ": the JSON must be an object");
                    return 1;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) parsed;
                vars = m;
            } catch (IOException e) {
                err.println("Cannot read context " + json + ": " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                err.println("Cannot read context " + json + ":" + e.getMessage());
                return 1;
            }
        }
        env.loader(name -> load(dir, name));
        try {
            String rendered = env.build().parse(template.toString(), source).render(vars);
            out.print(rendered);
            out.flush();
            return 0;
        } catch (TemplateException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static Optional<String> load(Path dir, String name) {
        Path p = dir.resolve(name).normalize();
        if (!p.startsWith(dir) || !Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
