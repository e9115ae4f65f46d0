package dev.sluice.core.internal.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What dbt_project.yml says, with dbt's defaults filled in. The {@code models}/{@code seeds}/...
 * trees are kept raw (with their {@code +} keys) for {@link dev.sluice.core.internal.config.ConfigResolver}.
 */
public record ProjectConfig(Path dir, String name, String version, String profile, List<String> modelPaths,
        List<String> seedPaths, List<String> macroPaths, List<String> analysisPaths, List<String> testPaths,
        List<String> snapshotPaths, List<String> docsPaths, String targetPath, List<String> cleanTargets,
        String packagesInstallPath, Map<String, Object> vars, Map<String, Object> models, Map<String, Object> seeds,
        Map<String, Object> sources, List<String> onRunStart, List<String> onRunEnd, Map<String, Object> quoting,
        Object requireDbtVersion, Map<String, Object> dataTests, Map<String, Object> snapshots,
        Map<String, Object> unitTests, Map<String, List<String>> dispatch, dev.sluice.core.internal.yaml.YamlDoc doc) {

    /** Where a key of one of this file's mappings is written (file:line:column), for warnings. */
    public dev.sluice.core.api.Location locateKey(Object map, String key) {
        return doc == null ? dev.sluice.core.api.Location.of("dbt_project.yml") : doc.locateKey(map, key);
    }

    /** Every directory that holds resources (and so property files and docs blocks). */
    public List<String> resourcePaths() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        all.addAll(modelPaths);
        all.addAll(seedPaths);
        all.addAll(macroPaths);
        all.addAll(analysisPaths);
        all.addAll(testPaths);
        all.addAll(snapshotPaths);
        return List.copyOf(all);
    }

    public Path targetDir() {
        return dir.resolve(targetPath);
    }
}
