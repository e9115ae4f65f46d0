package dev.sluice.core.internal.select;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.graph.ModelGraph;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.SourceDef;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbt's node selection: space-separated selectors are a union, comma-joined ones an intersection;
 * each is a method ({@code tag:}, {@code path:}, {@code source:}, {@code resource_type:},
 * {@code fqn:}; bare names and dotted paths mean {@code fqn}, names with a slash {@code path})
 * with graph operators {@code +x}, {@code x+}, {@code 2+x}, {@code @x}; {@code *} matches all.
 */
public final class Selector {
    private static final Pattern SELECTOR = Pattern.compile("^(@)?(\\d*\\+)?(.+?)(\\+\\d*)?$");

    private final Manifest manifest;
    private final ModelGraph graph;
    private final Map<String, Object> yamlSelectors;
    /** The manifest's nodes and its unit tests' nodes. */
    private final Map<String, Node> nodes;
    private State state;

    public Selector(Manifest manifest, ModelGraph graph) {
        this(manifest, graph, Map.of());
    }

    /** @param yamlSelectors selectors.yml's selectors by name (their definitions as parsed YAML) */
    public Selector(Manifest manifest, ModelGraph graph, Map<String, Object> yamlSelectors) {
        this.manifest = manifest;
        this.graph = graph;
        this.yamlSelectors = yamlSelectors;
        this.nodes = new java.util.LinkedHashMap<>(manifest.nodes());
        manifest.unitTests().forEach((id, u) -> nodes.put(id, u.node()));
    }

    /** The node ids {@code selection} selects (sources included when selected), unordered. */
    public Set<String> select(Selection selection) {
        return select(selection, spec -> { });
    }

    /** As {@link #select(Selection)}, telling {@code unmatched} each selector that matches nothing. */
    public Set<String> select(Selection selection, java.util.function.Consumer<String> unmatched) {
        state = selection.state() == null ? null : State.load(selection.state());
        Set<String> chosen = new LinkedHashSet<>();
        String named = selection.selector() != null ? selection.selector()
                : selection.select().isEmpty() ? defaultSelector() : null;
        if (named != null) {
            Object definition = yamlSelectors.get(named);
            if (definition == null) {
                throw SluiceException.user("select.selector", Location.of("selectors.yml"), "Cannot use selector '" + named
                        + "': selectors.yml defines no such selector" + (yamlSelectors.isEmpty() ? ""
                                : " (it has " + String.join(", ", yamlSelectors.keySet()) + ")"));
            }
            chosen.addAll(named(named, named));
        } else if (selection.select().isEmpty()) {
            chosen.addAll(nodes.keySet());
            chosen.addAll(manifest.sources().keySet());
        } else {
            for (String spec : tokens(selection.select())) {
                Set<String> found = intersection(spec);
                if (found.isEmpty()) {
                    unmatched.accept(spec);
                }
                chosen.addAll(found);
            }
        }
        addTestsOf(chosen, selection.indirect());
        for (String spec : tokens(selection.exclude())) {
            chosen.removeAll(intersection(spec));
        }
        return chosen;
    }

    /** The selector selectors.yml marks {@code default: true}, or null. */
    private String defaultSelector() {
        for (Map.Entry<String, Object> e : yamlSelectors.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("__default__"))) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * A selectors.yml definition: a selector string ("tag:nightly +orders"), a method mapping
     * ({method: tag, value: nightly, parents: true, children_depth: 1, childrens_parents: true}),
     * or union / intersection lists, whose items may be {exclude: [...]}.
     */
    private Set<String> definition(Object d, String name) {
        if (d instanceof String spec) {
            Set<String> out = new LinkedHashSet<>();
            tokens(List.of(spec)).forEach(t -> out.addAll(intersection(t)));
            return out;
        }
        if (!(d instanceof Map<?, ?> m)) {
            throw badSelector(name, "a definition must be a selector string or a mapping");
        }
        if (m.containsKey("definition")) {
            return definition(m.get("definition"), name);
        }
        if (m.containsKey("union") || m.containsKey("intersection")) {
            boolean union = m.containsKey("union");
            Object items = m.get(union ? "union" : "intersection");
            if (!(items instanceof List<?> list)) {
                throw badSelector(name, (union ? "union" : "intersection") + " must be a list");
            }
            Set<String> out = null;
            Set<String> excluded = new LinkedHashSet<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> im && im.containsKey("exclude")) {
                    Object ex = im.get("exclude");
                    for (Object e : ex instanceof List<?> el ? el : List.of(ex)) {
                        excluded.addAll(definition(e, name));
                    }
                    continue;
                }
                Set<String> part = definition(item, name);
                if (out == null) {
                    out = new LinkedHashSet<>(part);
                } else if (union) {
                    out.addAll(part);
                } else {
                    out.retainAll(part);
                }
            }
            out = out == null ? new LinkedHashSet<>() : out;
            out.removeAll(excluded);
            return out;
        }
        if (!m.containsKey("method") && m.size() == 1) {
            // key-value form: {tag: nightly} means tag:nightly, without graph operators
            Map.Entry<?, ?> only = m.entrySet().iterator().next();
            String method = String.valueOf(only.getKey());
            return method.equals("selector") ? named(String.valueOf(only.getValue()), name)
                    : method(method.equals("fqn") ? String.valueOf(only.getValue()) : method + ":" + only.getValue());
        }
        if (m.containsKey("method") && "selector".equals(String.valueOf(m.get("method")))) {
            return named(String.valueOf(m.get("value")), name);
        }
        if (m.containsKey("method")) {
            Set<String> excluded = new LinkedHashSet<>();
            Object ex = m.get("exclude");
            if (ex != null) {
                for (Object e : ex instanceof List<?> el ? el : List.of(ex)) {
                    excluded.addAll(definition(e, name));
                }
            }
            StringBuilder spec = new StringBuilder();
            if (truthy(m.get("childrens_parents"))) {
                spec.append('@');
            }
            if (truthy(m.get("parents"))) {
                spec.append(m.get("parents_depth") == null ? "" : String.valueOf(m.get("parents_depth"))).append('+');
            }
            String method = String.valueOf(m.get("method"));
            spec.append(method.equals("fqn") ? "" : method + ":").append(m.get("value"));
            if (truthy(m.get("children"))) {
                spec.append('+').append(m.get("children_depth") == null ? "" : String.valueOf(m.get("children_depth")));
            }
            Set<String> out = one(spec.toString());
            out.removeAll(excluded);
            return out;
        }
        throw badSelector(name, "a mapping needs method/value, union or intersection");
    }

    private final java.util.Deque<String> resolving = new java.util.ArrayDeque<>();

    /** Another selectors.yml selector, by name (the selector method); a selector that includes itself is an error. */
    private Set<String> named(String selector, String from) {
        Object definition = yamlSelectors.get(selector);
        if (definition == null) {
            throw badSelector(from, "it uses selector '" + selector + "', which selectors.yml does not define");
        }
        if (resolving.contains(selector)) {
            throw badSelector(from, "selector '" + selector + "' includes itself (" + String.join(" -> ", resolving) + " -> "
                    + selector + ")");
        }
        resolving.push(selector);
        try {
            return definition(definition, selector);
        } finally {
            resolving.pop();
        }
    }

    private static boolean truthy(Object v) {
        return Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(String.valueOf(v));
    }

    private static SluiceException badSelector(String name, String why) {
        return SluiceException.user("select.selector", Location.of("selectors.yml"), "Cannot read selector '" + name
                + "' in selectors.yml: " + why);
    }

    /**
     * dbt's indirect selection of tests: eager (the default) takes a test when any node it tests
     * is selected, cautious when all are, buildable when each is selected or an ancestor of a
     * selected node, empty never.
     */
    private void addTestsOf(Set<String> chosen, Selection.Indirect mode) {
        if (mode == Selection.Indirect.EMPTY) {
            return;
        }
        Set<String> ancestors = new LinkedHashSet<>();
        if (mode == Selection.Indirect.BUILDABLE) {
            for (String id : chosen) {
                if (graph.contains(id)) {
                    ancestors.addAll(graph.ancestors(id, -1));
                }
            }
        }
        List<String> tests = new ArrayList<>();
        for (Node n : nodes.values()) {
            boolean test = n.resourceType() == ResourceType.TEST || n.resourceType() == ResourceType.UNIT_TEST;
            if (!test || chosen.contains(n.uniqueId()) || n.dependsOnNodes().isEmpty()) {
                continue;
            }
            boolean take = switch (mode) {
                case EAGER -> n.dependsOnNodes().stream().anyMatch(chosen::contains);
                case CAUTIOUS -> chosen.containsAll(n.dependsOnNodes());
                case BUILDABLE -> n.dependsOnNodes().stream().anyMatch(chosen::contains)
                        && n.dependsOnNodes().stream().allMatch(p -> chosen.contains(p) || ancestors.contains(p));
                case EMPTY -> false;
            };
            if (take) {
                tests.add(n.uniqueId());
            }
        }
        chosen.addAll(tests);
    }

    private static List<String> tokens(List<String> specs) {
        List<String> out = new ArrayList<>();
        for (String s : specs) {
            for (String t : s.trim().split("\\s+")) {
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private Set<String> intersection(String spec) {
        Set<String> result = null;
        for (String part : spec.split(",")) {
            Set<String> s = one(part.trim());
            if (result == null) {
                result = s;
            } else {
                result.retainAll(s);
            }
        }
        return result == null ? new LinkedHashSet<>() : result;
    }

    private Set<String> one(String spec) {
        Matcher m = SELECTOR.matcher(spec);
        if (!m.matches()) {
            throw bad(spec, "it is not a selector");
        }
        boolean at = m.group(1) != null;
        int up = depth(m.group(2), true);
        int down = depth(m.group(4), false);
        Set<String> base = method(m.group(3));
        Set<String> out = new LinkedHashSet<>(base);
        for (String id : base) {
            if (up != 0) {
                out.addAll(graph.ancestors(id, up));
            }
            if (down != 0 || at) {
                out.addAll(graph.descendants(id, at ? -1 : down));
            }
        }
        if (at) {
            for (String id : new ArrayList<>(out)) {
                out.addAll(graph.ancestors(id, -1));
            }
        }
        return out;
    }

    /** 0 for no operator, -1 for unlimited, n for n levels. */
    private static int depth(String op, boolean prefix) {
        if (op == null) {
            return 0;
        }
        String digits = prefix ? op.substring(0, op.length() - 1) : op.substring(1);
        return digits.isEmpty() ? -1 : Integer.parseInt(digits);
    }

    private Set<String> method(String value) {
        int colon = value.indexOf(':');
        String method = colon > 0 ? value.substring(0, colon) : null;
        String arg = colon > 0 ? value.substring(colon + 1) : value;
        if (method == null) {
            method = arg.contains("/") || arg.endsWith(".sql") || arg.endsWith(".csv") ? "path" : "fqn";
        }
        Set<String> out = new LinkedHashSet<>();
        switch (method) {
            case "fqn" -> {
                nodes.values().stream().filter(n -> fqnMatch(n.fqn(), arg))
                        .forEach(n -> out.add(n.uniqueId()));
                manifest.sources().values().stream().filter(s -> fqnMatch(s.fqn(), arg))
                        .forEach(s -> out.add(s.uniqueId()));
            }
            case "tag" -> {
                nodes.values().stream().filter(n -> n.tags().stream().anyMatch(t -> glob(arg, t)))
                        .forEach(n -> out.add(n.uniqueId()));
                manifest.sources().values().stream().filter(s -> s.tags().stream().anyMatch(t -> glob(arg, t)))
                        .forEach(s -> out.add(s.uniqueId()));
            }
            case "file" -> {
                nodes.values().stream().filter(n -> fileMatch(n.originalFilePath(), arg))
                        .forEach(n -> out.add(n.uniqueId()));
                manifest.sources().values().stream().filter(x -> fileMatch(x.originalFilePath(), arg))
                        .forEach(x -> out.add(x.uniqueId()));
            }
            case "path" -> {
                String p = Path.of(arg).normalize().toString().replace('\\', '/');
                nodes.values().stream().filter(n -> pathMatch(n.originalFilePath(), p))
                        .forEach(n -> out.add(n.uniqueId()));
                manifest.sources().values().stream().filter(s -> pathMatch(s.originalFilePath(), p))
                        .forEach(s -> out.add(s.uniqueId()));
            }
            case "resource_type" -> nodes.values().stream()
                    .filter(n -> n.resourceType().dbtName().equals(arg)).forEach(n -> out.add(n.uniqueId()));
            case "source" -> {
                for (SourceDef s : manifest.sources().values()) {
                    String full = s.sourceName() + "." + s.name();
                    if (glob(arg, s.sourceName()) || glob(arg, full)) {
                        out.add(s.uniqueId());
                    }
                }
            }
            case "package" -> {
                nodes.values().stream().filter(n -> glob(arg, n.packageName())).forEach(n -> out.add(n.uniqueId()));
                manifest.sources().values().stream().filter(x -> glob(arg, x.packageName())).forEach(x -> out.add(x.uniqueId()));
            }
            case "test_type" -> nodes.values().stream().filter(n -> switch (arg) {
                case "unit" -> n.resourceType() == ResourceType.UNIT_TEST;
                case "data" -> n.resourceType() == ResourceType.TEST;
                case "generic" -> n.resourceType() == ResourceType.TEST && n.test() != null;
                case "singular" -> n.resourceType() == ResourceType.TEST && n.test() == null;
                default -> throw bad(value, "test_type is unit, data, generic or singular");
            }).forEach(n -> out.add(n.uniqueId()));
            case "test_name" -> nodes.values().stream().filter(n -> n.resourceType() == ResourceType.TEST
                    && glob(arg, n.test() != null ? n.test().name() : n.name())).forEach(n -> out.add(n.uniqueId()));
            case "exposure" -> manifest.exposures().values().stream().filter(e -> glob(arg, e.name()))
                    .forEach(e -> out.add(e.uniqueId()));
            case "state" -> out.addAll(stateSelect(arg, value));
            case "selector" -> out.addAll(named(arg, "--select " + value));
            case "version" -> nodes.values().stream().filter(n -> n.resourceType() == ResourceType.MODEL && switch (arg) {
                case "latest" -> n.versioning() != null && n.versioning().isLatest();
                case "old" -> n.versioning() != null && versionOrder(n.version(), n.versioning().latestVersion()) < 0;
                case "prerelease" -> n.versioning() != null
                        && versionOrder(n.version(), n.versioning().latestVersion()) > 0;
                case "none" -> n.versioning() == null;
                default -> throw bad(value, "version: is latest, old, prerelease or none");
            }).forEach(n -> out.add(n.uniqueId()));
            case "result" -> {
                requireState(value);
                nodes.keySet().stream().filter(id -> arg.equals(state.result(id))).forEach(out::add);
            }
            default -> {
                if (method.startsWith("config.")) {
                    String key = method.substring("config.".length());
                    nodes.values().stream().filter(n -> configMatches(n.config().get(key), arg))
                            .forEach(n -> out.add(n.uniqueId()));
                } else {
                    throw bad(value, "the method '" + method + "' is not supported (use a name, fqn:, tag:, path:, "
                            + "file:, source:, resource_type:, package:, config.<key>:, test_type:, test_name:, "
                            + "exposure:, state:, result:, selector: or version:)");
                }
            }
        }
        return out;
    }

    private static int versionOrder(String a, String b) {
        try {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    /** dbt's fqn matching: the leaf name, or a dotted prefix of the fqn (with or without the package), globs allowed. */
    static boolean fqnMatch(List<String> fqn, String selector) {
        if (selector.equals("*")) {
            return true;
        }
        return fqnMatchFrom(fqn, selector) || (fqn.size() > 1 && fqnMatchFrom(fqn.subList(1, fqn.size()), selector));
    }

    private static boolean fqnMatchFrom(List<String> fqn, String selector) {
        if (!fqn.isEmpty() && fqn.get(fqn.size() - 1).equals(selector)) {
            return true;
        }
        String[] parts = selector.split("\\.");
        if (fqn.size() < parts.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].contains("*") || parts[i].contains("?") || parts[i].contains("[")) {
                String rest = String.join(".", fqn.subList(i, fqn.size()));
                String glob = String.join(".", List.of(parts).subList(i, parts.length));
                return glob(glob, rest);
            }
            if (!fqn.get(i).equals(parts[i])) {
                return false;
            }
        }
        return true;
    }

    /** dbt's file: method: the file's name (with or without its extension) or a path ending. */
    private static boolean fileMatch(String file, String selector) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        return glob(selector, name) || glob(selector, stem) || file.endsWith("/" + selector) || file.equals(selector);
    }

    /** config.<key>:value matches a scalar equal to value, or a list containing it. */
    private static boolean configMatches(Object v, String arg) {
        if (v instanceof List<?> l) {
            return l.stream().anyMatch(x -> glob(arg, String.valueOf(x)));
        }
        return v != null && glob(arg, String.valueOf(v));
    }

    private void requireState(String spec) {
        if (state == null) {
            throw bad(spec, "it compares with another run: give --state DIR (the target directory of that run)");
        }
    }

    /**
     * state:new (not in the other run's manifest), state:modified (new, or changed: .body, .configs,
     * .relation, .persisted_descriptions) and state:unmodified / state:old.
     */
    private Set<String> stateSelect(String arg, String spec) {
        requireState(spec);
        Set<String> out = new LinkedHashSet<>();
        for (Node n : nodes.values()) {
            com.fasterxml.jackson.databind.JsonNode old = state.node(n.uniqueId());
            boolean take = switch (arg) {
                case "new" -> old == null;
                case "old" -> old != null;
                case "modified" -> old == null || modifiedBody(n, old) || modifiedConfigs(n, old)
                        || modifiedRelation(n, old) || modifiedDescriptions(n, old);
                case "unmodified" -> old != null && !(modifiedBody(n, old) || modifiedConfigs(n, old)
                        || modifiedRelation(n, old) || modifiedDescriptions(n, old));
                case "modified.body" -> old == null || modifiedBody(n, old);
                case "modified.configs" -> old == null || modifiedConfigs(n, old);
                case "modified.relation" -> old == null || modifiedRelation(n, old);
                case "modified.persisted_descriptions" -> old == null || modifiedDescriptions(n, old);
                default -> throw bad(spec, "state:" + arg + " is not one of new, old, modified, unmodified, "
                        + "modified.body, modified.configs, modified.relation, modified.persisted_descriptions");
            };
            if (take) {
                out.add(n.uniqueId());
            }
        }
        return out;
    }

    private static boolean modifiedBody(Node n, com.fasterxml.jackson.databind.JsonNode old) {
        String checksum = n.checksum() == null ? null : n.checksum().checksum();
        com.fasterxml.jackson.databind.JsonNode was = old.path("checksum");
        return checksum != null && !checksum.equals(was.isTextual() ? was.asText() : was.path("checksum").asText(null));
    }

    private static boolean modifiedConfigs(Node n, com.fasterxml.jackson.databind.JsonNode old) {
        return !State.normalize(dev.sluice.core.internal.artifacts.ConfigJson.forNode(n.resourceType(), n.config()))
                .equals(State.normalize(old.path("config")));
    }

    private static boolean modifiedRelation(Node n, com.fasterxml.jackson.databind.JsonNode old) {
        return !java.util.Objects.equals(n.schema(), old.path("schema").asText(null))
                || !java.util.Objects.equals(n.alias(), old.path("alias").asText(null));
    }

    private static boolean modifiedDescriptions(Node n, com.fasterxml.jackson.databind.JsonNode old) {
        Object persist = n.config().get("persist_docs");
        if (!(persist instanceof Map<?, ?> p) || p.isEmpty()) {
            return false;
        }
        return !n.description().equals(old.path("description").asText(""));
    }

    private static boolean pathMatch(String file, String selector) {
        if (selector.contains("*") || selector.contains("?")) {
            PathMatcher pm = FileSystems.getDefault().getPathMatcher("glob:" + selector);
            return pm.matches(Path.of(file));
        }
        return file.equals(selector) || file.startsWith(selector.endsWith("/") ? selector : selector + "/");
    }

    static boolean glob(String pattern, String value) {
        if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[")) {
            return pattern.equals(value);
        }
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[', ']' -> re.append(c);
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(re.toString());
    }

    private static SluiceException bad(String spec, String why) {
        return SluiceException.user("select.syntax", Location.of("--select"), "Cannot select '" + spec + "': " + why);
    }

    /** Nodes of {@code ids} in dependency order. */
    public List<String> ordered(Set<String> ids) {
        return graph.sort(ids);
    }

    public Node node(String id) {
        return nodes.get(id);
    }
}
