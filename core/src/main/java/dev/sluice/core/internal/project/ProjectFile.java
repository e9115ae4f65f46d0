package dev.sluice.core.internal.project;

import dev.sluice.core.Sluice;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.internal.io.TextFiles;
import dev.sluice.core.internal.yaml.Yaml;
import dev.sluice.core.internal.yaml.YamlDoc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads dbt_project.yml: validates it, renders {@code env_var()}/{@code var()} in its values, fills dbt's defaults. */
public final class ProjectFile {
    static final String FILE = "dbt_project.yml";

    private static final Set<String> KNOWN = Set.of("name", "version", "config-version", "profile", "model-paths",
            "source-paths", "seed-paths", "data-paths", "macro-paths", "analysis-paths", "test-paths",
            "snapshot-paths", "docs-paths", "asset-paths", "function-paths", "target-path", "log-path",
            "packages-install-path", "clean-targets", "require-dbt-version", "quoting", "vars", "models", "seeds",
            "snapshots", "sources", "tests", "data_tests", "unit_tests", "analyses", "exposures", "metrics",
            "semantic-models", "saved-queries", "on-run-start", "on-run-end", "dispatch", "query-comment",
            "flags", "restrict-access", "dbt-cloud", "functions");
    /** Trees whose values are rendered per node, later, not at load time. */
    private static final Set<String> DEFERRED = Set.of("models", "seeds", "snapshots", "sources", "tests",
            "data_tests", "unit_tests", "analyses", "exposures", "on-run-start", "on-run-end", "vars");

    private ProjectFile() {
    }

    public static ProjectConfig load(Path dir, TemplateRenderer renderer, SluiceListener listener) {
        return load(dir, "", renderer, listener);
    }

    /** @param shownAs how {@code dir} is named in messages ({@code dbt_packages/dbt_utils/}; "" for the project) */
    public static ProjectConfig load(Path dir, String shownAs, TemplateRenderer renderer, SluiceListener listener) {
        String shown = shownAs + FILE;
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw SluiceException.user("project.missing", Location.of(file.toString()),
                    "Cannot find dbt_project.yml in " + dir + ": run from a dbt project directory or pass --project-dir");
        }
        String text = TextFiles.readUtf8(file, shown, "project.read");
        YamlDoc doc = YamlDoc.parse(shown, text);
        Map<String, Object> raw = doc.rootMap();
        for (String key : raw.keySet()) {
            if (!KNOWN.contains(key)) {
                listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.WARN, "Ignoring unknown key '" + key
                        + "' in dbt_project.yml", doc.locateKey(raw, key)));
            }
        }
        Map<String, Object> y = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            y.put(e.getKey(), DEFERRED.contains(e.getKey()) ? e.getValue()
                    : renderer.renderValue(e.getValue(), doc.locateKey(raw, e.getKey())));
        }
        String name = Yaml.string(doc, y.get("name"), "name in dbt_project.yml");
        if (name == null || name.isBlank()) {
            throw SluiceException.user("project.name", Location.of(shown, 1), "Cannot load the project: " + shown
                    + " has no 'name'");
        }
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw SluiceException.user("project.name", doc.locateKey(raw, "name"), "Cannot load the project: name '"
                    + name + "' must contain only letters, digits and underscores, and not start with a digit");
        }
        checkVersion(doc, raw, y.get("require-dbt-version"));
        List<String> models = paths(doc, y, "model-paths", "source-paths", List.of("models"));
        List<String> seeds = paths(doc, y, "seed-paths", "data-paths", List.of("seeds"));
        List<String> macros = paths(doc, y, "macro-paths", null, List.of("macros"));
        List<String> analyses = paths(doc, y, "analysis-paths", null, List.of("analyses"));
        List<String> tests = paths(doc, y, "test-paths", null, List.of("tests"));
        List<String> snapshots = paths(doc, y, "snapshot-paths", null, List.of("snapshots"));
        java.util.LinkedHashSet<String> allResources = new java.util.LinkedHashSet<>();
        for (List<String> l : List.of(models, seeds, macros, analyses, tests, snapshots)) {
            allResources.addAll(l);
        }
        List<String> docs = paths(doc, y, "docs-paths", null, List.copyOf(allResources));
        String targetPath = inside(doc, y, "target-path", orDefault(Yaml.string(doc, y.get("target-path"), "target-path"),
                "target"));
        List<String> clean = y.containsKey("clean-targets") ? Yaml.strings(doc, y.get("clean-targets"), "clean-targets")
                : List.of(targetPath);
        String packages = inside(doc, y, "packages-install-path", orDefault(Yaml.string(doc,
                y.get("packages-install-path"), "packages-install-path"), "dbt_packages"));
        for (String tree : List.of("models", "seeds", "snapshots", "data_tests", "tests", "sources")) {
            checkConfigTypes(doc, y.get(tree));
        }
        return new ProjectConfig(dir, name, Yaml.string(doc, y.get("version"), "version"),
                Yaml.string(doc, y.get("profile"), "profile"), models, seeds, macros, analyses, tests, snapshots, docs,
                targetPath, clean, packages, Yaml.map(doc, y.get("vars"), "vars"),
                Yaml.map(doc, y.get("models"), "models"), Yaml.map(doc, y.get("seeds"), "seeds"),
                Yaml.map(doc, y.get("sources"), "sources"), hooks(doc, y.get("on-run-start")),
                hooks(doc, y.get("on-run-end")), Yaml.map(doc, y.get("quoting"), "quoting"), y.get("require-dbt-version"),
                // dbt 1.8 renamed the tests: config tree to data_tests:; both are read
                Yaml.map(doc, y.containsKey("data_tests") ? y.get("data_tests") : y.get("tests"), "data_tests"),
                Yaml.map(doc, y.get("snapshots"), "snapshots"), Yaml.map(doc, y.get("unit_tests"), "unit_tests"),
                dispatch(doc, y.get("dispatch")), doc);
    }

    /** {@code dispatch: [{macro_namespace: dbt_utils, search_order: [my_project, dbt_utils]}]}. */
    private static Map<String, List<String>> dispatch(YamlDoc doc, Object v) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Object entry : Yaml.list(doc, v, "dispatch in dbt_project.yml")) {
            Map<String, Object> m = Yaml.map(doc, entry, "a dispatch entry");
            String namespace = Yaml.string(doc, m.get("macro_namespace"), "macro_namespace");
            List<String> order = Yaml.strings(doc, m.get("search_order"), "search_order");
            if (namespace == null || order.isEmpty()) {
                throw SluiceException.user("project.dispatch", doc.locate(entry), "Cannot read dispatch in "
                        + "dbt_project.yml: each entry needs macro_namespace and a search_order list");
            }
            out.put(namespace, order);
        }
        return out;
    }

    /** A config tree's values of the configs that must be text (a list as materialized is a mistake, not a name). */
    private static void checkConfigTypes(YamlDoc doc, Object tree) {
        if (!(tree instanceof Map<?, ?> m)) {
            return;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            String bare = key.startsWith("+") ? key.substring(1) : key;
            Object v = e.getValue();
            boolean text = List.of("materialized", "schema", "database", "alias", "incremental_strategy",
                    "on_schema_change").contains(bare);
            if (text && v != null && !(v instanceof String)) {
                throw SluiceException.user("project.config_type", doc.locateKey(m, key), "Cannot read " + FILE + ": "
                        + key + " must be text, such as '" + (bare.equals("materialized") ? "table" : "name")
                        + "' (got " + v + ")");
            }
            if (!key.startsWith("+") && v instanceof Map<?, ?>) {
                checkConfigTypes(doc, v);
            }
        }
    }

    private static List<String> hooks(YamlDoc doc, Object v) {
        return Yaml.strings(doc, v, "on-run-start/on-run-end hooks");
    }

    private static String orDefault(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v;
    }

    private static List<String> paths(YamlDoc doc, Map<String, Object> y, String key, String legacyKey,
            List<String> fallback) {
        Object v = y.containsKey(key) ? y.get(key) : (legacyKey == null ? null : y.get(legacyKey));
        if (v == null) {
            return fallback;
        }
        List<String> paths = Yaml.strings(doc, v, key + " in dbt_project.yml");
        for (String p : paths) {
            Path normalized = Path.of(p).normalize();
            if (normalized.isAbsolute() || normalized.startsWith("..")) {
                throw SluiceException.user("project.path", doc.locate(v), "Cannot use " + key + " '" + p
                        + "': paths must stay inside the project directory");
            }
        }
        return paths;
    }

    /** A directory Sluice writes into (target-path, packages-install-path): it must stay inside the project. */
    private static String inside(YamlDoc doc, Map<String, Object> y, String key, String value) {
        Path normalized = Path.of(value).normalize();
        if (normalized.isAbsolute() || normalized.startsWith("..") || normalized.toString().isEmpty()) {
            dev.sluice.core.api.Location at = doc.locate(y.get(key));
            throw SluiceException.user("project.path", at.line() > 0 ? at : doc.locateKey(y, key), "Cannot use " + key + " '" + value
                    + "': Sluice writes only inside the project directory; use a path under it");
        }
        return value;
    }

    /** {@code require-dbt-version}: accepted when the dbt version Sluice follows satisfies it. */
    private static void checkVersion(YamlDoc doc, Map<String, Object> raw, Object spec) {
        if (spec == null) {
            return;
        }
        List<String> ranges = spec instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of(spec.toString());
        for (String range : ranges) {
            for (String part : range.split(",")) {
                if (!VersionRange.satisfies(Sluice.DBT_VERSION, part.trim())) {
                    throw SluiceException.user("project.version", doc.locateKey(raw, "require-dbt-version"),
                            "Cannot load the project: it requires dbt " + String.join(", ", ranges) + ", and Sluice "
                                    + Sluice.VERSION + " is compatible with dbt " + Sluice.DBT_VERSION);
                }
            }
        }
    }
}
