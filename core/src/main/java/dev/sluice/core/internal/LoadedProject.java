package dev.sluice.core.internal;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.context.DbtEnvironment;
import dev.sluice.core.internal.deps.InstalledPackages;
import dev.sluice.core.internal.context.MacroRegistry;
import dev.sluice.core.internal.context.ProjectScope;
import dev.sluice.core.internal.graph.ModelGraph;
import dev.sluice.core.internal.export.ExportSpec;
import dev.sluice.core.internal.parse.ProjectParser;
import dev.sluice.core.internal.project.ProjectConfig;
import dev.sluice.core.internal.project.ProjectFile;
import dev.sluice.core.internal.project.ProjectFiles;
import dev.sluice.core.internal.project.Profiles;
import dev.sluice.core.internal.project.PropertyFiles;
import dev.sluice.core.internal.project.TemplateRenderer;
import dev.sluice.core.internal.project.Vars;
import dev.sluice.core.spi.AdapterFactory;
import dev.sluice.core.spi.TargetConfig;
import dev.sluice.jinja.Environment;
import dev.sluice.jinja.TemplateLoader;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;

/**
 * A project read from disk and parsed: settings, project file, target, adapter factory, the
 * render scope, the manifest and its graph. Immutable once built.
 */
public record LoadedProject(Settings settings, ProjectConfig project, Path profilesFile, TargetConfig target,
        AdapterFactory factory, ProjectScope scope, ProjectFiles files, ProjectParser.Parsed parsed, ModelGraph graph) {

    public static LoadedProject load(Settings settings) {
        Map<String, String> env = settings.environment();
        Environment runEnv = DbtEnvironment.create(TemplateLoader.none(), UndefinedPolicy.DEFAULT);
        Environment parseEnv = DbtEnvironment.create(TemplateLoader.none(), UndefinedPolicy.LENIENT);
        Vars cliOnly = Vars.of(Map.of(), Set.of(), settings.varsText(), settings.vars());
        TemplateRenderer bootstrap = new TemplateRenderer(runEnv, bootstrapContext(env, cliOnly));
        ProjectConfig project = ProjectFile.load(settings.projectDir(), bootstrap, settings.listener());
        List<ProjectConfig> packages = InstalledPackages.load(project, bootstrap, settings.listener());
        Set<String> names = new LinkedHashSet<>(List.of(project.name()));
        packages.forEach(p -> names.add(p.name()));
        Vars vars = Vars.of(project.vars(), names, settings.varsText(), settings.vars(), packageVars(packages));

        Path profilesFile = Profiles.locate(settings.profilesDir(), settings.projectDir(), env);
        String profileName = settings.profile() != null ? settings.profile() : project.profile();
        TargetConfig target;
        if (profilesFile == null) {
            target = Profiles.embeddedDefault(profileName == null ? project.name() : profileName);
            settings.listener().onEvent(new SluiceEvent.Message(SluiceEvent.Level.INFO, "No profiles.yml found: using "
                    + "an embedded PostgreSQL with its data in .sluice/postgres", null));
        } else {
            target = Profiles.read(profilesFile, profileName, settings.target(), bootstrap);
        }
        if (settings.threads() != null) {
            Map<String, Object> s = new LinkedHashMap<>(target.settings());
            s.put("threads", settings.threads());
            target = new TargetConfig(target.profile(), target.name(), target.type(), s, target.location());
        }
        AdapterFactory factory = factory(target);

        ProjectFiles files = ProjectFiles.scan(project);
        PropertyFiles.Properties props = PropertyFiles.read(files.properties(), settings.listener());
        List<ProjectParser.Unit> units = new ArrayList<>(List.of(new ProjectParser.Unit(project, files, props, "")));
        Map<String, List<MacroRegistry.Source>> packageMacros = new LinkedHashMap<>();
        for (ProjectConfig p : packages) {
            String prefix = InstalledPackages.shown(project, p.dir()) + "/";
            ProjectFiles pf = ProjectFiles.scan(p, prefix);
            units.add(new ProjectParser.Unit(p, pf, PropertyFiles.read(pf.properties(), settings.listener()), prefix));
            packageMacros.put(p.name(), macroSources(pf));
        }
        MacroRegistry macros = MacroRegistry.load(project.name(), macroSources(files), packageMacros, parseEnv, runEnv);
        ProjectScope scope = new ProjectScope(project, target, vars, env, macros, factory.dialect(), parseEnv, runEnv,
                UUID.randomUUID().toString(), Instant.now(), settings.listener(),
                new dev.sluice.core.internal.context.Invocation());
        target.settings().forEach((k, v) -> {
            if (TargetConfig.isSecret(k) && v != null) {
                scope.invocation().secret(String.valueOf(v));
            }
        });
        env.forEach((k, v) -> {
            if (k.startsWith("DBT_ENV_SECRET_")) {
                scope.invocation().secret(v);
            }
        });
        int threads = Math.max(target.threads(), Runtime.getRuntime().availableProcessors());
        ProjectParser.Parsed parsed = ProjectParser.parse(scope, units, threads);
        ModelGraph graph = ModelGraph.of(parsed.manifest());
        scope.invocation().graph(dev.sluice.core.internal.parse.GraphDicts.lazy(parsed.manifest()));
        ExportSpec.validateAll(parsed.manifest().nodes().values(), project.dir());
        return new LoadedProject(settings, project, profilesFile, target, factory, scope, files, parsed, graph);
    }

    /** Renders {@code env_var()} and command-line {@code var()} in dbt_project.yml, profiles.yml and packages.yml. */
    public static TemplateRenderer bootstrapRenderer(Settings settings) {
        Environment env = DbtEnvironment.create(TemplateLoader.none(), UndefinedPolicy.DEFAULT);
        Vars cli = Vars.of(Map.of(), Set.of(), settings.varsText(), settings.vars());
        return new TemplateRenderer(env, bootstrapContext(settings.environment(), cli));
    }

    /** The project's dbt_project.yml alone, for commands that need nothing else (deps, clean). */
    public static ProjectConfig projectFile(Settings settings) {
        return ProjectFile.load(settings.projectDir(), bootstrapRenderer(settings), settings.listener());
    }

    private static List<MacroRegistry.Source> macroSources(ProjectFiles files) {
        List<MacroRegistry.Source> out = new ArrayList<>();
        for (ProjectFiles.SourceFile f : files.macros()) {
            out.add(new MacroRegistry.Source(f.relative(), readText(f)));
        }
        return out;
    }

    /** Each package's own dbt_project.yml vars, visible to its code under the root project's. */
    private static Map<String, Map<String, Object>> packageVars(List<ProjectConfig> packages) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        packages.forEach(p -> out.put(p.name(), p.vars()));
        return out;
    }

    private static String readText(ProjectFiles.SourceFile f) {
        try {
            return java.nio.file.Files.readString(f.absolute(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw SluiceException.user("file.read", Location.of(f.relative()), "Cannot read " + f.relative() + ": "
                    + e.getMessage(), e);
        }
    }

    /** {@code env_var()} and {@code var()} (command-line vars only) for profiles.yml and dbt_project.yml. */
    private static Map<String, Object> bootstrapContext(Map<String, String> env, Vars cli) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("env_var", (JinjaCallable) (cc, args) -> {
            String name = String.valueOf(args.get(0));
            String v = env.get(name);
            if (v != null) {
                return v;
            }
            if (args.size() > 1) {
                return args.get(1) == null ? null : String.valueOf(args.get(1));
            }
            throw SluiceException.user("env_var.missing", new Location(cc.templateName(), cc.line(), 0),
                    "Cannot render: environment variable '" + name + "' is not set and env_var() was given no default");
        });
        m.put("var", (JinjaCallable) (cc, args) -> {
            String name = String.valueOf(args.get(0));
            Object v = cli.lookup(name, "");
            if (v != Vars.MISSING) {
                return v;
            }
            return args.size() > 1 ? args.get(1) : null;
        });
        return m;
    }

    static AdapterFactory factory(TargetConfig target) {
        List<String> available = new ArrayList<>();
        for (AdapterFactory f : ServiceLoader.load(AdapterFactory.class, LoadedProject.class.getClassLoader())) {
            if (f.type().equals(target.type())) {
                return f;
            }
            available.add(f.type());
        }
        throw SluiceException.user("adapter.unknown", target.location(), "Cannot use target '" + target.name()
                + "' of type '" + target.type() + "': no adapter for that type is installed (available: "
                + (available.isEmpty() ? "none" : String.join(", ", available)) + ")");
    }
}
