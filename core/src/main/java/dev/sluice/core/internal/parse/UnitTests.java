package dev.sluice.core.internal.parse;

import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.config.ConfigResolver;
import dev.sluice.core.internal.model.Checksum;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.NodeConfig;
import dev.sluice.core.internal.model.SourceDef;
import dev.sluice.core.internal.model.UnitTestDef;
import dev.sluice.core.internal.project.ProjectConfig;
import dev.sluice.core.internal.project.PropertyFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * dbt's unit tests from the property files: each names a model, mocks the refs and sources it
 * reads ({@code given}) and states the rows it must return ({@code expect}), as dict rows, CSV
 * (inline or a fixture file under {@code <test-path>/fixtures/}) or SQL. Checked here as dbt checks
 * them: the model exists, every input is something the model reads, every ref and source the
 * model reads is mocked, an incremental model says whether {@code is_incremental()} holds.
 */
final class UnitTests {
    private static final Pattern REF = Pattern.compile(
            "^\\s*ref\\(\\s*(['\"])([^'\"]+)\\1\\s*(?:,\\s*(['\"])([^'\"]+)\\3\\s*)?\\)\\s*$");
    private static final Pattern SOURCE = Pattern.compile(
            "^\\s*source\\(\\s*(['\"])([^'\"]+)\\1\\s*,\\s*(['\"])([^'\"]+)\\3\\s*\\)\\s*$");

    private final ProjectConfig project;
    private final Map<String, Node> nodes;
    private final Map<String, Node> byName;
    private final Map<String, SourceDef> sources;

    private final List<String> disabled;

    /** @param disabled the unique ids of disabled nodes: a unit test of a disabled model is disabled too */
    UnitTests(ProjectConfig project, Map<String, Node> nodes, Map<String, Node> byName, Map<String, SourceDef> sources,
            List<String> disabled) {
        this.project = project;
        this.disabled = disabled;
        this.nodes = nodes;
        this.byName = byName;
        this.sources = sources;
    }

    /** The enabled unit tests by unique id. */
    Map<String, UnitTestDef> resolve(List<PropertyFiles.UnitTestSpec> specs) {
        Map<String, UnitTestDef> out = new LinkedHashMap<>();
        for (PropertyFiles.UnitTestSpec spec : specs) {
            UnitTestDef def = resolve(spec);
            if (def == null) {
                continue;
            }
            if (out.containsKey(def.node().uniqueId())) {
                throw error(spec, "another unit test of model '" + spec.model() + "' has the same name; rename one");
            }
            out.put(def.node().uniqueId(), def);
        }
        return out;
    }

    private UnitTestDef resolve(PropertyFiles.UnitTestSpec spec) {
        String name = project.name();
        Node model = byName.get(spec.model());
        if (model == null && disabled.contains("model." + name + "." + spec.model())) {
            return null;
        }
        model = model == null ? null : nodes.getOrDefault(model.uniqueId(), model);
        if (model == null || model.resourceType() != ResourceType.MODEL) {
            throw error(spec, "no model named '" + spec.model() + "' exists" + (model == null ? ""
                    : " (" + spec.model() + " is a " + model.resourceType().dbtName() + "; only models are unit tested)")
                    + Suggestions.didYouMean(spec.model(), byName.values().stream()
                            .filter(n -> n.resourceType() == ResourceType.MODEL).map(Node::name).toList()));
        }
        List<String> fqn = new ArrayList<>();
        fqn.add(name);
        String[] dirs = spec.file().split("/");
        for (int i = 1; i < dirs.length - 1; i++) {
            fqn.add(dirs[i]);
        }
        fqn.add(model.name());
        fqn.add(spec.name());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tags", List.of());
        config.put("meta", Map.of());
        config.put("enabled", true);
        config = ConfigResolver.merge(config, ConfigResolver.fromProjectTree(project.unitTests(), fqn));
        config = ConfigResolver.merge(config, ConfigResolver.normalize(spec.config()));
        NodeConfig cfg = new NodeConfig(config).with("materialized", "unit");
        if (!cfg.enabled()) {
            return null;
        }
        List<UnitTestDef.Fixture> given = new ArrayList<>();
        List<String> mocked = new ArrayList<>();
        for (Map<String, Object> g : spec.given()) {
            UnitTestDef.Fixture f = input(spec, g, model);
            if (f.inputId() != null && mocked.contains(f.inputId()) && !f.isThis()) {
                throw error(spec, "input " + f.input() + " is given twice");
            }
            mocked.add(f.isThis() ? "this" : f.inputId());
            given.add(f);
        }
        for (String parent : model.dependsOnNodes()) {
            if (!mocked.contains(parent)) {
                throw error(spec, "model " + model.name() + " reads " + describe(parent) + ", which the test does not"
                        + " mock: add it under 'given' (rows: [] for no rows)");
            }
        }
        Map<String, Object> overrides = spec.overrides();
        Object incremental = overrides.get("macros") instanceof Map<?, ?> m ? m.get("is_incremental") : null;
        if ("incremental".equals(model.materialized()) && model.rawCode().contains("is_incremental")) {
            if (!(incremental instanceof Boolean)) {
                throw error(spec, "model " + model.name() + " is incremental: say whether is_incremental() holds with "
                        + "overrides: {macros: {is_incremental: true}} (or false)");
            }
            if ((Boolean) incremental && given.stream().noneMatch(UnitTestDef.Fixture::isThis)) {
                throw error(spec, "with is_incremental true, give the model's current rows as an input named 'this'");
            }
        }
        UnitTestDef.Fixture expect = fixture(spec, spec.expect(), null, null, "expect", null);
        String uid = "unit_test." + name + "." + model.name() + "." + spec.name();
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("model", spec.model());
        written.put("given", spec.given());
        written.put("expect", spec.expect());
        written.put("overrides", overrides);
        String checksum = Checksum.sha256(String.valueOf(written)).checksum();
        String path = spec.file().substring(spec.file().indexOf('/') + 1);
        Node node = new Node(uid, ResourceType.UNIT_TEST, name, spec.name(), path, spec.file(), "", "sql", fqn,
                new Checksum("sha256", checksum),
                cfg, Map.of(), spec.description(), Map.of(), meta(cfg), cfg.tags(), List.of(), List.of(),
                List.of(model.uniqueId()), List.of(), model.database(), model.schema(), spec.name(), null, null,
                System.currentTimeMillis() / 1000.0, null);
        return new UnitTestDef(node, model.uniqueId(), given, expect, overrides.isEmpty() ? null : overrides, checksum);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(NodeConfig cfg) {
        return cfg.get("meta") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private String describe(String id) {
        Node n = nodes.get(id);
        if (n != null) {
            return "ref('" + n.name() + "')";
        }
        SourceDef s = sources.get(id);
        return s == null ? id : "source('" + s.sourceName() + "', '" + s.name() + "')";
    }

    private UnitTestDef.Fixture input(PropertyFiles.UnitTestSpec spec, Map<String, Object> g, Node model) {
        String input = String.valueOf(g.get("input")).strip();
        String id;
        Node seed = null;
        if (input.equals("this")) {
            id = model.uniqueId();
        } else {
            Matcher ref = REF.matcher(input);
            Matcher src = SOURCE.matcher(input);
            if (ref.matches()) {
                String refName = ref.group(4) != null ? ref.group(4) : ref.group(2);
                Node n = byName.get(refName);
                if (n == null) {
                    throw error(spec, "input " + input + " names no model, seed or snapshot"
                            + Suggestions.didYouMean(refName, byName.keySet()));
                }
                id = n.uniqueId();
                seed = n.resourceType() == ResourceType.SEED ? n : null;
            } else if (src.matches()) {
                id = "source." + project.name() + "." + src.group(2) + "." + src.group(4);
                if (!sources.containsKey(id)) {
                    throw error(spec, "input " + input + " names no declared source table");
                }
            } else {
                throw error(spec, "input '" + input + "' is not ref('name'), source('source', 'table') or this");
            }
            if (!model.dependsOnNodes().contains(id)) {
                throw error(spec, "input " + input + " is not read by model " + model.name());
            }
        }
        Node n = nodes.get(id);
        if (n != null && n.isEphemeral() && !"sql".equals(formatOf(g))) {
            throw error(spec, "input " + input + " is an ephemeral model: mock it with format: sql");
        }
        return fixture(spec, g, input, id, "input " + input, seed);
    }

    private static String formatOf(Map<String, Object> g) {
        Object f = g.get("format");
        return f == null ? "dict" : String.valueOf(f);
    }

    @SuppressWarnings("unchecked")
    private UnitTestDef.Fixture fixture(PropertyFiles.UnitTestSpec spec, Map<String, Object> m, String input,
            String inputId, String what, Node seed) {
        String format = formatOf(m);
        Object rows = m.get("rows");
        String fixture = m.get("fixture") == null ? null : String.valueOf(m.get("fixture"));
        switch (format) {
            case "dict" -> {
                if (rows == null && fixture == null && seed != null) {
                    return new UnitTestDef.Fixture(input, inputId, format, seedRows(spec, seed), null, null, null);
                }
                if (rows == null) {
                    rows = List.of();
                }
                if (!(rows instanceof List<?> list)) {
                    throw error(spec, "the rows of " + what + " are not a list of mappings (format: dict)");
                }
                List<Map<String, Object>> out = new ArrayList<>();
                for (Object r : list) {
                    if (!(r instanceof Map<?, ?> row)) {
                        throw error(spec, "a row of " + what + " is not a mapping of column to value: " + r);
                    }
                    Map<String, Object> clean = new LinkedHashMap<>();
                    row.forEach((k, v) -> clean.put(String.valueOf(k), v));
                    out.add(clean);
                }
                return new UnitTestDef.Fixture(input, inputId, format, out, null, null, rows);
            }
            case "csv" -> {
                String text;
                if (fixture != null) {
                    text = fixtureFile(spec, fixture, "csv");
                } else if (rows instanceof String s) {
                    text = s;
                } else {
                    throw error(spec, "the rows of " + what + " are not a CSV string (format: csv); give rows: | with a "
                            + "header line, or fixture: NAME");
                }
                List<Map<String, Object>> parsed = csv(spec, text, what);
                return new UnitTestDef.Fixture(input, inputId, format, parsed, null, fixture, parsed);
            }
            case "sql" -> {
                String sql;
                if (fixture != null) {
                    sql = fixtureFile(spec, fixture, "sql");
                } else if (rows instanceof String s) {
                    sql = s;
                } else {
                    throw error(spec, "the rows of " + what + " are not a SQL query (format: sql)");
                }
                return new UnitTestDef.Fixture(input, inputId, format, List.of(), sql, fixture, sql);
            }
            default -> throw error(spec, "format '" + format + "' of " + what + " is not dict, csv or sql");
        }
    }

    /** CSV rows as dbt reads them: a header line, then values as text; an empty value is null. */
    private List<Map<String, Object>> csv(PropertyFiles.UnitTestSpec spec, String text, String what) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<Map<String, Object>> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord r : parser) {
                if (r.size() != header.size()) {
                    throw error(spec, "line " + (r.getRecordNumber() + 1) + " of the CSV rows of " + what + " has "
                            + r.size() + " values for " + header.size() + " columns");
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String v = r.get(i);
                    row.put(header.get(i), v.isEmpty() ? null : v);
                }
                out.add(row);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw error(spec, "cannot read the CSV rows of " + what + ": " + e.getMessage());
        }
        return out;
    }

    /** A seed input without rows: the seed file's own rows (CSV seeds). */
    private List<Map<String, Object>> seedRows(PropertyFiles.UnitTestSpec spec, Node seed) {
        Path file = project.dir().resolve(seed.originalFilePath());
        if (!seed.originalFilePath().endsWith(".csv")) {
            throw error(spec, "input ref('" + seed.name() + "') has no rows: give rows (only CSV seeds are read as is)");
        }
        try {
            return csv(spec, Files.readString(file, StandardCharsets.UTF_8), "seed " + seed.name());
        } catch (IOException e) {
            throw error(spec, "cannot read seed file " + seed.originalFilePath() + ": " + e.getMessage());
        }
    }

    private String fixtureFile(PropertyFiles.UnitTestSpec spec, String fixture, String extension) {
        for (String testPath : project.testPaths()) {
            Path dir = project.dir().resolve(testPath).resolve("fixtures");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                Path found = files.filter(p -> p.getFileName().toString().equals(fixture + "." + extension)).findFirst()
                        .orElse(null);
                if (found != null) {
                    return Files.readString(found, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw error(spec, "cannot read fixture '" + fixture + "': " + e.getMessage());
            }
        }
        throw error(spec, "fixture '" + fixture + "' not found: put " + fixture + "." + extension + " under "
                + String.join(" or ", project.testPaths().stream().map(p -> p + "/fixtures/").toList()));
    }

    private static SluiceException error(PropertyFiles.UnitTestSpec spec, String why) {
        return SluiceException.user("unit_test.invalid", spec.location(), "Cannot read unit test '" + spec.name() + "' in "
                + spec.file() + ": " + why);
    }
}
