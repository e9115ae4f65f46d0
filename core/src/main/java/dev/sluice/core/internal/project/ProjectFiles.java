package dev.sluice.core.internal.project;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of a project by kind, found under its configured paths, in a stable order. As in
 * dbt, {@code .sql} files under a test path's {@code generic/} folder hold generic test
 * definitions and count as macro files; the other {@code .sql} files there are singular tests.
 */
public record ProjectFiles(List<SourceFile> models, List<SourceFile> seeds, List<SourceFile> macros,
        List<SourceFile> analyses, List<SourceFile> properties, List<SourceFile> docs, List<SourceFile> tests,
        List<SourceFile> snapshots) {

    /**
     * A project file.
     *
     * @param relative the path from the project directory, with forward slashes ({@code models/rsv/a.sql})
     * @param resourcePath the path from its resource directory ({@code rsv/a.sql})
     */
    public record SourceFile(Path absolute, String relative, String resourcePath) {
        /** The file name without its extension. */
        public String stem() {
            String n = absolute.getFileName().toString();
            int dot = n.lastIndexOf('.');
            return dot < 0 ? n : n.substring(0, dot);
        }

        /** The folders between the resource directory and the file. */
        public List<String> folders() {
            String[] parts = resourcePath.split("/");
            return List.of(parts).subList(0, parts.length - 1);
        }

        public String extension() {
            String n = absolute.getFileName().toString();
            int dot = n.lastIndexOf('.');
            return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
        }
    }

    public static ProjectFiles scan(ProjectConfig p) {
        return scan(p, "");
    }

    /**
     * The files of {@code p}, their {@code relative} paths starting with {@code prefix}: an
     * installed package's files are named from the root project ({@code dbt_packages/pkg/models/a.sql}).
     */
    public static ProjectFiles scan(ProjectConfig p, String prefix) {
        Set<Path> skip = Set.of(p.dir().resolve(p.targetPath()).normalize(),
                p.dir().resolve(p.packagesInstallPath()).normalize(), p.dir().resolve(".sluice").normalize());
        List<SourceFile> macros = new ArrayList<>(find(p, p.macroPaths(), Set.of("sql"), skip, prefix));
        List<SourceFile> tests = new ArrayList<>();
        for (SourceFile f : find(p, p.testPaths(), Set.of("sql"), skip, prefix)) {
            if (f.resourcePath().startsWith("fixtures/")) {
                continue; // unit test fixtures, read by the unit tests that name them
            }
            (f.resourcePath().startsWith("generic/") ? macros : tests).add(f);
        }
        return new ProjectFiles(
                find(p, p.modelPaths(), Set.of("sql"), skip, prefix),
                find(p, p.seedPaths(), Set.of("csv", "json", "jsonl", "ndjson"), skip, prefix),
                List.copyOf(macros),
                find(p, p.analysisPaths(), Set.of("sql"), skip, prefix),
                find(p, p.resourcePaths(), Set.of("yml", "yaml"), skip, prefix),
                find(p, p.docsPaths(), Set.of("md"), skip, prefix),
                List.copyOf(tests),
                find(p, p.snapshotPaths(), Set.of("sql"), skip, prefix));
    }

    private static List<SourceFile> find(ProjectConfig p, List<String> dirs, Set<String> extensions, Set<Path> skip,
            String prefix) {
        List<SourceFile> out = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (String d : dirs) {
            Path root = p.dir().resolve(d).normalize();
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> found;
            try (Stream<Path> s = Files.walk(root)) {
                found = s.filter(Files::isRegularFile)
                        .filter(f -> !hidden(root, f) && skip.stream().noneMatch(f::startsWith))
                        .filter(f -> extensions.contains(ext(f)))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw SluiceException.user("project.scan", Location.of(d), "Cannot read directory " + d + ": " + e.getMessage(), e);
            }
            for (Path f : found) {
                if (seen.add(f)) {
                    out.add(new SourceFile(f, prefix + slash(p.dir().relativize(f)), slash(root.relativize(f))));
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean hidden(Path root, Path f) {
        for (Path part : root.relativize(f)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String ext(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }
}
