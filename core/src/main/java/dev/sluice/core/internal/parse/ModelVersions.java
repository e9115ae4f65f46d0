package dev.sluice.core.internal.parse;

import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.project.PropertyFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dbt's model versions: a model whose properties list {@code versions: [{v: 1}, {v: 2}]} is built
 * once per version, each from its own SQL file ({@code <name>_v<v>.sql}, or {@code defined_in}),
 * as {@code model.<package>.<name>.v<v>} named {@code <name>_v<v>} in the database; a plain
 * {@code ref('name')} reads {@code latest_version} (the highest version when unset) and
 * {@code ref('name', v=1)} a given one.
 */
final class ModelVersions {
    private ModelVersions() {
    }

    /** One version's SQL file: the model it is, its version, the model's latest version, its own config. */
    record VersionedFile(String model, String version, String latest, Map<String, Object> config,
            PropertyFiles.Patch patch) {
    }

    /** The versioned models' SQL files of a project, by file stem. */
    static Map<String, VersionedFile> files(PropertyFiles.Properties props) {
        Map<String, VersionedFile> out = new LinkedHashMap<>();
        for (PropertyFiles.Patch p : props.models().values()) {
            if (!(p.raw().get("versions") instanceof List<?> list) || list.isEmpty()) {
                continue;
            }
            String latest = p.raw().get("latest_version") == null ? null : text(p.raw().get("latest_version"));
            String highest = null;
            for (Object entry : list) {
                if (!(entry instanceof Map<?, ?> m) || m.get("v") == null) {
                    throw SluiceException.user("version.shape", p.location(), "Cannot read the versions of model "
                            + p.name() + " in " + p.file() + ": each entry needs a version, as {v: 2}");
                }
                String v = text(m.get("v"));
                if (highest == null || compare(v, highest) > 0) {
                    highest = v;
                }
            }
            String chosen = latest != null ? latest : highest;
            boolean declared = false;
            for (Object entry : list) {
                Map<?, ?> m = (Map<?, ?>) entry;
                String v = text(m.get("v"));
                declared |= v.equals(chosen);
                String stem = m.get("defined_in") != null ? text(m.get("defined_in")) : p.name() + "_v" + v;
                Map<String, Object> config = new LinkedHashMap<>();
                if (m.get("config") instanceof Map<?, ?> c) {
                    c.forEach((k, x) -> config.put(String.valueOf(k), x));
                }
                if (out.put(stem, new VersionedFile(p.name(), v, chosen, config, p)) != null) {
                    throw SluiceException.user("version.duplicate", p.location(), "Cannot read the versions of model "
                            + p.name() + " in " + p.file() + ": two versions are defined in " + stem + ".sql");
                }
            }
            if (!declared) {
                throw SluiceException.user("version.latest", p.location(), "Cannot read the versions of model " + p.name()
                        + " in " + p.file() + ": latest_version " + chosen + " is not one of its versions");
            }
        }
        return out;
    }

    /** Every declared version has its SQL file among the parsed models. */
    static void check(Map<String, VersionedFile> files, Map<String, Map<String, Node>> versions, String pkg,
            PropertyFiles.Properties props) {
        for (Map.Entry<String, VersionedFile> e : files.entrySet()) {
            VersionedFile f = e.getValue();
            Map<String, Node> found = versions.getOrDefault(pkg + "." + f.model(), Map.of());
            if (!found.containsKey(f.version())) {
                throw SluiceException.user("version.file", f.patch().location(), "Cannot build version " + f.version()
                        + " of model " + f.model() + " (" + f.patch().file() + "): no model file named " + e.getKey()
                        + ".sql; name the file so, or point the version at its file with defined_in");
            }
        }
    }

    private static String text(Object v) {
        String s = String.valueOf(v).strip();
        return s.endsWith(".0") && s.matches("\\d+\\.0") ? s.substring(0, s.length() - 2) : s;
    }

    /** Versions compare as numbers when both are, else as text. */
    static int compare(String a, String b) {
        try {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
