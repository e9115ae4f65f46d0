package dev.sluice.core.internal.deps;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.yaml.Yaml;
import dev.sluice.core.internal.yaml.YamlDoc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A package's name: the {@code name} of the dbt_project.yml at its root. */
final class ProjectName {
    private ProjectName() {
    }

    static String of(Path root, Location where, String what) {
        Path file = root.resolve("dbt_project.yml");
        if (!Files.isRegularFile(file)) {
            throw SluiceException.user("deps.not_a_project", where, "Cannot install " + what + ": " + root
                    + " has no dbt_project.yml (a package is a dbt project; for a repository holding it in a folder,"
                    + " set subdirectory:)");
        }
        try {
            YamlDoc doc = YamlDoc.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            String name = Yaml.string(doc, doc.rootMap().get("name"), "name");
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw SluiceException.user("deps.name", where, "Cannot install " + what + ": its dbt_project.yml has no"
                        + " valid name (got '" + name + "')");
            }
            return name;
        } catch (IOException e) {
            throw SluiceException.user("deps.read", where, "Cannot install " + what + ": cannot read " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
