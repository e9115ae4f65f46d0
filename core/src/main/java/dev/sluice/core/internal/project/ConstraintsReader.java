package dev.sluice.core.internal.project;

import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.model.Constraint;
import dev.sluice.core.internal.yaml.Yaml;
import dev.sluice.core.internal.yaml.YamlDoc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code constraints:} of a model or of one of its columns, as a property file writes them:
 * {@code type} (required), {@code name}, {@code expression}, {@code warn_unenforced},
 * {@code warn_unsupported}, a foreign key's {@code to}/{@code to_columns}, and at the model level
 * the {@code columns} a constraint spans.
 */
final class ConstraintsReader {
    private ConstraintsReader() {
    }

    /** The constraints in {@code value} (a list, or null); {@code owner} names what they belong to in errors. */
    static List<Constraint> read(YamlDoc doc, Object value, String owner, boolean modelLevel) {
        List<Constraint> out = new ArrayList<>();
        for (Object entry : Yaml.list(doc, value, "constraints of " + owner)) {
            Map<String, Object> m = Yaml.map(doc, entry, "a constraint of " + owner);
            String typeName = Yaml.string(doc, m.get("type"), "constraint type");
            Constraint.Type type = typeName == null ? null : Constraint.Type.of(typeName);
            if (type == null) {
                String known = Arrays.stream(Constraint.Type.values()).map(Constraint.Type::dbtName)
                        .collect(Collectors.joining(", "));
                throw SluiceException.user("constraint.type", typeName == null ? doc.locate(m) : doc.locateKey(m, "type"),
                        "Cannot read a constraint of " + owner + ": its type must be one of " + known
                                + (typeName == null ? " (it has no type)" : " (not '" + typeName + "')"));
            }
            List<String> columns = Yaml.strings(doc, m.get("columns"), "columns of a constraint of " + owner);
            if (!modelLevel && m.containsKey("columns")) {
                throw SluiceException.user("constraint.columns", doc.locateKey(m, "columns"), "Cannot read a constraint"
                        + " of " + owner + ": 'columns' belongs to constraints at the model level; a column's"
                        + " constraint applies to that column");
            }
            out.add(new Constraint(type, Yaml.string(doc, m.get("name"), "constraint name"),
                    Yaml.string(doc, m.get("expression"), "constraint expression"),
                    flag(doc, m, "warn_unenforced", owner), flag(doc, m, "warn_unsupported", owner),
                    Yaml.string(doc, m.get("to"), "constraint to"),
                    Yaml.strings(doc, m.get("to_columns"), "to_columns of a constraint of " + owner), columns,
                    doc.locate(m)));
        }
        return out;
    }

    private static boolean flag(YamlDoc doc, Map<String, Object> m, String key, String owner) {
        Object v = m.get(key);
        if (v == null) {
            return true;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().strip();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw SluiceException.user("constraint.flag", doc.locateKey(m, key), "Cannot read a constraint of " + owner
                + ": " + key + " must be true or false (not '" + s + "')");
    }
}
