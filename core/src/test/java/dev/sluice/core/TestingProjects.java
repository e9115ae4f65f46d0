package dev.sluice.core;

import dev.sluice.core.spi.TargetConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The projects the README runs, copied to a scratch directory per test without their
 * {@code target/} and {@code .sluice/} directories: those under the repository's {@code examples/}
 * and the showcase at the repository's root.
 */
public final class TestingProjects {
    /** The showcase's files and folders at the repository's root (the rest of the root is Sluice itself). */
    private static final List<String> SHOWCASE = List.of("dbt_project.yml", "profiles.example.yml", "seeds", "models",
            "macros", "analyses", "tests", "packages", "packages.yml", "package-lock.yml");

    private TestingProjects() {
    }

    /** Copies project {@code name} into {@code dir} and returns the copy's directory. */
    public static Path copy(String name, Path dir) {
        Path target = dir.resolve(name);
        copyTree(repository().resolve("examples").resolve(name), target);
        return target;
    }

    /**
     * Copies the showcase (the dbt project at the repository's root) into {@code dir}/drugs, installs
     * its package ({@code sluice deps}, as README's main command does) and returns the copy.
     */
    public static Path copyShowcase(Path dir) {
        Path target = dir.resolve("drugs");
        for (String entry : SHOWCASE) {
            copyTree(repository().resolve(entry), target.resolve(entry));
        }
        Sluice.configure().projectDir(target).environment(Map.of()).deps();
        return target;
    }

    private static void copyTree(Path source, Path target) {
        try {
            if (Files.isRegularFile(source)) {
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
                return;
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.toList()) {
                    String rel = source.relativize(p).toString().replace('\\', '/');
                    if (rel.equals("target") || rel.startsWith("target/") || rel.startsWith(".sluice")
                            || rel.equals("profiles.yml")) {
                        continue;
                    }
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's root, found from the module directory the tests run in. */
    static Path repository() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository's root (with examples/) above " + Path.of("").toAbsolutePath());
    }

    /**
     * The showcase's {@code dev} target (from its profiles.example.yml, which the copy must have
     * as profiles.yml) pointed at the test database, building for {@code developer}.
     */
    public static Sluice.Configuration showcaseAs(Path project, Path home, String developer) {
        Map<String, Object> server = TestingDatabase.targetConfig("unused").settings();
        Map<String, String> env = new java.util.HashMap<>();
        env.put("HOME", home.toString());
        env.put("USER", developer);
        env.put("SLUICE_PG_HOST", String.valueOf(server.get("host")));
        env.put("SLUICE_PG_PORT", String.valueOf(server.get("port")));
        env.put("SLUICE_PG_USER", String.valueOf(server.get("user")));
        env.put("SLUICE_PG_PASSWORD", server.get("password") == null ? "" : String.valueOf(server.get("password")));
        env.put("SLUICE_PG_DBNAME", String.valueOf(server.get("dbname")));
        return Sluice.configure().projectDir(project).target("dev").environment(env);
    }

    /** Writes a profiles.yml into {@code projectDir} whose profile {@code profile} targets {@code target}. */
    public static void writeProfiles(Path projectDir, String profile, TargetConfig target) {
        StringBuilder yml = new StringBuilder(profile + ":\n  target: test\n  outputs:\n    test:\n");
        yml.append("      type: ").append(target.type()).append('\n');
        for (Map.Entry<String, Object> e : target.settings().entrySet()) {
            if (e.getValue() != null && !e.getKey().equals("type")) {
                yml.append("      ").append(e.getKey()).append(": '").append(e.getValue().toString().replace("'", "''"))
                        .append("'\n");
            }
        }
        write(projectDir.resolve("profiles.yml"), yml.toString());
    }

    /**
     * Writes a minimal dbt project named {@code name} into {@code project}: dbt_project.yml (plus
     * {@code more}, YAML appended to it) and a profiles.yml targeting {@code schema} on the test server.
     */
    public static void newProject(Path project, String name, String schema, String more) {
        newProject(project, name, TestingDatabase.targetConfig(schema), more);
    }

    /** As {@link #newProject(Path, String, String, String)}, with the profile's target as given. */
    public static void newProject(Path project, String name, TargetConfig target, String more) {
        writeProfiles(project, name, target);
        write(project.resolve("dbt_project.yml"), "name: " + name + "\nversion: '1.0'\nconfig-version: 2\nprofile: " + name
                + "\n" + more);
    }

    /** Copies directory {@code from} (all of it) to {@code to} and returns {@code to}. */
    public static Path copyDirectory(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    public static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
