package dev.sluice.core.internal.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.api.SluiceException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageLockFileTest {
    private static final LockFile LOCK = new LockFile(List.of(
            new LockFile.Pin("shared", LockFile.Kind.LOCAL, "../shared", null, null),
            new LockFile.Pin("tools", LockFile.Kind.GIT, "https://example.com/acme/tools.git",
                    "4d84450bce8c610f77fc709571b1792d9bb90ac2", "pkg"),
            new LockFile.Pin("dbt_utils", LockFile.Kind.HUB, "dbt-labs/dbt_utils", "1.10", null)),
            "8df00a59b4807245f50e2dcd08ba8d4831cb930b");

    @Test
    void writesDbtsShapeAndReadsItBack() {
        assertThat(LOCK.text()).isEqualTo("""
                packages:
                  - local: ../shared
                    name: shared
                  - git: https://example.com/acme/tools.git
                    revision: 4d84450bce8c610f77fc709571b1792d9bb90ac2
                    subdirectory: pkg
                    name: tools
                  - package: dbt-labs/dbt_utils
                    version: "1.10"
                    name: dbt_utils
                sha1_hash: 8df00a59b4807245f50e2dcd08ba8d4831cb930b
                """);
        assertThat(LockFile.parse(LOCK.text())).isEqualTo(LOCK);
    }

    @Test
    void hashesTheSpecAsWrittenWhateverTheKeyOrder() {
        List<Object> a = List.of(java.util.Map.of("package", "a/b", "version", "1.0.0"));
        var reordered = new java.util.LinkedHashMap<String, Object>();
        reordered.put("version", "1.0.0");
        reordered.put("package", "a/b");
        assertThat(LockFile.hash(a)).hasSize(40).isEqualTo(LockFile.hash(List.of(reordered)));
        assertThat(LockFile.hash(a)).isNotEqualTo(LockFile.hash(List.of(java.util.Map.of("package", "a/b",
                "version", "1.0.1"))));
    }

    @Test
    void aLockWithoutNamesIsAnErrorSayingHowToRewriteIt() {
        assertThatThrownBy(() -> LockFile.parse("packages:\n  - git: x\n    revision: abc\nsha1_hash: 00\n"))
                .isInstanceOf(SluiceException.class).hasMessageContaining("package-lock.yml:2:5")
                .hasMessageContaining("run sluice deps");
    }
}
