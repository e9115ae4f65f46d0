package dev.sluice.core.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code deps} installed: each package with where it came from, and the lock file written
 * (or read, when it already pinned the packages).
 *
 * <pre>{@code
 * DepsResult deps = Sluice.configure().projectDir(dir).deps();
 * deps.packages().forEach(p -> System.out.println(p.name() + " " + p.version()));
 * }</pre>
 *
 * @param fromLock whether the lock file's pins were installed as they were
 */
public record DepsResult(List<InstalledPackage> packages, Path lockFile, boolean fromLock) {
    public DepsResult {
        packages = List.copyOf(packages);
    }

    /**
     * One installed package.
     *
     * @param name the package's project name (its directory under the packages-install-path)
     * @param source what packages.yml says: a local path, a git URL or a hub package
     * @param version the git revision (a commit sha), the hub version, or empty for local packages
     * @param directory where it is installed
     */
    public record InstalledPackage(String name, String source, String version, Path directory) {
        public InstalledPackage {
            requireNonNull(name, "name is null");
            requireNonNull(source, "source is null");
            version = version == null ? "" : version;
            requireNonNull(directory, "directory is null");
        }
    }
}
