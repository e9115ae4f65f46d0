package dev.sluice.core.internal.parse;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.config.ConfigResolver;
import dev.sluice.core.internal.context.DbtRelation;
import dev.sluice.core.internal.context.Mode;
import dev.sluice.core.internal.context.NodeContext;
import dev.sluice.core.internal.context.ParseCapture;
import dev.sluice.core.internal.context.ProjectScope;
import dev.sluice.core.internal.model.Checksum;
import dev.sluice.core.internal.datatest.GenericTestSpec;
import dev.sluice.core.internal.datatest.GenericTests;
import dev.sluice.core.internal.model.ColumnDef;
import dev.sluice.core.internal.model.DocBlock;
import dev.sluice.core.internal.model.ExposureDef;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.NodeConfig;
import dev.sluice.core.internal.model.RefCall;
import dev.sluice.core.internal.model.SourceCall;
import dev.sluice.core.internal.model.SourceDef;
import dev.sluice.core.internal.model.TestMetadata;
import dev.sluice.core.internal.project.ProjectConfig;
import dev.sluice.core.internal.project.ProjectFiles;
import dev.sluice.core.internal.project.PropertyFiles;
import dev.sluice.core.internal.project.TemplateRenderer;
import dev.sluice.core.internal.seed.SeedFormat;
import dev.sluice.core.spi.Relation;
import dev.sluice.core.spi.RelationType;
import dev.sluice.jinja.Template;
import dev.sluice.jinja.TemplateSyntaxException;
import dev.sluice.jinja.spi.Arguments;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a project into a {@link Manifest}: every model and analysis is rendered once at parse
 * time (in parallel) to capture its refs, sources and {@code config()} calls; configs are
 * resolved with dbt's precedence; {@code generate_schema_name} and friends name each relation;
 * refs and sources are resolved to the graph's edges.
 */
public final class ProjectParser {
    /** dbt's configs of a data test when nothing sets them; failures, when kept, go to <schema>_dbt_test__audit. */
    static final Map<String, Object> TEST_DEFAULTS = testDefaults();

    private static final Pattern DOCS = Pattern.compile("\\{%-?\\s*docs\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*-?%\\}(.*?)\\{%-?\\s*enddocs\\s*-?%\\}",
            Pattern.DOTALL);

    private final ProjectScope scope;
    private final ProjectFiles files;
    private final PropertyFiles.Properties props;
    /** The project (root or installed package) this parser reads. */
    private final ProjectConfig config;
    private final String pkg;
    /** How this project's files are named from the root project ("" for the root). */
    private final String prefix;

    /**
     * One project to parse: the root project or an installed package, its files named from the
     * root project ({@code prefix} e.g. {@code dbt_packages/dbt_utils/}, "" for the root).
     */
    public record Unit(ProjectConfig config, ProjectFiles files, PropertyFiles.Properties props, String prefix) {
    }

    /** The parse result: the manifest and each node's parsed template (for compiling without parsing again). */
    public record Parsed(Manifest manifest, Map<String, Template> templates, List<String> disabled) {
    }

    private ProjectParser(ProjectScope scope, Unit unit) {
        this.scope = scope;
        this.files = unit.files();
        this.props = unit.props();
        this.config = unit.config();
        this.pkg = unit.config().name();
        this.prefix = unit.prefix();
        this.versionedFiles = ModelVersions.files(unit.props());
    }

    /** The SQL files of versioned models (by file stem): which model and version each is. */
    private final Map<String, ModelVersions.VersionedFile> versionedFiles;

    /** Parses the root project (first of {@code units}) with its installed packages. */
    public static Parsed parse(ProjectScope scope, List<Unit> units, int threads) {
        List<ProjectParser> parsers = units.stream().map(u -> new ProjectParser(scope, u)).toList();
        return parsers.get(0).run(parsers, Math.max(1, threads));
    }

    /**
     * The configs the root project's and this project's dbt_project.yml give a node: the
     * package's own first, the root project's over them (as dbt gives the root project the last word).
     */
    private Map<String, Object> projectConfigs(Function<ProjectConfig, Map<String, Object>> tree, List<String> fqn) {
        Map<String, Object> fromRoot = ConfigResolver.fromProjectTree(tree.apply(scope.project()), fqn);
        if (config == scope.project()) {
            return fromRoot;
        }
        return ConfigResolver.merge(ConfigResolver.fromProjectTree(tree.apply(config), fqn), fromRoot);
    }

    private record Draft(Node node, Template template, boolean enabled) {
    }

    /** The nodes of this project's SQL files and seeds, parsed on {@code pool}. */
    private List<Future<Draft>> submit(ExecutorService pool) {
        List<Future<Draft>> futures = new ArrayList<>();
        for (ProjectFiles.SourceFile f : files.models()) {
            futures.add(pool.submit(() -> parseSqlNode(f, ResourceType.MODEL, ProjectConfig::models)));
        }
        for (ProjectFiles.SourceFile f : files.analyses()) {
            futures.add(pool.submit(() -> parseSqlNode(f, ResourceType.ANALYSIS, p -> Map.of())));
        }
        for (ProjectFiles.SourceFile f : files.tests()) {
            futures.add(pool.submit(() -> parseSqlNode(f, ResourceType.TEST, ProjectConfig::dataTests)));
        }
        return futures;
    }

    private List<Draft> snapshotsAndSeeds() {
        List<Draft> drafts = new ArrayList<>();
        for (ProjectFiles.SourceFile f : files.snapshots()) {
            drafts.addAll(parseSnapshotFile(f));
        }
        drafts.addAll(yamlSnapshots());
        Set<String> csvStems = new HashSet<>();
        for (ProjectFiles.SourceFile f : files.seeds()) {
            if (SeedFormat.of(f.absolute()) == SeedFormat.CSV) {
                csvStems.add(f.stem());
            }
        }
        for (ProjectFiles.SourceFile f : files.seeds()) {
            drafts.add(seed(f, seedName(f, csvStems)));
        }
        return drafts;
    }

    private Parsed run(List<ProjectParser> parsers, int threads) {
        String project = scope.projectName();
        List<Draft> drafts = new ArrayList<>();
        int sqlFiles = parsers.stream().mapToInt(p -> p.files.models().size() + p.files.analyses().size()).sum();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, sqlFiles)));
        try {
            for (ProjectParser p : parsers) {
                List<Future<Draft>> futures = p.submit(pool);
                for (Future<Draft> fu : futures) {
                    drafts.add(get(fu));
                }
                drafts.addAll(p.snapshotsAndSeeds());
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, Template> templates = new LinkedHashMap<>();
        List<String> disabled = new ArrayList<>();
        // refable nodes by package, then by name; byName: what a plain name means in the root project
        Map<String, Map<String, Node>> byPackage = new LinkedHashMap<>();
        parsers.forEach(p -> byPackage.put(p.pkg, new LinkedHashMap<>()));
        Map<String, Node> byName = new LinkedHashMap<>();
        // versioned models: package.name -> version -> node (byPackage holds each one's latest version)
        Map<String, Map<String, Node>> versions = new LinkedHashMap<>();
        for (Draft d : drafts) {
            Node n = d.node();
            if (!d.enabled()) {
                disabled.add(n.uniqueId());
                continue;
            }
            if (n.version() != null) {
                versions.computeIfAbsent(n.packageName() + "." + n.name(), k -> new LinkedHashMap<>()).put(n.version(), n);
                if (!n.versioning().isLatest()) {
                    nodes.put(n.uniqueId(), n);
                    if (d.template() != null) {
                        templates.put(n.uniqueId(), d.template());
                    }
                    continue;
                }
            }
            if (n.resourceType() != ResourceType.ANALYSIS && n.resourceType() != ResourceType.TEST) {
                Node other = byPackage.get(n.packageName()).get(n.name());
                if (other != null) {
                    throw SluiceException.user("node.duplicate", Location.of(n.originalFilePath()), "Cannot have two "
                            + "resources named '" + n.name() + "': " + other.originalFilePath() + " and "
                            + n.originalFilePath() + " (rename one of them, or disable one with enabled: false)");
                }
                byPackage.get(n.packageName()).put(n.name(), n);
                byName.putIfAbsent(n.name(), n);
            }
            nodes.put(n.uniqueId(), n);
            if (d.template() != null) {
                templates.put(n.uniqueId(), d.template());
            }
        }
        Map<String, DocBlock> docs = new LinkedHashMap<>();
        parsers.forEach(p -> docs.putAll(p.docs()));
        Descriptions descriptions = new Descriptions(scope, docs);
        Map<String, SourceDef> sources = new LinkedHashMap<>();
        for (ProjectParser p : parsers) {
            p.sources().forEach((id, s) -> sources.put(id, descriptions.source(s)));
        }
        List<Draft> tests = new ArrayList<>();
        for (ProjectParser p : parsers) {
            tests.addAll(p.genericTests(byPackage.get(p.pkg), sources));
        }
        for (Draft d : tests) {
            Node n = d.node();
            if (!d.enabled()) {
                disabled.add(n.uniqueId());
                continue;
            }
            Node same = nodes.get(n.uniqueId());
            if (same != null) {
                throw SluiceException.user("test.duplicate", Location.of(n.originalFilePath()), "Cannot have two tests "
                        + "named '" + n.name() + "' with the same arguments (" + same.originalFilePath() + " and "
                        + n.originalFilePath() + "): remove one, or give one a distinct name:");
            }
            nodes.put(n.uniqueId(), n);
            templates.put(n.uniqueId(), d.template());
        }
        nodes.replaceAll((id, n) -> descriptions.node(n));
        for (ProjectParser p : parsers) {
            ModelVersions.check(p.versionedFiles, versions, p.pkg, p.props);
        }
        Refs refs = new Refs(byPackage, sources, project, versions);
        for (Node n : nodes.values()) {
            ModelContracts.checkTargets(n, refs);
        }
        Map<String, Node> resolved = refs.resolve(nodes);
        Map<String, List<String>> parentMap = new LinkedHashMap<>();
        Map<String, List<String>> childMap = new LinkedHashMap<>();
        for (String id : resolved.keySet()) {
            parentMap.put(id, new ArrayList<>());
            childMap.put(id, new ArrayList<>());
        }
        for (String id : sources.keySet()) {
            parentMap.put(id, new ArrayList<>());
            childMap.put(id, new ArrayList<>());
        }
        for (Node n : resolved.values()) {
            for (String parent : n.dependsOnNodes()) {
                parentMap.get(n.uniqueId()).add(parent);
                childMap.get(parent).add(n.uniqueId());
            }
        }
        for (ProjectParser p : parsers) {
            Map<String, Node> own = byPackage.get(p.pkg);
            Unmatched.properties(p.props.models(), "model", ResourceType.MODEL, p.pkg, own, nodes.values(), disabled,
                    scope.listener());
            Unmatched.properties(p.props.seeds(), "seed", ResourceType.SEED, p.pkg, own, nodes.values(), disabled,
                    scope.listener());
            Unmatched.properties(p.props.snapshots(), "snapshot", ResourceType.SNAPSHOT, p.pkg, own, nodes.values(),
                    disabled, scope.listener());
        }
        ProjectConfig root = parsers.get(0).config;
        Unmatched.configPaths("models", root.models(), Set.of(ResourceType.MODEL), nodes.values(), root, scope.listener());
        Unmatched.configPaths("seeds", root.seeds(), Set.of(ResourceType.SEED), nodes.values(), root, scope.listener());
        Unmatched.configPaths("snapshots", root.snapshots(), Set.of(ResourceType.SNAPSHOT), nodes.values(), root,
                scope.listener());
        Map<String, ExposureDef> exposures = exposures(byName, sources, descriptions);
        for (ExposureDef e : exposures.values()) {
            parentMap.put(e.uniqueId(), new ArrayList<>(e.dependsOnNodes()));
            childMap.put(e.uniqueId(), new ArrayList<>());
            for (String parent : e.dependsOnNodes()) {
                childMap.get(parent).add(e.uniqueId());
            }
        }
        Map<String, dev.sluice.core.internal.model.UnitTestDef> unitTests = new UnitTests(scope.project(), resolved, byName,
                sources, disabled).resolve(props.unitTests());
        for (dev.sluice.core.internal.model.UnitTestDef u : unitTests.values()) {
            parentMap.put(u.node().uniqueId(), new ArrayList<>(List.of(u.model())));
            childMap.put(u.node().uniqueId(), new ArrayList<>());
            childMap.get(u.model()).add(u.node().uniqueId());
        }
        Map<String, dev.sluice.core.internal.model.MacroDef> macros = new LinkedHashMap<>();
        for (dev.sluice.core.internal.model.MacroDef m : scope.macros().all()) {
            macros.put(m.uniqueId(), m);
        }
        Manifest manifest = new Manifest(project, resolved, sources, macros, docs, parentMap, childMap, exposures,
                unitTests);
        return new Parsed(manifest, templates, disabled);
    }

    private static Map<String, Object> testDefaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("materialized", "test");
        m.put("schema", "dbt_test__audit");
        m.put("severity", "ERROR");
        m.put("fail_calc", "count(*)");
        m.put("warn_if", "!= 0");
        m.put("error_if", "!= 0");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Draft get(Future<Draft> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw SluiceException.internal("parsing failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SluiceException.internal("parsing was interrupted", e);
        }
    }

    private Draft parseSqlNode(ProjectFiles.SourceFile f, ResourceType type,
            Function<ProjectConfig, Map<String, Object>> tree) {
        return parseSql(f, type, tree, f.stem(), read(f));
    }

    private static final Pattern SNAPSHOT_BLOCK = Pattern.compile(
            "\\{%-?\\s*snapshot\\s+(\\w+)\\s*-?%\\}(.*?)\\{%-?\\s*endsnapshot\\s*-?%\\}", Pattern.DOTALL);

    /** The {@code {% snapshot name %}...{% endsnapshot %}} blocks of a file under snapshot-paths, a node each. */
    private List<Draft> parseSnapshotFile(ProjectFiles.SourceFile f) {
        String text = read(f);
        List<Draft> out = new ArrayList<>();
        Matcher m = SNAPSHOT_BLOCK.matcher(text);
        while (m.find()) {
            // the body keeps its place in the file, so errors name the file's own line numbers
            int before = (int) text.substring(0, m.start(2)).chars().filter(ch -> ch == '\n').count();
            out.add(parseSql(f, ResourceType.SNAPSHOT, ProjectConfig::snapshots, m.group(1),
                    "\n".repeat(before) + m.group(2)));
        }
        if (out.isEmpty() && !text.isBlank()) {
            throw SluiceException.user("snapshot.block", Location.of(f.relative()), "Cannot read " + f.relative()
                    + ": files under snapshot-paths hold {% snapshot name %} ... {% endsnapshot %} blocks");
        }
        return out;
    }

    /** dbt 1.9's YAML snapshots: {@code snapshots:} entries with a {@code relation:}, selecting all of it. */
    private List<Draft> yamlSnapshots() {
        List<Draft> out = new ArrayList<>();
        for (PropertyFiles.Patch p : props.snapshots().values()) {
            Object relation = p.raw().get("relation");
            if (relation == null) {
                continue; // a patch for a snapshot defined in SQL
            }
            String file = p.file();
            ProjectFiles.SourceFile f = new ProjectFiles.SourceFile(scope.project().dir().resolve(file), file,
                    file.substring(file.indexOf('/', prefix.length()) + 1));
            String rel = String.valueOf(relation).strip();
            String body = "select * from " + (rel.startsWith("{{") ? rel : "{{ " + rel + " }}");
            out.add(parseSql(f, ResourceType.SNAPSHOT, ProjectConfig::snapshots, p.name(), body));
        }
        return out;
    }

    private Draft parseSql(ProjectFiles.SourceFile f, ResourceType type, Function<ProjectConfig, Map<String, Object>> tree,
            String name, String text) {
        String project = pkg;
        ModelVersions.VersionedFile versioned = type == ResourceType.MODEL ? versionedFiles.get(name) : null;
        Node.Versioning versioning = null;
        if (versioned != null) {
            name = versioned.model();
            versioning = new Node.Versioning(versioned.version(), versioned.latest());
        }
        List<String> fqn = fqn(f, name);
        String uid = type.dbtName() + "." + project + "." + name;
        if (versioning != null) {
            fqn = new ArrayList<>(fqn);
            fqn.add("v" + versioning.version());
            uid = uid + ".v" + versioning.version();
        }
        Template template;
        try {
            template = scope.runEnv().parse(f.relative(), text);
        } catch (TemplateSyntaxException e) {
            throw SluiceException.user("jinja.syntax", new Location(f.relative(), e.line(), e.column()),
                    "Cannot parse " + f.relative() + ": " + e.reason(), e);
        }
        PropertyFiles.Patch patch = type == ResourceType.MODEL ? props.models().get(name)
                : type == ResourceType.SNAPSHOT ? props.snapshots().get(name) : null;
        Map<String, Object> config = baseConfig(tree, fqn, patch, uid, f, type, text);
        if (versioned != null) {
            config = ConfigResolver.merge(config, ConfigResolver.normalize(versioned.config()));
        }
        ParseCapture capture = new ParseCapture();
        Map<String, Object> dict = NodeDicts.draft(uid, type.dbtName(), project, name, f.resourcePath(), f.relative(),
                fqn, config, text, patch == null ? "" : patch.description(), scope.target().schema(), scope.database());
        if (versioning != null) {
            dict.put("version", versioning.version());
            dict.put("latest_version", versioning.latestVersion());
        }
        DbtRelation self = new DbtRelation(Relation.of(scope.database(), scope.target().schema(), name,
                RelationType.UNKNOWN), scope.dialect());
        new NodeContext(scope, Mode.PARSE, project, f.relative(), dict, self, null, capture).render(template);
        config = ConfigResolver.merge(config, capture.config());
        boolean enabled = new NodeConfig(config).enabled();
        Node n = finish(uid, type, name, f, fqn, text, config, capture, patch, versioning);
        if (type == ResourceType.MODEL) {
            n = ModelContracts.prepare(n, patch, yamlRenderer(n, f), enabled, scope.listener());
        }
        return new Draft(n, template, enabled);
    }

    /** Renders Jinja in a model's property-file values (constraint expressions) as dbt renders YAML. */
    private java.util.function.UnaryOperator<String> yamlRenderer(Node n, ProjectFiles.SourceFile f) {
        return text -> {
            if (!text.contains("{{") && !text.contains("{%")) {
                return text;
            }
            Map<String, Object> dict = NodeDicts.draft(n.uniqueId(), n.resourceType().dbtName(), pkg,
                    n.name(), f.resourcePath(), f.relative(), n.fqn(), n.config().values(), n.rawCode(), "",
                    scope.target().schema(), scope.database());
            NodeContext ctx = new NodeContext(scope, Mode.NAMING, pkg, f.relative(), dict, null, null,
                    null);
            String file = n.patchPath() == null ? f.relative() : n.patchPath().substring(n.patchPath().indexOf("://") + 3);
            return String.valueOf(new TemplateRenderer(scope.runEnv(), ctx.variables()).render(text, Location.of(file)));
        };
    }

    /**
     * A seed is named after its file's stem; a JSON seed whose stem a CSV seed already has is named
     * {@code <stem>_<extension>} instead (pubmed.csv and pubmed.json become pubmed and pubmed_json).
     */
    static String seedName(ProjectFiles.SourceFile f, Set<String> csvStems) {
        if (SeedFormat.of(f.absolute()) == SeedFormat.CSV || !csvStems.contains(f.stem())) {
            return f.stem();
        }
        String file = f.absolute().getFileName().toString();
        return f.stem() + "_" + file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private Draft seed(ProjectFiles.SourceFile f, String name) {
        String project = pkg;
        List<String> fqn = fqn(f, name);
        String uid = "seed." + project + "." + name;
        PropertyFiles.Patch patch = props.seeds().get(name);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("materialized", "seed");
        config.put("delimiter", ",");
        config = ConfigResolver.merge(config, baseConfig(ProjectConfig::seeds, fqn, patch, uid, f, ResourceType.SEED, ""));
        Checksum checksum = checksumOfFile(f);
        Node n = finish(uid, ResourceType.SEED, name, f, fqn, "", config, new ParseCapture(), patch);
        n = new Node(n.uniqueId(), n.resourceType(), n.packageName(), n.name(), n.path(), n.originalFilePath(), "",
                "sql", n.fqn(), checksum, n.config(), n.configCallDict(), n.description(), n.columns(), n.meta(),
                n.tags(), n.refs(), n.sources(), n.dependsOnNodes(), n.dependsOnMacros(), n.database(), n.schema(),
                n.alias(), n.relationName(), n.patchPath(), n.createdAt(), null);
        return new Draft(n, null, n.config().enabled());
    }

    private Map<String, Object> baseConfig(Function<ProjectConfig, Map<String, Object>> tree, List<String> fqn,
            PropertyFiles.Patch patch,
            String uid, ProjectFiles.SourceFile f, ResourceType type, String text) {
        Map<String, Object> config = new LinkedHashMap<>();
        if (type == ResourceType.MODEL) {
            config.put("materialized", "view");
        } else if (type == ResourceType.SNAPSHOT) {
            config.put("materialized", "snapshot");
        } else if (type == ResourceType.TEST) {
            config.putAll(TEST_DEFAULTS);
        }
        config = ConfigResolver.merge(config, projectConfigs(tree, fqn));
        if (patch != null) {
            config = ConfigResolver.merge(config, ConfigResolver.normalize(patch.config()));
        }
        return renderConfig(config, uid, f, type, fqn, text);
    }

    /** Renders Jinja inside config values (not hooks, which render when they run). */
    private Map<String, Object> renderConfig(Map<String, Object> config, String uid, ProjectFiles.SourceFile f,
            ResourceType type, List<String> fqn, String text) {
        boolean any = config.entrySet().stream().anyMatch(e -> !e.getKey().endsWith("-hook") && hasJinja(e.getValue()));
        if (!any) {
            return config;
        }
        Map<String, Object> dict = NodeDicts.draft(uid, type.dbtName(), pkg, fqn.get(fqn.size() - 1), f.resourcePath(),
                f.relative(), fqn, config, text, "", scope.target().schema(), scope.database());
        NodeContext ctx = new NodeContext(scope, Mode.NAMING, pkg, "dbt_project.yml", dict, null, null, null);
        TemplateRenderer r = new TemplateRenderer(scope.runEnv(), ctx.variables());
        Map<String, Object> out = new LinkedHashMap<>();
        config.forEach((k, v) -> out.put(k, k.endsWith("-hook") ? v : r.renderValue(v, Location.of("dbt_project.yml"))));
        return out;
    }

    private static boolean hasJinja(Object v) {
        if (v instanceof String s) {
            return s.contains("{{") || s.contains("{%");
        }
        if (v instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(ProjectParser::hasJinja);
        }
        if (v instanceof List<?> l) {
            return l.stream().anyMatch(ProjectParser::hasJinja);
        }
        return false;
    }

    /** The parsed node, named by the project's naming macros. */
    private Node finish(String uid, ResourceType type, String name, ProjectFiles.SourceFile f, List<String> fqn,
            String text, Map<String, Object> config, ParseCapture capture, PropertyFiles.Patch patch) {
        return finish(uid, type, name, f, fqn, text, config, capture, patch, null);
    }

    private Node finish(String uid, ResourceType type, String name, ProjectFiles.SourceFile f, List<String> fqn,
            String text, Map<String, Object> config, ParseCapture capture, PropertyFiles.Patch patch,
            Node.Versioning versioning) {
        NodeConfig cfg = new NodeConfig(config);
        Map<String, Object> dict = NodeDicts.draft(uid, type.dbtName(), pkg, name, f.resourcePath(),
                f.relative(), fqn, config, text, patch == null ? "" : patch.description(), scope.target().schema(),
                scope.database());
        if (versioning != null) {
            dict.put("version", versioning.version()); // generate_alias_name names it <name>_v<version>
            dict.put("latest_version", versioning.latestVersion());
        }
        NodeContext naming = new NodeContext(scope, Mode.NAMING, pkg, f.relative(), dict, null, null, null);
        // a snapshot's target_schema / target_database (dbt's legacy configs) are used as written
        String targetSchema = type == ResourceType.SNAPSHOT ? cfg.string("target_schema", null) : null;
        String targetDatabase = type == ResourceType.SNAPSHOT ? cfg.string("target_database", null) : null;
        String schema = targetSchema != null ? targetSchema : name(naming, "generate_schema_name", cfg.schema(), dict, f);
        String alias = name(naming, "generate_alias_name", cfg.alias(), dict, f);
        String database = targetDatabase != null ? targetDatabase
                : name(naming, "generate_database_name", cfg.database(), dict, f);
        boolean ephemeral = type == ResourceType.MODEL && "ephemeral".equals(cfg.materialized());
        boolean noRelation = type == ResourceType.TEST && !Boolean.TRUE.equals(config.get("store_failures"));
        String relationName = ephemeral || noRelation || type == ResourceType.ANALYSIS ? null
                : scope.dialect().render(Relation.of(database, schema, alias, RelationType.UNKNOWN));
        return new Node(uid, type, pkg, name, f.resourcePath(), f.relative(), text, "sql", fqn,
                Checksum.sha256(text), cfg, capture.config(), patch == null ? "" : patch.description(),
                patch == null ? Map.of() : patch.columns(), asMap(config.get("meta")), ConfigResolver.tags(config.get("tags")),
                capture.refs(), capture.sources(), List.of(), capture.macros(), database, schema, alias, relationName,
                patch == null ? null : pkg + "://" + patch.file(), System.currentTimeMillis() / 1000.0, null, List.of(),
                versioning);
    }

    private String name(NodeContext naming, String macro, String custom, Map<String, Object> dict,
            ProjectFiles.SourceFile f) {
        Object v = naming.callMacro(macro, Arguments.of(custom, dict));
        String s = v == null ? "" : dev.sluice.jinja.spi.Undefined.class.isInstance(v) ? "" : String.valueOf(v).strip();
        if (s.isEmpty() && !macro.equals("generate_database_name")) {
            throw SluiceException.user("naming.empty", Location.of(f.relative()), "Cannot name " + f.relative() + ": "
                    + macro + " returned an empty name");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object v) {
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private List<String> fqn(ProjectFiles.SourceFile f, String name) {
        List<String> fqn = new ArrayList<>();
        fqn.add(pkg);
        fqn.addAll(f.folders());
        fqn.add(name);
        return fqn;
    }

    static String read(ProjectFiles.SourceFile f) {
        return dev.sluice.core.internal.io.TextFiles.readUtf8(f.absolute(), f.relative(), "file.read");
    }

    private static Checksum checksumOfFile(ProjectFiles.SourceFile f) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f.absolute()));
            return new Checksum("sha256", java.util.HexFormat.of().formatHex(d));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw SluiceException.user("file.read", Location.of(f.relative()), "Cannot read " + f.relative() + ": "
                    + e.getMessage(), e);
        }
    }

    private Map<String, SourceDef> sources() {
        Map<String, SourceDef> out = new LinkedHashMap<>();
        String project = pkg;
        TemplateRenderer renderer = null;
        for (PropertyFiles.SourceSpec s : props.sources()) {
            if (renderer == null) {
                NodeContext ctx = new NodeContext(scope, Mode.NAMING, project, s.file(), Map.of(), null, null, null);
                renderer = new TemplateRenderer(scope.runEnv(), ctx.variables());
            }
            List<String> fqn = List.of(project, s.sourceName(), s.tableName());
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("enabled", true);
            Map<String, Object> fromProject = projectConfigs(ProjectConfig::sources, fqn);
            config = ConfigResolver.merge(config, fromProject);
            config = ConfigResolver.merge(config, ConfigResolver.normalize(s.sourceConfig()));
            config = ConfigResolver.merge(config, ConfigResolver.normalize(s.tableConfig()));
            NodeConfig cfg = new NodeConfig(config);
            if (!cfg.enabled()) {
                continue;
            }
            String database = s.database() != null ? text(renderer, s.database(), s) : scope.database();
            String schema = s.schema() != null ? text(renderer, s.schema(), s) : s.sourceName();
            String identifier = s.identifier() != null ? text(renderer, s.identifier(), s) : s.tableName();
            String uid = "source." + project + "." + s.sourceName() + "." + s.tableName();
            TemplateRenderer r = renderer;
            SourceFreshnessSettings freshness = SourceFreshnessSettings.resolve(fromProject, s.freshness(),
                    "source table '" + s.sourceName() + "." + s.tableName() + "'",
                    v -> v.contains("{{") || v.contains("{%") ? text(r, v, s) : v);
            out.put(uid, new SourceDef(uid, project, s.sourceName(), s.tableName(), s.file(), s.file(), fqn, database,
                    schema, identifier, s.loader() == null ? "" : s.loader(), s.description(), s.sourceDescription(),
                    s.columns(), s.meta(), s.sourceMeta(), s.tags(), cfg,
                    scope.dialect().render(Relation.of(database, schema, identifier, RelationType.TABLE)),
                    s.location().line(), System.currentTimeMillis() / 1000.0, freshness.freshness(),
                    freshness.loadedAtField(), freshness.loadedAtQuery()));
        }
        return out;
    }

    private static final Pattern EXPOSURE_REF = Pattern.compile(
            "^\\s*(?:\\{\\{\\s*)?ref\\(\\s*(['\"])([^'\"]+)\\1\\s*(?:,\\s*(['\"])([^'\"]+)\\3\\s*)?\\)\\s*(?:\\}\\})?\\s*$");
    private static final Pattern EXPOSURE_SOURCE = Pattern.compile(
            "^\\s*(?:\\{\\{\\s*)?source\\(\\s*(['\"])([^'\"]+)\\1\\s*,\\s*(['\"])([^'\"]+)\\3\\s*\\)\\s*(?:\\}\\})?\\s*$");

    /** Exposures with their {@code depends_on} resolved to unique ids; an unknown ref or source is an error. */
    private Map<String, ExposureDef> exposures(Map<String, Node> byName, Map<String, SourceDef> sources,
            Descriptions descriptions) {
        Map<String, ExposureDef> out = new LinkedHashMap<>();
        String project = scope.projectName();
        for (PropertyFiles.ExposureSpec e : props.exposures()) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("enabled", true);
            config = ConfigResolver.merge(config, ConfigResolver.normalize(e.config()));
            NodeConfig cfg = new NodeConfig(config);
            if (!cfg.enabled()) {
                continue;
            }
            List<String> depends = new ArrayList<>();
            List<List<String>> refs = new ArrayList<>();
            List<List<String>> sourceCalls = new ArrayList<>();
            for (String dep : e.dependsOn()) {
                Matcher ref = EXPOSURE_REF.matcher(dep);
                Matcher src = EXPOSURE_SOURCE.matcher(dep);
                String id;
                if (ref.matches()) {
                    String name = ref.group(4) != null ? ref.group(4) : ref.group(2);
                    Node n = byName.get(name);
                    if (n == null || (ref.group(4) != null && !ref.group(2).equals(n.packageName()))) {
                        throw SluiceException.user("exposure.ref", e.location(), "Cannot resolve " + dep.strip()
                                + " in exposure " + e.name() + ": no model, seed or snapshot named '" + name + "' exists"
                                + Suggestions.didYouMean(name, byName.keySet()));
                    }
                    id = n.uniqueId();
                    refs.add(ref.group(4) != null ? List.of(ref.group(2), name) : List.of(name));
                } else if (src.matches()) {
                    id = "source." + project + "." + src.group(2) + "." + src.group(4);
                    if (!sources.containsKey(id)) {
                        throw SluiceException.user("exposure.source", e.location(), "Cannot resolve " + dep.strip()
                                + " in exposure " + e.name() + ": no source table '" + src.group(2) + "." + src.group(4)
                                + "' is declared");
                    }
                    sourceCalls.add(List.of(src.group(2), src.group(4)));
                } else {
                    throw SluiceException.user("exposure.depends_on", e.location(), "Cannot read depends_on of exposure "
                            + e.name() + ": '" + dep + "' is neither ref('name') nor source('source', 'table')");
                }
                if (!depends.contains(id)) {
                    depends.add(id);
                }
            }
            String uid = "exposure." + project + "." + e.name();
            out.put(uid, new ExposureDef(uid, project, e.name(), e.file(), e.file(), List.of(project, e.name()), e.type(),
                    e.ownerName(), e.ownerEmail(), descriptions.render(e.description(), project, e.file()), e.label(),
                    e.url(), e.maturity(), e.tags(), e.meta(), cfg, depends, refs, sourceCalls,
                    System.currentTimeMillis() / 1000.0));
        }
        return out;
    }

    /**
     * The generic data tests the property files declare on models, seeds and sources (and their
     * columns), as dbt names and identifies them; tests of disabled or missing nodes are dropped.
     */
    private List<Draft> genericTests(Map<String, Node> byName, Map<String, SourceDef> sources) {
        List<Draft> out = new ArrayList<>();
        for (PropertyFiles.Patch p : props.models().values()) {
            Node target = byName.get(p.name());
            if (target != null && target.resourceType() == ResourceType.MODEL) {
                testsOf(p.tests(), p.columns(), "model", p.name(), null, target.uniqueId(), p.file(), p.location(), p.doc(),
                        out);
            }
        }
        for (PropertyFiles.Patch p : props.seeds().values()) {
            Node target = byName.get(p.name());
            if (target != null && target.resourceType() == ResourceType.SEED) {
                testsOf(p.tests(), p.columns(), "seed", p.name(), null, target.uniqueId(), p.file(), p.location(), p.doc(),
                        out);
            }
        }
        for (PropertyFiles.Patch p : props.snapshots().values()) {
            Node target = byName.get(p.name());
            if (target != null && target.resourceType() == ResourceType.SNAPSHOT) {
                testsOf(p.tests(), p.columns(), "snapshot", p.name(), null, target.uniqueId(), p.file(), p.location(),
                        p.doc(), out);
            }
        }
        for (PropertyFiles.SourceSpec s : props.sources()) {
            String id = "source." + pkg + "." + s.sourceName() + "." + s.tableName();
            if (sources.containsKey(id)) {
                testsOf(s.tests(), s.columns(), "source", s.sourceName(), s.tableName(), id, s.file(), s.location(),
                        s.doc(), out);
            }
        }
        return out;
    }

    private void testsOf(List<Object> tableTests, Map<String, ColumnDef> columns, String kind, String name, String table,
            String attached, String file, Location where, dev.sluice.core.internal.yaml.YamlDoc doc, List<Draft> out) {
        for (Object entry : tableTests) {
            Location at = at(doc, entry, where);
            out.add(genericTest(GenericTests.read(entry, kind, name, table, null, at), attached, file, List.of(), at));
        }
        for (ColumnDef c : columns.values()) {
            for (Object entry : c.tests()) {
                Location at = at(doc, entry, where);
                out.add(genericTest(GenericTests.read(entry, kind, name, table, c.name(), at), attached, file,
                        c.tags(), at));
            }
        }
    }

    /** Where a test entry is written in its property file, else where its resource's entry is. */
    private static Location at(dev.sluice.core.internal.yaml.YamlDoc doc, Object entry, Location fallback) {
        if (doc == null) {
            return fallback;
        }
        Location l = doc.locate(entry);
        return l.line() > 0 ? l : fallback;
    }

    private Draft genericTest(GenericTestSpec spec, String attached, String file, List<String> columnTags, Location at) {
        String macro = "test_" + spec.testName();
        boolean known = spec.namespace() != null ? scope.macros().find(spec.namespace(), macro) != null
                : scope.macros().resolve(pkg, macro) != null
                        || scope.macros().packages().stream().anyMatch(p -> scope.macros().find(p, macro) != null);
        if (!known) {
            throw SluiceException.user("test.unknown", at, "Cannot find the generic test '" + (spec.namespace() == null
                    ? "" : spec.namespace() + ".") + spec.testName() + "' used in " + file + ": no macro test_"
                    + spec.testName() + " exists; define it with {% test " + spec.testName() + "(model, column_name) %}"
                    + " in macros/ or tests/generic/, or install the package that has it");
        }
        String project = pkg;
        String uid = GenericTests.uniqueId(project, spec);
        String raw = GenericTests.rawCode(spec);
        String own = file.startsWith(prefix) ? file.substring(prefix.length()) : file;
        int slash = own.indexOf('/');
        List<String> fqn = new ArrayList<>();
        fqn.add(project);
        String[] folders = (slash < 0 ? "" : own.substring(slash + 1)).split("/");
        fqn.addAll(List.of(folders).subList(0, Math.max(0, folders.length - 1)));
        fqn.add(spec.name());
        Map<String, Object> config = new LinkedHashMap<>(TEST_DEFAULTS);
        config = ConfigResolver.merge(config, projectConfigs(ProjectConfig::dataTests, fqn));
        config = ConfigResolver.merge(config, ConfigResolver.normalize(spec.config()));
        ProjectFiles.SourceFile f = new ProjectFiles.SourceFile(scope.project().dir().resolve(file), file, spec.path());
        config = renderConfig(config, uid, f, ResourceType.TEST, fqn, raw);
        List<String> tags = GenericTests.nodeTags(spec, columnTags);
        config.put("tags", ConfigResolver.tags(config.get("tags")).isEmpty() ? tags
                : merged(tags, ConfigResolver.tags(config.get("tags"))));
        Node n = finish(uid, ResourceType.TEST, spec.name(), f, fqn, raw, config, new ParseCapture(), null);
        List<RefCall> refs = new ArrayList<>();
        List<SourceCall> sourceCalls = new ArrayList<>();
        if (attached.startsWith("source.")) {
            String[] parts = attached.split("\\."); // source.<project>.<source>.<table>
            sourceCalls.add(new SourceCall(parts[2], parts[3], 0));
        } else {
            refs.add(new RefCall(null, attached.substring(attached.lastIndexOf('.') + 1), null, 0));
        }
        collectCalls(spec.kwargs().values(), refs, sourceCalls, at.line());
        Template template;
        try {
            template = scope.runEnv().parse(file, raw);
        } catch (TemplateSyntaxException e) {
            throw SluiceException.internal("generic test code does not parse: " + raw, e);
        }
        Node test = new Node(n.uniqueId(), n.resourceType(), n.packageName(), n.name(), n.path(), n.originalFilePath(),
                n.rawCode(), n.language(), n.fqn(), n.checksum(), n.config(), n.configCallDict(), spec.description(),
                Map.of(), n.meta(), n.tags(), refs, sourceCalls, List.of(), List.of(), n.database(), n.schema(), n.alias(),
                n.relationName(), null, n.createdAt(), new TestMetadata(spec.testName(), spec.namespace(), spec.kwargs(),
                        spec.columnName(), attached));
        return new Draft(test, template, test.config().enabled());
    }

    /** The ref(...) and source(...) calls in a test's arguments (e.g. relationships' to:), as dbt finds them. */
    private static void collectCalls(java.util.Collection<?> values, List<RefCall> refs, List<SourceCall> sources,
            int line) {
        for (Object v : values) {
            if (v instanceof java.util.Collection<?> c) {
                collectCalls(c, refs, sources, line);
            } else if (v instanceof Map<?, ?> m) {
                collectCalls(m.values(), refs, sources, line);
            } else if (v instanceof String s) {
                Matcher ref = EXPOSURE_REF.matcher(s);
                Matcher src = EXPOSURE_SOURCE.matcher(s);
                if (ref.matches()) {
                    refs.add(ref.group(4) != null ? new RefCall(ref.group(2), ref.group(4), null, line)
                            : new RefCall(null, ref.group(2), null, line));
                } else if (src.matches()) {
                    sources.add(new SourceCall(src.group(2), src.group(4), line));
                }
            }
        }
    }

    private static List<String> merged(List<String> a, List<String> b) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static String text(TemplateRenderer r, String value, PropertyFiles.SourceSpec s) {
        return String.valueOf(r.render(value, s.location())).strip();
    }

    private Map<String, DocBlock> docs() {
        Map<String, DocBlock> out = new LinkedHashMap<>();
        for (ProjectFiles.SourceFile f : files.docs()) {
            Matcher m = DOCS.matcher(read(f));
            while (m.find()) {
                String uid = "doc." + pkg + "." + m.group(1);
                if (out.containsKey(uid)) {
                    throw SluiceException.user("docs.duplicate", Location.of(f.relative()), "Cannot define docs block '"
                            + m.group(1) + "' twice (also in " + out.get(uid).originalFilePath() + ")");
                }
                out.put(uid, new DocBlock(uid, m.group(1), pkg, f.resourcePath(), f.relative(),
                        m.group(2).strip()));
            }
        }
        return out;
    }
}
