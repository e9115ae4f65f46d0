package dev.sluice.core.internal.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.api.SluiceException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageSpecsTest {
    @Test
    void readsLocalGitAndHubEntriesWithTheirLines() {
        PackagesFile f = PackagesFile.parse("packages.yml", """
                packages:
                  - local: ../shared
                  - git: https://example.com/acme/tools.git
                    revision: 0.4.0
                    subdirectory: pkg
                    warn-unpinned: false
                  - package: dbt-labs/dbt_utils
                    version: [">=1.0.0", "<2.0.0"]
                  - package: acme/dates
                    version: ">=0.9.0, <1.0.0"
                """, null);

        assertThat(f.specs()).hasSize(4);
        assertThat(f.specs().get(0)).isEqualTo(new PackageSpec.Local("../shared", f.specs().get(0).where()));
        assertThat(f.specs().get(0).where().line()).isEqualTo(2);
        PackageSpec.Git git = (PackageSpec.Git) f.specs().get(1);
        assertThat(git.revision()).isEqualTo("0.4.0");
        assertThat(git.subdirectory()).isEqualTo("pkg");
        assertThat(git.warnUnpinned()).isFalse();
        PackageSpec.Hub utils = (PackageSpec.Hub) f.specs().get(2);
        assertThat(utils.org()).isEqualTo("dbt-labs");
        assertThat(utils.name()).isEqualTo("dbt_utils");
        assertThat(utils.versions()).containsExactly(">=1.0.0", "<2.0.0");
        assertThat(((PackageSpec.Hub) f.specs().get(3)).versions()).containsExactly(">=0.9.0", "<1.0.0");
    }

    @Test
    void rejectsEntriesItCannotInstallWithTheirLocation() {
        assertThatThrownBy(() -> PackagesFile.parse("packages.yml", "packages:\n  - tarball: x.tgz\n", null))
                .isInstanceOf(SluiceException.class).hasMessageContaining("packages.yml:2:5")
                .hasMessageContaining("local:, git: or package:");
        assertThatThrownBy(() -> PackagesFile.parse("packages.yml", "packages:\n  - package: dbt_utils\n    version: 1.0.0\n",
                null)).hasMessageContaining("packages.yml:2:5").hasMessageContaining("<organization>/<package>");
        assertThatThrownBy(() -> PackagesFile.parse("packages.yml", "packages:\n  - package: a/b\n", null))
                .hasMessageContaining("packages.yml:2:5").hasMessageContaining("need a version");
        assertThatThrownBy(() -> PackagesFile.parse("packages.yml", "packages:\n  - package: a/b\n    version: latest\n",
                null)).hasMessageContaining("packages.yml:3:5").hasMessageContaining("'latest' is not a version");
        assertThatThrownBy(() -> PackagesFile.parse("packages.yml", "packages:\n  - git: x\n    branch: main\n", null))
                .hasMessageContaining("packages.yml:3:5").hasMessageContaining("unknown key 'branch'");
    }

    @Test
    void picksTheHighestTagInsideTheRanges() {
        List<String> tags = List.of("0.9.1", "1.0.0", "1.1.0", "1.10.2", "1.11.0-b1", "2.0.0", "v1.12.0rc1", "latest");
        assertThat(Versions.best(tags, List.of(">=1.0.0", "<2.0.0"), false)).contains("1.10.2");
        assertThat(Versions.best(tags, List.of(">=1.0.0", "<2.0.0"), true)).contains("v1.12.0rc1");
        assertThat(Versions.best(tags, List.of("1.1.0"), false)).contains("1.1.0");
        assertThat(Versions.best(tags, List.of("1.11.0-b1"), false)).contains("1.11.0-b1");
        assertThat(Versions.best(List.of("v1.2.0", "v1.3.0"), List.of("<1.3.0"), false)).contains("v1.2.0");
        assertThat(Versions.best(tags, List.of(">=3.0.0"), true)).isEmpty();
        assertThat(Versions.isRange(">= 1.0.0")).isTrue();
        assertThat(Versions.isRange("1.5.x")).isTrue();
        assertThat(Versions.isRange("main")).isFalse();
    }

    @Test
    void readsDependenciesYmlAndRefusesPackagesInBothFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        assertThat(PackagesFile.read(dir, "", null)).isNull();
        java.nio.file.Files.writeString(dir.resolve("dependencies.yml"), "packages:\n  - local: ../a\n");
        assertThat(PackagesFile.read(dir, "", null).file()).isEqualTo("dependencies.yml");
        java.nio.file.Files.writeString(dir.resolve("packages.yml"), "packages: []\n");
        assertThat(PackagesFile.read(dir, "", null).file()).isEqualTo("dependencies.yml");
        java.nio.file.Files.writeString(dir.resolve("packages.yml"), "packages:\n  - local: ../b\n");
        assertThatThrownBy(() -> PackagesFile.read(dir, "", null)).isInstanceOf(SluiceException.class)
                .hasMessageContaining("both packages.yml and dependencies.yml list packages");
    }
}
