package dev.sluice.core.internal.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Expected artifacts under {@code src/test/resources/golden/artifacts/}, compared with what the
 * writers produce. Run with {@code -Dsluice.updateGoldens=true} to rewrite them from the actual
 * output, then review the diff. Artifacts are one line, as dbt writes them; goldens hold them
 * indented one value per line so a change shows up as a readable diff, every token kept as
 * written (numbers and escapes are not re-encoded).
 */
final class GoldenFiles {
    static final String UPDATE_PROPERTY = "sluice.updateGoldens";
    private static final Path DIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("src/test/resources/golden/artifacts");

    private GoldenFiles() {
    }

    static void assertMatches(String name, String actualJson) {
        Path file = DIR.resolve(name);
        String actual = indent(actualJson);
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s (create it with -D%s=true)", file, UPDATE_PROPERTY).exists();
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(actual).as("%s differs from its golden file; if the change is intended, rerun with -D%s=true"
                    + " and review the diff", name, UPDATE_PROPERTY).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Re-indents compact JSON text token by token: two spaces a level, one value a line, empty {} and [] kept. */
    static String indent(String json) {
        StringBuilder out = new StringBuilder(json.length() * 2);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    char close = c == '{' ? '}' : ']';
                    if (i + 1 < json.length() && json.charAt(i + 1) == close) {
                        out.append(c).append(close);
                        i++;
                    } else {
                        depth++;
                        out.append(c).append('\n').append("  ".repeat(depth));
                    }
                }
                case '}', ']' -> {
                    depth--;
                    out.append('\n').append("  ".repeat(depth)).append(c);
                }
                case ',' -> {
                    out.append(",\n").append("  ".repeat(depth));
                    if (i + 1 < json.length() && json.charAt(i + 1) == ' ') {
                        i++;
                    }
                }
                default -> out.append(c);
            }
        }
        return out.append('\n').toString();
    }
}
