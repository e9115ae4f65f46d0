package dev.sluice.core.internal.context;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.model.MacroDef;
import dev.sluice.jinja.Environment;
import dev.sluice.jinja.MacroInfo;
import dev.sluice.jinja.Template;
import dev.sluice.jinja.TemplateSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every macro a project can call: Sluice's implementations of dbt's global macros (package
 * {@code dbt}), the installed packages' and the project's own. An unqualified name resolves as dbt
 * resolves it: from a node of the root project, the project's macro before dbt's; from a node of a
 * package, the package's own, then the root project's, then dbt's (except the
 * {@code generate_*_name} macros, where the root project's win for every package). Generic tests
 * ({@code test_*}) of every package are reachable from everywhere, as dbt finds them.
 */
public final class MacroRegistry {
    /** Sluice's own macro files, implementing dbt's global macros. */
    private static final List<String> BUILTIN = List.of("naming.sql", "tests.sql", "materializations.sql", "crossdb.sql");
    private static final String BUILTIN_DIR = "/dev/sluice/core/macros/";

    /** One macro and the file defining it. */
    public record Entry(MacroDef def, MacroFile file) {
        public String storedName() {
            return DbtEnvironment.MACRO_PREFIX + def.name();
        }
    }

    private final Map<String, Entry> byName;
    private final Map<String, Map<String, Entry>> byPackage;
    private final List<MacroFile> files;
    /** Unqualified names as seen from each installed package's nodes. */
    private final Map<String, Map<String, Entry>> views;

    private MacroRegistry(Map<String, Entry> byName, Map<String, Map<String, Entry>> byPackage, List<MacroFile> files,
            Map<String, Map<String, Entry>> views) {
        this.byName = byName;
        this.byPackage = byPackage;
        this.files = files;
        this.views = views;
    }

    /** A project macro file's path (relative to the project) and text. */
    public record Source(String path, String text) {
    }

    public static MacroRegistry load(String projectName, List<Source> projectFiles, Environment parseEnv,
            Environment runEnv) {
        return load(projectName, projectFiles, Map.of(), parseEnv, runEnv);
    }

    /** @param packages each installed package's macro files, by package name */
    public static MacroRegistry load(String projectName, List<Source> projectFiles, Map<String, List<Source>> packages,
            Environment parseEnv, Environment runEnv) {
        Map<String, Map<String, Entry>> byPackage = new LinkedHashMap<>();
        List<MacroFile> files = new ArrayList<>();
        for (String name : BUILTIN) {
            String path = "dbt/macros/" + name;
            add("dbt", path, readBuiltin(name), parseEnv, runEnv, byPackage, files);
        }
        for (Source s : projectFiles) {
            add(projectName, s.path(), s.text(), parseEnv, runEnv, byPackage, files);
        }
        packages.forEach((pkg, sources) -> {
            byPackage.computeIfAbsent(pkg, k -> new LinkedHashMap<>());
            sources.forEach(s -> add(pkg, s.path(), s.text(), parseEnv, runEnv, byPackage, files));
        });
        Map<String, Entry> byName = new LinkedHashMap<>();
        byPackage.getOrDefault("dbt", Map.of()).forEach(byName::put);
        // generic tests are found in every package, as dbt finds them: the project's, then a package's, then dbt's
        for (String pkg : packages.keySet()) {
            byPackage.get(pkg).forEach((name, e) -> {
                if (name.startsWith("test_") && (!byName.containsKey(name) || byName.get(name).def().packageName()
                        .equals("dbt"))) {
                    byName.put(name, e);
                }
            });
        }
        byPackage.getOrDefault(projectName, Map.of()).forEach(byName::put);
        Map<String, Map<String, Entry>> views = new LinkedHashMap<>();
        for (String pkg : packages.keySet()) {
            Map<String, Entry> view = new LinkedHashMap<>(byName);
            view.putAll(byPackage.get(pkg));
            byPackage.getOrDefault(projectName, Map.of()).forEach((name, e) -> {
                if (name.startsWith("generate_") && name.endsWith("_name")) {
                    view.put(name, e);
                }
            });
            views.put(pkg, Collections.unmodifiableMap(view));
        }
        Map<String, Map<String, Entry>> all = new LinkedHashMap<>();
        byPackage.forEach((k, v) -> all.put(k, Collections.unmodifiableMap(v)));
        return new MacroRegistry(Collections.unmodifiableMap(byName), Collections.unmodifiableMap(all),
                List.copyOf(files), Collections.unmodifiableMap(views));
    }

    private static void add(String pkg, String path, String text, Environment parseEnv, Environment runEnv,
            Map<String, Map<String, Entry>> byPackage, List<MacroFile> files) {
        Template parsed;
        try {
            parsed = parseEnv.parse(path, text);
        } catch (TemplateSyntaxException e) {
            throw SluiceException.user("macro.syntax", new Location(path, e.line(), e.column()),
                    "Cannot parse macro file: " + e.reason(), e);
        }
        MacroFile file = new MacroFile(path, pkg, text, parsed, parsed.withEnvironment(runEnv));
        files.add(file);
        Map<String, Entry> entries = byPackage.computeIfAbsent(pkg, k -> new LinkedHashMap<>());
        for (MacroInfo m : parsed.macros()) {
            String stored = m.name();
            if (!stored.startsWith(DbtEnvironment.MACRO_PREFIX)) {
                continue;
            }
            String name = stored.substring(DbtEnvironment.MACRO_PREFIX.length());
            Entry previous = entries.get(name);
            if (previous != null) {
                throw SluiceException.user("macro.duplicate", new Location(path, m.line(), 0),
                        "Cannot define macro '" + name + "' twice in package '" + pkg + "': it is also defined at "
                                + previous.def().originalFilePath() + ":" + previous.def().line());
            }
            MacroDef def = new MacroDef("macro." + pkg + "." + name, name, pkg, path, path, MacroSource.extract(text, m),
                    m.parameters(), "", List.of(), m.line(), System.currentTimeMillis() / 1000.0);
            entries.put(name, new Entry(def, file));
        }
    }

    private static String readBuiltin(String name) {
        try (InputStream in = MacroRegistry.class.getResourceAsStream(BUILTIN_DIR + name)) {
            if (in == null) {
                throw SluiceException.internal("Sluice's macro file " + name + " is missing from the classpath", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SluiceException.internal("Cannot read Sluice's macro file " + name, e);
        }
    }

    /** The macro {@code name} as an unqualified call finds it (the project's before dbt's), or null. */
    public Entry find(String name) {
        return byName.get(name);
    }

    /** The macro {@code name} as an unqualified call in a node of package {@code from} finds it, or null. */
    public Entry resolve(String from, String name) {
        return views.getOrDefault(from, byName).get(name);
    }

    /** Names an unqualified call in a node of package {@code from} can reach. */
    public java.util.Set<String> names(String from) {
        return views.getOrDefault(from, byName).keySet();
    }

    /** The packages with macros: dbt, the project and the installed packages. */
    public java.util.Set<String> packages() {
        return byPackage.keySet();
    }

    /** The macro {@code name} of package {@code pkg}, or null. */
    public Entry find(String pkg, String name) {
        Map<String, Entry> p = byPackage.get(pkg);
        return p == null ? null : p.get(name);
    }

    public boolean hasPackage(String pkg) {
        return byPackage.containsKey(pkg);
    }

    /** Every macro, project first, for the manifest. */
    public List<MacroDef> all() {
        List<MacroDef> out = new ArrayList<>();
        byPackage.values().forEach(m -> m.values().forEach(e -> out.add(e.def())));
        return out;
    }

    /** Names an unqualified call can reach. */
    public java.util.Set<String> names() {
        return byName.keySet();
    }

    public List<MacroFile> files() {
        return files;
    }
}
