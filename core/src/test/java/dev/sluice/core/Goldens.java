package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}: compared exactly, or rewritten when the
 * build runs with {@code -Dsluice.updateGoldens=true} (then review the diff).
 */
public final class Goldens {
    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private Goldens() {
    }

    public static boolean updating() {
        return Boolean.getBoolean("sluice.updateGoldens");
    }

    /** Checks {@code actual} against golden {@code relative} (or rewrites it). */
    public static void check(String relative, String actual) {
        Path file = ROOT.resolve(relative);
        if (updating()) {
            TestingProjects.write(file, actual);
            return;
        }
        assertThat(Files.exists(file)).as("golden file %s exists (run with -Dsluice.updateGoldens=true to create it)",
                file).isTrue();
        assertThat(actual).as("%s (run with -Dsluice.updateGoldens=true to accept the new output)", file)
                .isEqualTo(TestingProjects.read(file));
    }
}
