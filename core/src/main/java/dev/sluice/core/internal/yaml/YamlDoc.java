package dev.sluice.core.internal.yaml;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A parsed YAML file as plain Java values (maps keep their order), remembering where every value
 * came from so errors can name {@code file:line:column}. Duplicate keys and tabs are errors, as
 * they are in dbt.
 */
public final class YamlDoc {
    private final String file;
    private final Object root;
    private final Map<Object, Mark> marks;
    private final Map<Object, Map<String, Mark>> keyMarks;

    private YamlDoc(String file, Object root, Map<Object, Mark> marks, Map<Object, Map<String, Mark>> keyMarks) {
        this.file = file;
        this.root = root;
        this.marks = marks;
        this.keyMarks = keyMarks;
    }

    /**
     * Parses {@code text}; {@code file} names it in errors (a project-relative path).
     *
     * @throws SluiceException naming file, line and column when the YAML is malformed
     */
    public static YamlDoc parse(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(64 * 1024 * 1024);
        Yaml yaml = new Yaml(options);
        Node node;
        try {
            node = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            if (problem != null && problem.contains("found character '\\t'")) {
                problem = "tabs are not allowed in YAML; indent with spaces";
            }
            throw SluiceException.user("yaml.syntax", location(file, m),
                    "Cannot read YAML: " + firstLine(problem) + (e.getContext() == null ? "" : " (" + e.getContext() + ")"), e);
        } catch (YAMLException e) {
            throw SluiceException.user("yaml.syntax", Location.of(file), "Cannot read YAML: " + firstLine(e.getMessage()), e);
        }
        Map<Object, Mark> marks = new IdentityHashMap<>();
        Map<Object, Map<String, Mark>> keyMarks = new IdentityHashMap<>();
        Object root = node == null ? null : convert(file, node, marks, keyMarks);
        return new YamlDoc(file, root, marks, keyMarks);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed YAML";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static final SafeConstructorHelper SCALARS = new SafeConstructorHelper();

    private static Object convert(String file, Node node, Map<Object, Mark> marks,
            Map<Object, Map<String, Mark>> keyMarks) {
        if (node instanceof MappingNode m) {
            Map<String, Object> map = new LinkedHashMap<>();
            Map<String, Mark> keys = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                Object key = convert(file, t.getKeyNode(), marks, keyMarks);
                Object value = convert(file, t.getValueNode(), marks, keyMarks);
                String k = key == null ? "null" : key.toString();
                if (map.containsKey(k)) {
                    throw SluiceException.user("yaml.duplicate", location(file, t.getKeyNode().getStartMark()),
                            "Cannot read YAML: duplicate key '" + k + "'");
                }
                map.put(k, value);
                keys.put(k, t.getKeyNode().getStartMark());
                // strings too (each scalar is its own String object); not numbers or booleans, which the JDK caches
                if (value != null && !(value instanceof Number) && !(value instanceof Boolean)) {
                    marks.putIfAbsent(value, t.getValueNode().getStartMark());
                }
            }
            marks.put(map, m.getStartMark());
            keyMarks.put(map, keys);
            return map;
        }
        if (node instanceof SequenceNode s) {
            List<Object> list = new ArrayList<>();
            for (Node item : s.getValue()) {
                Object value = convert(file, item, marks, keyMarks);
                list.add(value);
                // list items too, when they are strings (a test written as just its name)
                if (value instanceof String) {
                    marks.putIfAbsent(value, item.getStartMark());
                }
            }
            marks.put(list, s.getStartMark());
            return list;
        }
        return SCALARS.scalar((ScalarNode) node);
    }

    /** Resolves scalars with YAML 1.1 core rules as SnakeYAML's safe loader does (ints, floats, bools, null). */
    private static final class SafeConstructorHelper extends SafeConstructor {
        SafeConstructorHelper() {
            super(new LoaderOptions());
        }

        Object scalar(ScalarNode node) {
            Tag tag = node.getTag();
            if (Tag.TIMESTAMP.equals(tag)) {
                return node.getValue();
            }
            return constructObject(node);
        }
    }

    public String file() {
        return file;
    }

    /** The document's root value (null for an empty file). */
    public Object root() {
        return root;
    }

    /** The root as a mapping, or an error saying the file must hold one. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> rootMap() {
        if (root == null) {
            return new LinkedHashMap<>();
        }
        if (!(root instanceof Map)) {
            throw SluiceException.user("yaml.type", Location.of(file, 1),
                    "Cannot read " + file + ": expected a mapping of keys to values at the top level");
        }
        return (Map<String, Object>) root;
    }

    /** Where {@code value} (a map or list from this document) started, or the file alone. */
    public Location locate(Object value) {
        Mark m = value == null ? null : marks.get(value);
        return m == null ? Location.of(file) : location(file, m);
    }

    /** Where key {@code key} of mapping {@code map} (from this document) is written. */
    public Location locateKey(Object map, String key) {
        Map<String, Mark> keys = map == null ? null : keyMarks.get(map);
        Mark m = keys == null ? null : keys.get(key);
        return m == null ? locate(map) : location(file, m);
    }

    private static Location location(String file, Mark m) {
        return m == null ? Location.of(file) : new Location(file, m.getLine() + 1, m.getColumn() + 1);
    }
}
