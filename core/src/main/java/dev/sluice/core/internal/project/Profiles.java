package dev.sluice.core.internal.project;

import dev.sluice.core.api.Location;
import dev.sluice.core.internal.io.TextFiles;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.yaml.Yaml;
import dev.sluice.core.internal.yaml.YamlDoc;
import dev.sluice.core.spi.TargetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds and reads profiles.yml as dbt does ({@code --profiles-dir}, {@code DBT_PROFILES_DIR},
 * the project directory, {@code ~/.dbt}) and picks the target. Without any profiles.yml the
 * target is an embedded PostgreSQL in the project.
 */
public final class Profiles {
    static final String FILE = "profiles.yml";

    private Profiles() {
    }

    /** Where the profile came from and the chosen target. */
    public record Resolved(Path file, TargetConfig target) {
    }

    /** The target used when no profiles.yml exists: an embedded PostgreSQL whose data lives in the project. */
    public static TargetConfig embeddedDefault(String profile) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "postgres");
        s.put("embedded", true);
        s.put("dbname", "sluice");
        s.put("schema", "analytics");
        s.put("threads", 4);
        return new TargetConfig(profile, "embedded", "postgres", s, null);
    }

    public static Path locate(Path explicitDir, Path projectDir, Map<String, String> env) {
        if (explicitDir != null) {
            Path f = explicitDir.resolve(FILE);
            if (!Files.isRegularFile(f)) {
                throw SluiceException.user("profile.missing", Location.of(f.toString()),
                        "Cannot find profiles.yml in " + explicitDir + " (given by --profiles-dir)");
            }
            return f;
        }
        String envDir = env.get("DBT_PROFILES_DIR");
        if (envDir != null && !envDir.isBlank()) {
            Path f = Path.of(envDir).resolve(FILE);
            if (!Files.isRegularFile(f)) {
                throw SluiceException.user("profile.missing", Location.of(f.toString()),
                        "Cannot find profiles.yml in " + envDir + " (given by DBT_PROFILES_DIR)");
            }
            return f;
        }
        Path inProject = projectDir.resolve(FILE);
        if (Files.isRegularFile(inProject)) {
            return inProject;
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        if (home != null) {
            Path f = Path.of(home, ".dbt", FILE);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Reads {@code file} and returns target {@code targetName} (or the profile's default target) of
     * profile {@code profileName}, with {@code env_var()} rendered.
     */
    public static TargetConfig read(Path file, String profileName, String targetName, TemplateRenderer renderer) {
        String shown = file.toString();
        String text = TextFiles.readUtf8(file, shown, "profile.read");
        YamlDoc doc = YamlDoc.parse(shown, text);
        Map<String, Object> root = doc.rootMap();
        if (profileName == null) {
            throw SluiceException.user("profile.none", Location.of(ProjectFile.FILE),
                    "Cannot pick a profile: dbt_project.yml has no 'profile' (add profile: <name> or pass --profile)");
        }
        Object p = root.get(profileName);
        if (p == null) {
            throw SluiceException.user("profile.unknown", Location.of(shown), "Cannot find profile '" + profileName
                    + "' in " + shown + " (it has: " + String.join(", ", root.keySet().stream().filter(k -> !k.equals("config")).toList())
                    + ")");
        }
        Map<String, Object> profile = Yaml.map(doc, p, "profile '" + profileName + "'");
        String name = targetName;
        if (name == null) {
            Object t = renderer.renderValue(profile.get("target"), doc.locateKey(profile, "target"));
            name = t == null ? "default" : t.toString();
        }
        Map<String, Object> outputs = Yaml.map(doc, profile.get("outputs"), "outputs of profile '" + profileName + "'");
        Object out = outputs.get(name);
        if (out == null) {
            throw SluiceException.user("profile.target", doc.locateKey(profile, "outputs"), "Cannot find target '" + name
                    + "' in profile '" + profileName + "' (its targets: " + String.join(", ", outputs.keySet()) + ")");
        }
        Location where = doc.locate(out);
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) renderer.renderValue(Yaml.map(doc, out, "target '" + name + "'"), where);
        Object type = settings.get("type");
        if (type == null) {
            throw SluiceException.user("profile.type", where, "Cannot use target '" + name + "' of profile '" + profileName
                    + "': it has no 'type' (e.g. type: postgres)");
        }
        return new TargetConfig(profileName, name, type.toString(), settings, where);
    }
}
