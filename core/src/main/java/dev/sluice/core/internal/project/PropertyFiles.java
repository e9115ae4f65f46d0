package dev.sluice.core.internal.project;

import dev.sluice.core.api.Location;
import dev.sluice.core.internal.io.TextFiles;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.internal.model.ColumnDef;
import dev.sluice.core.internal.model.Constraint;
import dev.sluice.core.internal.yaml.Yaml;
import dev.sluice.core.internal.yaml.YamlDoc;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML property files ({@code models:}, {@code seeds:}, {@code sources:}, {@code macros:})
 * into patches by resource name, checking shapes and naming file:line on errors.
 */
public final class PropertyFiles {
    private static final Set<String> TOP_LEVEL = Set.of("version", "models", "seeds", "sources", "macros", "analyses",
            "snapshots", "exposures", "metrics", "groups", "semantic_models", "saved_queries", "unit_tests",
            "data_tests", "functions");

    private PropertyFiles() {
    }

    /** The description, config, columns, etc. a property file gives one model, seed or macro. */
    public record Patch(String name, String file, Location location, String description, Map<String, Object> config,
            Map<String, ColumnDef> columns, List<Object> tests, Map<String, Object> raw, List<Constraint> constraints,
            YamlDoc doc) {
    }

    /** A source table as declared, before config resolution. */
    public record SourceSpec(String sourceName, String tableName, String file, Location location, String database,
            String schema, String identifier, String loader, String description, String sourceDescription,
            Map<String, ColumnDef> columns, Map<String, Object> meta, Map<String, Object> sourceMeta, List<String> tags,
            Map<String, Object> sourceConfig, Map<String, Object> tableConfig, List<Object> tests,
            List<FreshnessLayer> freshness, YamlDoc doc) {
    }

    /**
     * What one level of a source declaration says about freshness: the source's own keys, its
     * {@code config:}, the table's own keys, the table's {@code config:}. {@code values} holds only
     * the keys written among freshness, loaded_at_field and loaded_at_query (a null value is
     * written null); {@code location} is where freshness is written, else where the level starts.
     */
    public record FreshnessLayer(Map<String, Object> values, Location location) {
        private static final List<String> KEYS = List.of("freshness", "loaded_at_field", "loaded_at_query");

        static FreshnessLayer of(YamlDoc doc, Map<String, Object> level) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String key : KEYS) {
                if (level.containsKey(key)) {
                    values.put(key, level.get(key));
                }
            }
            return new FreshnessLayer(values, values.containsKey("freshness") ? doc.locateKey(level, "freshness")
                    : doc.locate(level));
        }
    }

    /** An exposure as declared: {@code dependsOn} holds the raw {@code ref(...)}/{@code source(...)} strings. */
    public record ExposureSpec(String name, String file, Location location, String type, String ownerName,
            String ownerEmail, String description, String label, String url, String maturity, List<String> tags,
            Map<String, Object> meta, Map<String, Object> config, List<String> dependsOn) {
    }

    /** A unit test as declared; {@code given}, {@code expect} and {@code overrides} are the YAML values. */
    public record UnitTestSpec(String name, String model, String file, Location location, String description,
            List<Map<String, Object>> given, Map<String, Object> expect, Map<String, Object> overrides,
            Map<String, Object> config, YamlDoc doc) {
    }

    public record Properties(Map<String, Patch> models, Map<String, Patch> seeds, Map<String, Patch> macros,
            List<SourceSpec> sources, List<ExposureSpec> exposures, Map<String, Patch> snapshots,
            List<UnitTestSpec> unitTests) {
    }

    private static final Set<String> EXPOSURE_TYPES = Set.of("dashboard", "notebook", "analysis", "ml", "application");

    public static Properties read(List<ProjectFiles.SourceFile> files, SluiceListener listener) {
        Map<String, Patch> models = new LinkedHashMap<>();
        Map<String, Patch> seeds = new LinkedHashMap<>();
        Map<String, Patch> macros = new LinkedHashMap<>();
        List<SourceSpec> sources = new ArrayList<>();
        List<ExposureSpec> exposures = new ArrayList<>();
        Map<String, Patch> snapshots = new LinkedHashMap<>();
        List<UnitTestSpec> unitTests = new ArrayList<>();
        for (ProjectFiles.SourceFile f : files) {
            String text = TextFiles.readUtf8(f.absolute(), f.relative(), "properties.read");
            YamlDoc doc = YamlDoc.parse(f.relative(), text);
            Map<String, Object> root = doc.rootMap();
            for (String key : root.keySet()) {
                if (!TOP_LEVEL.contains(key)) {
                    listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.WARN, "Ignoring unknown key '" + key
                            + "' in property file " + f.relative(), doc.locateKey(root, key)));
                }
            }
            patches(doc, root.get("models"), "models", models, listener);
            patches(doc, root.get("seeds"), "seeds", seeds, listener);
            patches(doc, root.get("macros"), "macros", macros, listener);
            sources(doc, root.get("sources"), sources);
            exposures(doc, root.get("exposures"), exposures);
            // a snapshot's description and columns, or (dbt 1.9) a whole snapshot with relation:
            patches(doc, root.get("snapshots"), "snapshots", snapshots, listener);
            unitTests(doc, root.get("unit_tests"), unitTests);
        }
        return new Properties(models, seeds, macros, sources, exposures, snapshots, unitTests);
    }

    /** The keys dbt reads in an entry of each section (others are ignored, with a warning). */
    private static final Map<String, Set<String>> ENTRY_KEYS = Map.of(
            "models", Set.of("name", "description", "config", "columns", "data_tests", "tests", "docs", "meta", "tags",
                    "versions", "latest_version", "constraints", "access", "group", "deprecation_date", "time_spine",
                    "freshness", "contract"),
            "seeds", Set.of("name", "description", "config", "columns", "data_tests", "tests", "docs", "meta", "tags"),
            "snapshots", Set.of("name", "description", "config", "columns", "data_tests", "tests", "docs", "meta", "tags",
                    "relation"),
            "macros", Set.of("name", "description", "arguments", "docs", "meta"));

    private static void patches(YamlDoc doc, Object value, String kind, Map<String, Patch> into, SluiceListener listener) {
        for (Object entry : Yaml.list(doc, value, kind + " in " + doc.file())) {
            Map<String, Object> m = Yaml.map(doc, entry, "an entry of " + kind + " in " + doc.file());
            String name = Yaml.string(doc, m.get("name"), "name");
            for (String key : m.keySet()) {
                if (!ENTRY_KEYS.getOrDefault(kind, Set.of()).contains(key)) {
                    listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.WARN, "Ignoring unknown key '" + key
                            + "' in the properties of " + singular(kind) + " '" + name + "'", doc.locateKey(m, key)));
                }
            }
            if (name == null) {
                throw SluiceException.user("properties.name", doc.locate(m), "Cannot read " + kind + " in " + doc.file()
                        + ": an entry has no 'name'");
            }
            Patch previous = into.get(name);
            if (previous != null) {
                throw SluiceException.user("properties.duplicate", doc.locate(m), "Cannot describe " + singular(kind)
                        + " '" + name + "' twice: it is already described at " + previous.location());
            }
            Map<String, Object> config = new LinkedHashMap<>(Yaml.map(doc, m.get("config"), "config of '" + name + "'"));
            if (config.containsKey("delimiter") && !(config.get("delimiter") instanceof String d && d.length() == 1)) {
                throw SluiceException.user("properties.delimiter", doc.locateKey(m.get("config"), "delimiter"),
                        "Cannot use delimiter '" + config.get("delimiter") + "' for '" + name
                                + "': a delimiter is one character, such as ',' or ';'");
            }
            // dbt still accepts some configs as top-level properties (tags, meta, docs)
            for (String legacy : List.of("tags", "meta", "docs")) {
                if (m.containsKey(legacy) && !config.containsKey(legacy)) {
                    config.put(legacy, m.get(legacy));
                }
            }
            into.put(name, new Patch(name, doc.file(), doc.locate(m), Yaml.string(doc, m.get("description"), "description"),
                    config, columns(doc, m.get("columns"), name), tests(doc, m, "'" + name + "'"), m,
                    ConstraintsReader.read(doc, m.get("constraints"), "'" + name + "'", true), doc));
        }
    }

    /** The data_tests (or, as before dbt 1.8, tests) of a model, column or source table; both at once is an error. */
    private static List<Object> tests(YamlDoc doc, Map<String, Object> m, String owner) {
        if (m.containsKey("data_tests") && m.containsKey("tests")) {
            throw SluiceException.user("properties.tests", doc.locate(m), "Cannot read the tests of " + owner + " in "
                    + doc.file() + ": it has both data_tests and tests; keep data_tests");
        }
        return new ArrayList<>(Yaml.list(doc, m.containsKey("data_tests") ? m.get("data_tests") : m.get("tests"),
                "data_tests of " + owner));
    }

    private static String singular(String kind) {
        return kind.endsWith("s") ? kind.substring(0, kind.length() - 1) : kind;
    }

    static Map<String, ColumnDef> columns(YamlDoc doc, Object value, String owner) {
        Map<String, ColumnDef> out = new LinkedHashMap<>();
        for (Object c : Yaml.list(doc, value, "columns of '" + owner + "'")) {
            Map<String, Object> m = Yaml.map(doc, c, "a column of '" + owner + "'");
            String name = Yaml.string(doc, m.get("name"), "column name");
            if (name == null) {
                throw SluiceException.user("properties.column", doc.locate(m), "Cannot read the columns of '" + owner
                        + "': a column has no 'name'");
            }
            Map<String, Object> cfg = Yaml.map(doc, m.get("config"), "config of column '" + name + "'");
            Object meta = m.containsKey("meta") ? m.get("meta") : cfg.get("meta");
            Object tags = m.containsKey("tags") ? m.get("tags") : cfg.get("tags");
            List<Object> tests = tests(doc, m, "column '" + name + "'");
            Object quote = m.get("quote");
            out.put(name, new ColumnDef(name, Yaml.string(doc, m.get("description"), "description"),
                    Yaml.string(doc, m.get("data_type"), "data_type"), Yaml.map(doc, meta, "meta"),
                    Yaml.strings(doc, tags, "tags"), tests,
                    quote == null ? null : Boolean.TRUE.equals(quote) || "true".equalsIgnoreCase(quote.toString()),
                    ConstraintsReader.read(doc, m.get("constraints"), "column '" + name + "' of '" + owner + "'", false)));
        }
        return out;
    }

    private static void sources(YamlDoc doc, Object value, List<SourceSpec> into) {
        for (Object entry : Yaml.list(doc, value, "sources in " + doc.file())) {
            Map<String, Object> s = Yaml.map(doc, entry, "a source in " + doc.file());
            String sourceName = Yaml.string(doc, s.get("name"), "source name");
            if (sourceName == null) {
                throw SluiceException.user("properties.name", doc.locate(s), "Cannot read sources in " + doc.file()
                        + ": a source has no 'name'");
            }
            Map<String, Object> sourceConfig = Yaml.map(doc, s.get("config"), "config of source '" + sourceName + "'");
            FreshnessLayer sourceLevel = FreshnessLayer.of(doc, s);
            FreshnessLayer sourceConfigLevel = FreshnessLayer.of(doc, sourceConfig);
            for (Object t : Yaml.list(doc, s.get("tables"), "tables of source '" + sourceName + "'")) {
                Map<String, Object> tm = Yaml.map(doc, t, "a table of source '" + sourceName + "'");
                String table = Yaml.string(doc, tm.get("name"), "table name");
                if (table == null) {
                    throw SluiceException.user("properties.name", doc.locate(tm), "Cannot read source '" + sourceName
                            + "': a table has no 'name'");
                }
                Map<String, Object> tableConfig = Yaml.map(doc, tm.get("config"), "config of source table '" + table + "'");
                for (SourceSpec existing : into) {
                    if (existing.sourceName().equals(sourceName) && existing.tableName().equals(table)) {
                        throw SluiceException.user("properties.duplicate", doc.locate(tm), "Cannot declare source table '"
                                + sourceName + "." + table + "' twice: it is already declared at " + existing.location());
                    }
                }
                into.add(new SourceSpec(sourceName, table, doc.file(), doc.locate(tm),
                        Yaml.string(doc, tm.containsKey("database") ? tm.get("database") : s.get("database"), "database"),
                        Yaml.string(doc, s.get("schema"), "schema"),
                        Yaml.string(doc, tm.get("identifier"), "identifier"),
                        Yaml.string(doc, s.get("loader"), "loader"),
                        Yaml.string(doc, tm.get("description"), "description"),
                        Yaml.string(doc, s.get("description"), "description"),
                        columns(doc, tm.get("columns"), sourceName + "." + table),
                        Yaml.map(doc, tm.get("meta"), "meta"), Yaml.map(doc, s.get("meta"), "meta"),
                        merged(Yaml.strings(doc, s.get("tags"), "tags"), Yaml.strings(doc, tm.get("tags"), "tags")),
                        sourceConfig, tableConfig, tests(doc, tm, "source table '" + sourceName + "." + table + "'"),
                        List.of(sourceLevel, sourceConfigLevel, FreshnessLayer.of(doc, tm),
                                FreshnessLayer.of(doc, tableConfig)), doc));
            }
        }
    }

    private static void unitTests(YamlDoc doc, Object value, List<UnitTestSpec> into) {
        for (Object entry : Yaml.list(doc, value, "unit_tests in " + doc.file())) {
            Map<String, Object> u = Yaml.map(doc, entry, "a unit test in " + doc.file());
            String name = Yaml.string(doc, u.get("name"), "unit test name");
            String model = Yaml.string(doc, u.get("model"), "unit test model");
            if (name == null || model == null) {
                throw SluiceException.user("unit_test.shape", doc.locate(u), "Cannot read unit_tests in " + doc.file()
                        + ": a unit test needs a 'name' and the 'model' it tests");
            }
            if (!u.containsKey("expect")) {
                throw SluiceException.user("unit_test.shape", doc.locate(u), "Cannot read unit test '" + name + "' in "
                        + doc.file() + ": it has no 'expect' (the rows the model should return)");
            }
            List<Map<String, Object>> given = new ArrayList<>();
            for (Object g : Yaml.list(doc, u.get("given"), "given of unit test '" + name + "'")) {
                Map<String, Object> gm = Yaml.map(doc, g, "an input in 'given' of unit test '" + name + "'");
                if (!(gm.get("input") instanceof String)) {
                    throw SluiceException.user("unit_test.shape", doc.locate(gm), "Cannot read unit test '" + name
                            + "' in " + doc.file() + ": each 'given' entry needs an 'input' (ref('...'), source('...', "
                            + "'...') or this)");
                }
                given.add(gm);
            }
            into.add(new UnitTestSpec(name, model.strip(), doc.file(), doc.locate(u),
                    Yaml.string(doc, u.get("description"), "description of unit test '" + name + "'"), given,
                    Yaml.map(doc, u.get("expect"), "expect of unit test '" + name + "'"),
                    Yaml.map(doc, u.get("overrides"), "overrides of unit test '" + name + "'"),
                    Yaml.map(doc, u.get("config"), "config of unit test '" + name + "'"), doc));
        }
    }

    private static void exposures(YamlDoc doc, Object value, List<ExposureSpec> into) {
        for (Object entry : Yaml.list(doc, value, "exposures in " + doc.file())) {
            Map<String, Object> e = Yaml.map(doc, entry, "an exposure in " + doc.file());
            String name = Yaml.string(doc, e.get("name"), "exposure name");
            if (name == null) {
                throw SluiceException.user("properties.name", doc.locate(e), "Cannot read exposures in " + doc.file()
                        + ": an exposure has no 'name'");
            }
            for (ExposureSpec existing : into) {
                if (existing.name().equals(name)) {
                    throw SluiceException.user("properties.duplicate", doc.locate(e), "Cannot declare exposure '" + name
                            + "' twice: it is already declared at " + existing.location());
                }
            }
            String type = Yaml.string(doc, e.get("type"), "type");
            if (type == null || !EXPOSURE_TYPES.contains(type)) {
                throw SluiceException.user("properties.exposure", doc.locate(e), "Cannot read exposure '" + name
                        + "': its type must be one of dashboard, notebook, analysis, ml, application"
                        + (type == null ? "" : " (not '" + type + "')"));
            }
            Map<String, Object> owner = Yaml.map(doc, e.get("owner"), "owner of exposure '" + name + "'");
            if (owner.get("name") == null && owner.get("email") == null) {
                throw SluiceException.user("properties.exposure", doc.locate(e), "Cannot read exposure '" + name
                        + "': it needs an owner with a name or an email, e.g. owner: {name: Data team}");
            }
            String maturity = Yaml.string(doc, e.get("maturity"), "maturity");
            if (maturity != null && !List.of("low", "medium", "high").contains(maturity)) {
                throw SluiceException.user("properties.exposure", doc.locate(e), "Cannot read exposure '" + name
                        + "': maturity must be low, medium or high (not '" + maturity + "')");
            }
            Map<String, Object> config = Yaml.map(doc, e.get("config"), "config of exposure '" + name + "'");
            into.add(new ExposureSpec(name, doc.file(), doc.locate(e), type,
                    Yaml.string(doc, owner.get("name"), "owner name"), Yaml.string(doc, owner.get("email"), "owner email"),
                    Yaml.string(doc, e.get("description"), "description"), Yaml.string(doc, e.get("label"), "label"),
                    Yaml.string(doc, e.get("url"), "url"), maturity,
                    merged(Yaml.strings(doc, e.get("tags"), "tags"), Yaml.strings(doc, config.get("tags"), "tags")),
                    Yaml.map(doc, e.containsKey("meta") ? e.get("meta") : config.get("meta"), "meta"), config,
                    Yaml.strings(doc, e.get("depends_on"), "depends_on of exposure '" + name + "'")));
        }
    }

    private static List<String> merged(List<String> a, List<String> b) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
