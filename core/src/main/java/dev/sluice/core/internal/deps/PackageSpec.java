package dev.sluice.core.internal.deps;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.Location;
import java.util.List;

/** One entry of a {@code packages:} list: a local directory, a git repository or a hub package. */
sealed interface PackageSpec {
    /** Where the entry is written, for messages. */
    Location where();

    /** How the entry reads in messages: the path, URL or hub name. */
    String label();

    /** {@code local: path}, relative to the project that declares it. */
    record Local(String path, Location where) implements PackageSpec {
        public Local {
            requireNonNull(path, "path is null");
            requireNonNull(where, "where is null");
        }

        @Override
        public String label() {
            return path;
        }
    }

    /**
     * {@code git: url} at {@code revision} (a tag, branch or commit; null for the default branch),
     * the package being {@code subdirectory} of the repository when given.
     */
    record Git(String url, String revision, String subdirectory, boolean warnUnpinned, Location where)
            implements PackageSpec {
        public Git {
            requireNonNull(url, "url is null");
            requireNonNull(where, "where is null");
        }

        @Override
        public String label() {
            return url;
        }
    }

    /** {@code package: org/name} with {@code version} ranges ({@code [">=1.0.0", "<2.0.0"]}). */
    record Hub(String org, String name, List<String> versions, boolean prerelease, Location where)
            implements PackageSpec {
        public Hub {
            requireNonNull(org, "org is null");
            requireNonNull(name, "name is null");
            versions = List.copyOf(versions);
            requireNonNull(where, "where is null");
        }

        @Override
        public String label() {
            return org + "/" + name;
        }
    }
}
