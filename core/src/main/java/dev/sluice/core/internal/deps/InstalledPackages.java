package dev.sluice.core.internal.deps;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.internal.project.ProjectConfig;
import dev.sluice.core.internal.project.ProjectFile;
import dev.sluice.core.internal.project.TemplateRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The packages a project loads with: every project under its packages-install-path, as dbt
 * loads them. When the project declares packages that are not installed, loading stops with the
 * way to install them ({@code sluice deps}), as dbt does.
 */
public final class InstalledPackages {
    private InstalledPackages() {
    }

    /** Each installed package's project, in name order. */
    public static List<ProjectConfig> load(ProjectConfig root, TemplateRenderer renderer, SluiceListener listener) {
        Path installDir = root.dir().resolve(root.packagesInstallPath()).normalize();
        Map<String, ProjectConfig> byName = new LinkedHashMap<>();
        for (Path dir : projectDirs(installDir)) {
            ProjectConfig p = ProjectFile.load(dir, shown(root, dir) + "/", renderer, listener);
            if (p.name().equals(root.name())) {
                throw SluiceException.user("package.name", Location.of(shown(root, dir) + "/dbt_project.yml"),
                        "Cannot load package " + shown(root, dir) + ": it is named '" + p.name()
                                + "', like the root project");
            }
            ProjectConfig same = byName.put(p.name(), p);
            if (same != null) {
                throw SluiceException.user("package.duplicate", Location.of(shown(root, dir) + "/dbt_project.yml"),
                        "Cannot load two packages named '" + p.name() + "': " + shown(root, same.dir()) + " and "
                                + shown(root, dir));
            }
        }
        checkInstalled(root, renderer, byName);
        return List.copyOf(byName.values());
    }

    /** Declared packages must be installed: by the lock's names when it matches the spec, else by count (as dbt). */
    private static void checkInstalled(ProjectConfig root, TemplateRenderer renderer, Map<String, ProjectConfig> installed) {
        PackagesFile declared = PackagesFile.read(root.dir(), "", renderer);
        if (declared == null) {
            return;
        }
        LockFile lock = LockFile.read(root.dir());
        List<String> missing = new ArrayList<>();
        if (lock != null && lock.sha1().equals(LockFile.hash(declared.raw()))) {
            lock.pins().stream().map(LockFile.Pin::name).filter(n -> !installed.containsKey(n)).forEach(missing::add);
        } else if (declared.specs().size() > installed.size()) {
            declared.specs().stream().map(PackageSpec::label).forEach(missing::add);
        }
        if (!missing.isEmpty()) {
            throw SluiceException.user("package.missing", Location.of(declared.file(), 1), "Cannot load the project: "
                    + declared.file() + " declares " + declared.specs().size() + " package(s) and "
                    + (installed.isEmpty() ? "none is" : "only " + installed.size() + (installed.size() == 1 ? " is"
                            : " are")) + " installed in " + root.packagesInstallPath() + "/ (missing: "
                    + String.join(", ", missing) + "); run `sluice deps` to install them");
        }
    }

    private static List<Path> projectDirs(Path installDir) {
        if (!Files.isDirectory(installDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(installDir)) {
            return s.filter(d -> !d.getFileName().toString().startsWith("."))
                    .filter(d -> Files.isRegularFile(d.resolve("dbt_project.yml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw SluiceException.user("package.scan", Location.of(installDir.toString()), "Cannot read "
                    + installDir + ": " + e.getMessage(), e);
        }
    }

    /** How a package directory shows in messages and file paths: from the root project. */
    public static String shown(ProjectConfig root, Path dir) {
        return root.dir().relativize(dir).toString().replace('\\', '/');
    }
}
