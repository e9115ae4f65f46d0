package dev.sluice.core.internal.deps;

import dev.sluice.core.api.DepsResult;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.internal.LoadedProject;
import dev.sluice.core.internal.Settings;
import dev.sluice.core.internal.project.ProjectConfig;
import dev.sluice.core.internal.project.ProjectFile;
import dev.sluice.core.internal.project.TemplateRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code deps}: resolves the declared packages (and the packages they declare), installs each
 * under the packages-install-path — local packages as a link to their directory, git and hub
 * packages as a checkout — and writes package-lock.yml. When the lock's hash matches the spec, the
 * lock's pins are installed instead of resolving again.
 */
public final class Installer {
    /** Where hub packages' repositories are looked up ({@code <base><org>/<name>.git}); GitHub unless set. */
    public static final String HUB_GIT_BASE_VARIABLE = "SLUICE_HUB_GIT_BASE";
    /** The git executable to run; {@code git} on the PATH unless set. */
    public static final String GIT_VARIABLE = "SLUICE_GIT";

    private final Path projectDir;
    private final Path installDir;
    private final TemplateRenderer renderer;
    private final Git git;
    private final String hubBase;
    private final SluiceListener listener;
    private Path staging;
    private int clones;

    private Installer(Path projectDir, Path installDir, TemplateRenderer renderer, Map<String, String> env,
            SluiceListener listener) {
        this.projectDir = projectDir;
        this.installDir = installDir;
        this.renderer = renderer;
        this.git = new Git(env.getOrDefault(GIT_VARIABLE, "git"));
        String base = env.getOrDefault(HUB_GIT_BASE_VARIABLE, "https://github.com/");
        this.hubBase = base.endsWith("/") ? base : base + "/";
        this.listener = listener;
    }

    /** A package fetched and ready to install: its name, its project directory, and its pin for the lock. */
    private record Fetched(String name, Path root, LockFile.Pin pin, Path checkout) {
    }

    /** Something still to resolve, and the directory its declaring packages.yml is in. */
    private record Pending(PackageSpec spec, Path base) {
    }

    /** {@code deps} for the project {@code settings} name: reads its dbt_project.yml (for the install path) only. */
    public static DepsResult install(Settings settings) {
        TemplateRenderer renderer = LoadedProject.bootstrapRenderer(settings);
        ProjectConfig project = ProjectFile.load(settings.projectDir(), renderer, settings.listener());
        return install(project.dir(), project.packagesInstallPath(), renderer, settings.environment(), settings.listener());
    }

    /**
     * Installs the packages of the project in {@code projectDir} into {@code installPath}.
     *
     * @param renderer renders {@code env_var()} in packages.yml values
     * @param env the environment ({@value #HUB_GIT_BASE_VARIABLE}, {@value #GIT_VARIABLE})
     */
    public static DepsResult install(Path projectDir, String installPath, TemplateRenderer renderer,
            Map<String, String> env, SluiceListener listener) {
        return new Installer(projectDir, projectDir.resolve(installPath).normalize(), renderer, env, listener).run();
    }

    private DepsResult run() {
        Path lockPath = projectDir.resolve(LockFile.FILE);
        PackagesFile declared = PackagesFile.read(projectDir, "", renderer);
        if (declared == null) {
            info("No packages are declared in packages.yml or dependencies.yml: nothing to install", null);
            return new DepsResult(List.of(), lockPath, false);
        }
        String hash = LockFile.hash(declared.raw());
        LockFile lock = LockFile.read(projectDir);
        boolean fromLock = lock != null && lock.sha1().equals(hash);
        try {
            Files.createDirectories(installDir);
            staging = Files.createTempDirectory(installDir, ".sluice-deps-");
        } catch (IOException e) {
            throw SluiceException.user("deps.install_dir", Location.of(declared.file()), "Cannot install packages: "
                    + "cannot create " + installDir + ": " + e.getMessage(), e);
        }
        try {
            List<Fetched> fetched = fromLock ? fromLock(lock) : resolve(declared);
            List<DepsResult.InstalledPackage> installed = new ArrayList<>();
            for (Fetched f : fetched) {
                installed.add(install(f));
            }
            if (!fromLock) {
                new LockFile(fetched.stream().map(Fetched::pin).toList(), hash).write(projectDir);
            }
            return new DepsResult(installed, lockPath, fromLock);
        } finally {
            try {
                FileTrees.delete(staging);
            } catch (IOException e) {
                listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.WARN, "Cannot remove " + staging + ": "
                        + e.getMessage(), null));
            }
        }
    }

    private List<Fetched> resolve(PackagesFile declared) {
        Deque<Pending> pending = new ArrayDeque<>();
        declared.specs().forEach(s -> pending.add(new Pending(s, projectDir)));
        Map<String, Fetched> byName = new LinkedHashMap<>();
        Map<String, PackageSpec> specOf = new LinkedHashMap<>();
        String rootName = ProjectName.of(projectDir, Location.of("dbt_project.yml"), "the project");
        while (!pending.isEmpty()) {
            Pending p = pending.poll();
            if (p.spec() instanceof PackageSpec.Hub h && specOf.get(hubKey(h)) != null) {
                checkCompatible(byName, specOf.get(hubKey(h)), h);
                continue;
            }
            Fetched f = fetch(p.spec(), p.base());
            if (f.name().equals(rootName)) {
                throw SluiceException.user("deps.name", p.spec().where(), "Cannot install " + p.spec().label()
                        + ": its project is named '" + rootName + "', like the root project");
            }
            Fetched previous = byName.get(f.name());
            if (previous != null) {
                if (!previous.pin().equals(f.pin())) {
                    warn("Package '" + f.name() + "' is required twice: keeping " + describe(previous.pin())
                            + ", not " + describe(f.pin()), p.spec().where());
                }
                continue;
            }
            byName.put(f.name(), f);
            if (p.spec() instanceof PackageSpec.Hub h) {
                specOf.put(hubKey(h), h);
            }
            PackagesFile nested = PackagesFile.read(f.root(), shown(f.root()), renderer);
            if (nested != null) {
                nested.specs().forEach(s -> pending.add(new Pending(s, f.root())));
            }
        }
        return List.copyOf(byName.values());
    }

    private static String hubKey(PackageSpec.Hub h) {
        return h.org() + "/" + h.name();
    }

    /** A hub package required twice: the version chosen first must satisfy the second's ranges too. */
    private void checkCompatible(Map<String, Fetched> byName, PackageSpec first, PackageSpec.Hub again) {
        Fetched chosen = byName.values().stream().filter(f -> f.pin().kind() == LockFile.Kind.HUB
                && f.pin().source().equals(hubKey(again))).findFirst().orElseThrow();
        String version = chosen.pin().revision();
        if (Versions.best(List.of(version), again.versions(), true).isEmpty()) {
            throw SluiceException.user("deps.conflict", again.where(), "Cannot resolve package " + again.label()
                    + ": version " + version + " (chosen for " + first.where() + ", " + ((PackageSpec.Hub) first)
                    .versions() + ") does not satisfy " + again.versions() + "; widen one of the ranges");
        }
    }

    private List<Fetched> fromLock(LockFile lock) {
        List<Fetched> out = new ArrayList<>();
        Location where = Location.of(LockFile.FILE);
        for (LockFile.Pin pin : lock.pins()) {
            PackageSpec spec = switch (pin.kind()) {
                case LOCAL -> new PackageSpec.Local(pin.source(), where);
                case GIT -> new PackageSpec.Git(pin.source(), pin.revision(), pin.subdirectory(), false, where);
                case HUB -> hub(pin.source(), pin.revision(), where);
            };
            Fetched f = fetch(spec, projectDir);
            if (!f.name().equals(pin.name())) {
                throw SluiceException.user("deps.lock_name", where, "Cannot install " + spec.label() + " as " + LockFile.FILE
                        + " pins it: its project is now named '" + f.name() + "', not '" + pin.name()
                        + "'; delete " + LockFile.FILE + " and run sluice deps again");
            }
            out.add(f);
        }
        return out;
    }

    private static PackageSpec.Hub hub(String label, String version, Location where) {
        int slash = label.indexOf('/');
        return new PackageSpec.Hub(label.substring(0, slash), label.substring(slash + 1), List.of("==" + version), true,
                where);
    }

    private Fetched fetch(PackageSpec spec, Path base) {
        if (spec instanceof PackageSpec.Local l) {
            return local(l, base);
        }
        return spec instanceof PackageSpec.Git g ? git(g) : hub((PackageSpec.Hub) spec);
    }

    private Fetched local(PackageSpec.Local l, Path base) {
        Path root = base.resolve(l.path()).toAbsolutePath().normalize();
        info("Installing " + l.path(), null);
        if (!Files.isDirectory(root)) {
            throw SluiceException.user("deps.local", l.where(), "Cannot install local package '" + l.path() + "': "
                    + root + " is not a directory");
        }
        String name = ProjectName.of(root, l.where(), "local package '" + l.path() + "'");
        String source = root.startsWith(projectDir) ? slash(projectDir.relativize(root)) : root.toString();
        info("  Installed from <local @ " + source + ">", null);
        return new Fetched(name, root, new LockFile.Pin(name, LockFile.Kind.LOCAL, source, null, null), null);
    }

    private Fetched git(PackageSpec.Git g) {
        info("Installing " + g.url() + (g.revision() == null ? "" : "@" + g.revision()), null);
        if (g.revision() == null && g.warnUnpinned()) {
            warn("The git package " + g.url() + " is not pinned: it follows its default branch and may change under "
                    + "you; add a revision (a tag or commit), or warn-unpinned: false", g.where());
        }
        Path dir = staging.resolve("clone-" + (++clones));
        String sha;
        try {
            sha = git.checkout(g.url(), g.revision(), dir, g.where(), "git package " + g.url());
        } catch (Git.Failure e) {
            throw SluiceException.user("deps.git", g.where(), "Cannot install git package " + g.url()
                    + (g.revision() == null ? "" : " at revision '" + g.revision() + "'") + ": git failed: " + e.output);
        }
        Path root = g.subdirectory() == null ? dir : dir.resolve(g.subdirectory()).normalize();
        if (!root.startsWith(dir) || !Files.isDirectory(root)) {
            throw SluiceException.user("deps.subdirectory", g.where(), "Cannot install git package " + g.url()
                    + ": it has no subdirectory '" + g.subdirectory() + "'");
        }
        String name = ProjectName.of(root, g.where(), "git package " + g.url()
                + (g.subdirectory() == null ? "" : " (subdirectory " + g.subdirectory() + ")"));
        info("  Installed from revision " + (g.revision() == null ? sha : g.revision() + " (" + sha + ")"), null);
        return new Fetched(name, root, new LockFile.Pin(name, LockFile.Kind.GIT, g.url(), sha, g.subdirectory()), dir);
    }

    /** A hub package from its git repository: the highest tag matching its version ranges. */
    private Fetched hub(PackageSpec.Hub h) {
        List<String> urls = new ArrayList<>(List.of(hubBase + h.org() + "/" + h.name() + ".git"));
        if (h.name().contains("_")) {
            urls.add(hubBase + h.org() + "/" + h.name().replace('_', '-') + ".git"); // dbt_utils lives in dbt-utils
        }
        List<String> failures = new ArrayList<>();
        for (String url : urls) {
            List<String> tags;
            try {
                tags = git.tags(url, h.where(), "package " + h.label());
            } catch (Git.Failure e) {
                failures.add(url + ": " + e.output);
                continue;
            }
            String tag = Versions.best(tags, h.versions(), h.prerelease()).orElseThrow(() -> SluiceException.user(
                    "deps.version", h.where(), "Cannot resolve package " + h.label() + ": no version of " + url
                            + " matches " + h.versions() + " (tags: " + recent(tags) + ")"));
            info("Installing " + h.label() + "@" + tag, null);
            Path dir = staging.resolve("clone-" + (++clones));
            try {
                git.checkout(url, tag, dir, h.where(), "package " + h.label());
            } catch (Git.Failure e) {
                throw SluiceException.user("deps.git", h.where(), "Cannot install package " + h.label() + " " + tag
                        + " from " + url + ": git failed: " + e.output);
            }
            String name = ProjectName.of(dir, h.where(), "package " + h.label());
            info("  Installed from version " + tag, null);
            return new Fetched(name, dir, new LockFile.Pin(name, LockFile.Kind.HUB, h.label(), tag, null), dir);
        }
        throw SluiceException.user("deps.unreachable", h.where(), "Cannot resolve package " + h.label() + ": Sluice "
                + "reads hub packages from their git repository, and none is reachable (" + String.join("; ", failures)
                + "); check the name and the network, or declare it with git: and a revision");
    }

    private static String recent(List<String> tags) {
        List<String> versions = tags.stream().filter(Versions::isVersion).toList();
        if (versions.isEmpty()) {
            return "none that name a version";
        }
        return String.join(", ", versions.subList(Math.max(0, versions.size() - 10), versions.size()));
    }

    private DepsResult.InstalledPackage install(Fetched f) {
        Path target = installDir.resolve(f.name());
        try {
            if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                FileTrees.delete(target);
            }
            if (f.checkout() == null) {
                link(f.root(), target);
            } else if (f.root().equals(f.checkout())) {
                Files.move(f.checkout(), target);
            } else {
                FileTrees.copy(f.root(), target);
            }
        } catch (IOException e) {
            throw SluiceException.user("deps.install", Location.of(LockFile.FILE), "Cannot install package '" + f.name()
                    + "' into " + target + ": " + e.getMessage(), e);
        }
        return new DepsResult.InstalledPackage(f.name(), f.pin().source(), f.pin().revision(), target);
    }

    /** As dbt: a local package is linked, so edits to it show at once; copied where links are not allowed. */
    private static void link(Path root, Path target) throws IOException {
        try {
            Files.createSymbolicLink(target, target.getParent().toAbsolutePath().relativize(root));
        } catch (UnsupportedOperationException | IOException e) {
            FileTrees.copy(root, target);
        }
    }

    private String shown(Path dir) {
        return dir.startsWith(projectDir) ? slash(projectDir.relativize(dir)) : dir.toString();
    }

    private static String describe(LockFile.Pin p) {
        return p.source() + (p.revision() == null ? "" : "@" + p.revision());
    }

    private static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }

    private void info(String text, Location where) {
        listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.INFO, text, where));
    }

    private void warn(String text, Location where) {
        listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.WARN, text, where));
    }
}
