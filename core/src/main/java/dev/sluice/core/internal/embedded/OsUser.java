package dev.sluice.core.internal.embedded;

import dev.sluice.core.api.SluiceException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who runs the PostgreSQL processes. PostgreSQL refuses to run as root, so when this process is
 * root they run as user {@code nobody} through util-linux {@code setpriv}; otherwise as ourselves.
 */
record OsUser(boolean root, int uid, int gid, String setpriv) {
    private static volatile OsUser current;

    static OsUser current() {
        OsUser u = current;
        if (u == null) {
            u = detect();
            current = u;
        }
        return u;
    }

    private static OsUser detect() {
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("win")) {
            throw SluiceException.user("embedded.platform", null, "Cannot start embedded PostgreSQL on Windows yet:"
                    + " point the target at a PostgreSQL server (embedded: false)");
        }
        int uid = currentUid();
        if (uid != 0) {
            return new OsUser(false, uid, -1, null);
        }
        String setpriv = findOnPath("setpriv");
        if (setpriv == null) {
            throw SluiceException.user("embedded.root", null, "Cannot start embedded PostgreSQL as root: PostgreSQL"
                    + " refuses to run as root, and setpriv (util-linux) is not installed to run it as user nobody;"
                    + " install util-linux, run as a regular user, or point the target at a server (embedded: false)");
        }
        return new OsUser(true, id("-u"), id("-g"), setpriv);
    }

    /** {@code command}, run as nobody when we are root. */
    List<String> command(List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(setpriv, "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands a directory tree to the server's user (only needed when we are root). */
    void own(Path dir) throws IOException {
        if (!root || ownerOf(dir) == uid) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /** True when the server's user can reach {@code path} (every existing ancestor can be entered). */
    boolean canReach(Path path) {
        return unreachableAncestor(path) == null;
    }

    /** Fails naming the directory that keeps the server's user out of {@code path}. */
    void checkReachable(Path path, String what) {
        Path blocked = unreachableAncestor(path);
        if (blocked != null) {
            throw SluiceException.user("embedded.root", null, "Cannot start embedded PostgreSQL with its " + what
                    + " in " + path + ": as root it runs as user nobody (PostgreSQL refuses to run as root), and"
                    + " nobody cannot enter " + blocked + "; move it elsewhere, or allow it with: chmod o+x " + blocked);
        }
    }

    private Path unreachableAncestor(Path path) {
        if (!root) {
            return null;
        }
        for (Path p = path.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            if (!Files.isDirectory(p)) {
                continue;
            }
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE) && ownerOf(p) != uid) {
                    return p;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return p;
            }
        }
        return null;
    }

    static int ownerOf(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return runId(List.of("id", "-u"));
        }
    }

    private static int id(String flag) {
        return runId(List.of("id", flag, "nobody"));
    }

    private static int runId(List<String> command) {
        try {
            Exec.Result r = Exec.run(command, null, Duration.ofSeconds(10));
            if (r.ok()) {
                return Integer.parseInt(r.output().trim());
            }
            throw new IOException(r.output());
        } catch (IOException | NumberFormatException e) {
            throw SluiceException.user("embedded.root", null, "Cannot start embedded PostgreSQL: `"
                    + String.join(" ", command) + "` failed (" + e.getMessage() + "); as root PostgreSQL must run as"
                    + " user nobody, which must exist", e);
        }
    }

    private static String findOnPath(String name) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(List.of((path == null ? "" : path).split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        for (String dir : dirs) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return null;
    }
}
