package dev.sluice.core.internal.deps;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.project.TemplateRenderer;
import dev.sluice.core.internal.yaml.Yaml;
import dev.sluice.core.internal.yaml.YamlDoc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project's declared packages: the {@code packages:} list of packages.yml or dependencies.yml
 * (not both), each entry checked, with Jinja ({@code env_var()}) rendered in its values.
 *
 * @param file the file's name as messages show it (relative to the root project)
 * @param specs the entries, in order
 * @param raw the list as written, for the lock file's hash
 */
record PackagesFile(String file, List<PackageSpec> specs, List<Object> raw) {
    static final List<String> NAMES = List.of("packages.yml", "dependencies.yml");

    private static final Set<String> LOCAL_KEYS = Set.of("local");
    private static final Set<String> GIT_KEYS = Set.of("git", "revision", "subdirectory", "warn-unpinned", "name");
    private static final Set<String> HUB_KEYS = Set.of("package", "version", "install-prerelease", "name");

    /**
     * The packages {@code dir} declares, or null when it has neither file.
     *
     * @param shown how {@code dir} appears in messages ("" for the root project)
     * @param renderer renders {@code {{ env_var(...) }}} in values
     */
    static PackagesFile read(Path dir, String shown, TemplateRenderer renderer) {
        PackagesFile found = null;
        for (String name : NAMES) {
            Path f = dir.resolve(name);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            String display = shown.isEmpty() ? name : shown + "/" + name;
            PackagesFile p = parse(display, text(f, display), renderer);
            if (p.specs().isEmpty()) {
                continue;
            }
            if (found != null) {
                throw SluiceException.user("deps.two_files", Location.of(display, 1), "Cannot read the packages: both "
                        + found.file() + " and " + display + " list packages; keep them in one of the two files");
            }
            found = p;
        }
        return found;
    }

    static PackagesFile parse(String display, String text, TemplateRenderer renderer) {
        YamlDoc doc = YamlDoc.parse(display, text);
        Map<String, Object> root = doc.rootMap();
        List<Object> entries = Yaml.list(doc, root.get("packages"), "packages in " + display);
        List<PackageSpec> specs = new ArrayList<>();
        for (Object e : entries) {
            specs.add(entry(doc, e, renderer));
        }
        return new PackagesFile(display, List.copyOf(specs), entries);
    }

    private static PackageSpec entry(YamlDoc doc, Object e, TemplateRenderer renderer) {
        Location where = doc.locate(e);
        Map<String, Object> m = Yaml.map(doc, e, "a package entry");
        if (m.containsKey("local")) {
            checkKeys(doc, m, LOCAL_KEYS, "local");
            return new PackageSpec.Local(required(doc, m, "local", renderer), where);
        }
        if (m.containsKey("git")) {
            checkKeys(doc, m, GIT_KEYS, "git");
            Object warn = m.get("warn-unpinned");
            return new PackageSpec.Git(required(doc, m, "git", renderer), optional(doc, m, "revision", renderer),
                    optional(doc, m, "subdirectory", renderer), warn == null || Boolean.parseBoolean(String.valueOf(warn)),
                    where);
        }
        if (m.containsKey("package")) {
            checkKeys(doc, m, HUB_KEYS, "hub");
            String name = required(doc, m, "package", renderer);
            int slash = name.indexOf('/');
            if (slash <= 0 || slash != name.lastIndexOf('/') || slash == name.length() - 1) {
                throw SluiceException.user("deps.package", doc.locateKey(m, "package"), "Cannot read package '" + name
                        + "': hub packages are named <organization>/<package>, e.g. dbt-labs/dbt_utils");
            }
            Object v = m.get("version");
            if (v == null) {
                throw SluiceException.user("deps.version", where, "Cannot read package '" + name
                        + "': hub packages need a version, e.g. version: [\">=1.0.0\", \"<2.0.0\"]");
            }
            List<String> versions = new ArrayList<>();
            for (String s : Yaml.strings(doc, v, "version of " + name)) {
                String r = renderer == null ? s : String.valueOf(renderer.render(s, doc.locateKey(m, "version")));
                for (String part : r.split(",")) {
                    String range = part.strip();
                    if (!Versions.isRange(range)) {
                        throw SluiceException.user("deps.version", doc.locateKey(m, "version"), "Cannot read the version"
                                + " of package '" + name + "': '" + range + "' is not a version or a range such as >=1.0.0");
                    }
                    versions.add(range);
                }
            }
            boolean pre = Boolean.parseBoolean(String.valueOf(m.get("install-prerelease")));
            return new PackageSpec.Hub(name.substring(0, slash), name.substring(slash + 1), versions, pre, where);
        }
        throw SluiceException.user("deps.entry", where, "Cannot read the package entry: it needs one of local:, git: or"
                + " package: (got " + m.keySet() + ")");
    }

    private static void checkKeys(YamlDoc doc, Map<String, Object> m, Set<String> allowed, String kind) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw SluiceException.user("deps.key", doc.locateKey(m, k), "Cannot read the " + kind
                        + " package entry: unknown key '" + k + "' (expected " + String.join(", ", allowed.stream()
                        .sorted().toList()) + ")");
            }
        }
    }

    private static String required(YamlDoc doc, Map<String, Object> m, String key, TemplateRenderer renderer) {
        String v = optional(doc, m, key, renderer);
        if (v == null || v.isBlank()) {
            throw SluiceException.user("deps.empty", doc.locateKey(m, key), "Cannot read the package entry: '" + key
                    + "' is empty");
        }
        return v;
    }

    private static String optional(YamlDoc doc, Map<String, Object> m, String key, TemplateRenderer renderer) {
        String v = Yaml.string(doc, m.get(key), key);
        if (v == null || renderer == null || !(v.contains("{{") || v.contains("{%"))) {
            return v;
        }
        return String.valueOf(renderer.render(v, doc.locateKey(m, key))).strip();
    }

    private static String text(Path f, String display) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SluiceException.user("deps.read", Location.of(display), "Cannot read " + display + ": "
                    + e.getMessage(), e);
        }
    }
}
