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

    public Selector(Manifest manifest, ModelGraph graph) {
        this.manifest = manifest;
        this.graph = graph;
    }

    /** The node ids {@code selection} selects (sources included when selected), unordered. */
    public Set<String> select(Selection selection) {
        return select(selection, spec -> { });
    }

    /** As {@link #select(Selection)}, telling {@code unmatched} each selector that matches nothing. */
    public Set<String> select(Selection selection, java.util.function.Consumer<String> unmatched) {
        Set<String> chosen = new LinkedHashSet<>();
        if (selection.select().isEmpty()) {
            chosen.addAll(manifest.nodes().keySet());
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
        addTestsOf(chosen);
        for (String spec : tokens(selection.exclude())) {
            chosen.removeAll(intersection(spec));
        }
        return chosen;
    }

    /**
     * dbt's default ("eager") indirect selection: a test is selected when any node or source it
     * tests is; excluding a test by name still removes it.
     */
    private void addTestsOf(Set<String> chosen) {
        List<String> tests = new ArrayList<>();
        for (Node n : manifest.nodes().values()) {
            if (n.resourceType() == ResourceType.TEST && !chosen.contains(n.uniqueId())
                    && n.dependsOnNodes().stream().anyMatch(chosen::contains)) {
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
                manifest.nodes().values().stream().filter(n -> fqnMatch(n.fqn(), arg))
                        .forEach(n -> out.add(n.uniqueId()));
                manifest.sources().values().stream().filter(s -> fqnMatch(s.fqn(), arg))
                        .forEach(s -> out.add(s.uniqueId()));
            }
            case "tag" -> {
                manifest.nodes().values().stream().filter(n -> n.tags().stream().anyMatch(t -> glob(arg, t)))
                        .forEach(n -> out.add(n.uniqueId()));
                manifest.sources().values().stream().filter(s -> s.tags().stream().anyMatch(t -> glob(arg, t)))
                        .forEach(s -> out.add(s.uniqueId()));
            }
            case "path", "file" -> {
                String p = Path.of(arg).normalize().toString().replace('\\', '/');
                manifest.nodes().values().stream().filter(n -> pathMatch(n.originalFilePath(), p))
                        .forEach(n -> out.add(n.uniqueId()));
                manifest.sources().values().stream().filter(s -> pathMatch(s.originalFilePath(), p))
                        .forEach(s -> out.add(s.uniqueId()));
            }
            case "resource_type" -> manifest.nodes().values().stream()
                    .filter(n -> n.resourceType().dbtName().equals(arg)).forEach(n -> out.add(n.uniqueId()));
            case "source" -> {
                for (SourceDef s : manifest.sources().values()) {
                    String full = s.sourceName() + "." + s.name();
                    if (glob(arg, s.sourceName()) || glob(arg, full)) {
                        out.add(s.uniqueId());
                    }
                }
            }
            case "config.materialized" -> manifest.nodes().values().stream()
                    .filter(n -> arg.equals(n.materialized())).forEach(n -> out.add(n.uniqueId()));
            default -> throw bad(value, "the method '" + method + "' is not supported (use a name, tag:, path:, "
                    + "source:, resource_type: or config.materialized:)");
        }
        return out;
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
        return manifest.nodes().get(id);
    }
}
