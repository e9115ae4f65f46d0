package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.TestingLauncher.Invocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice deps} through the real library: it needs no profile and no database. */
class DepsCommandTest {
    private final TestingLauncher launcher = new TestingLauncher();

    @TempDir
    Path dir;

    private void write(String file, String text) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void installsThenReinstallsWhatTheLockPins() throws IOException {
        write("dbt_project.yml", "name: shop\nversion: '1.0'\nconfig-version: 2\n");
        write("tools/dbt_project.yml", "name: tools\nversion: '1.0'\nconfig-version: 2\n");
        write("packages.yml", "packages:\n  - local: tools\n");

        Invocation first = launcher.execute("deps", "--project-dir", dir.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Installing tools", "Installed from <local @ tools>",
                "Resolved and installed 1 package(s); wrote package-lock.yml.");
        assertThat(Files.isSymbolicLink(dir.resolve("dbt_packages/tools"))).isTrue();

        Invocation second = launcher.execute("deps", "--project-dir", dir.toString());
        assertThat(second.out()).contains("Installed 1 package(s) as package-lock.yml pins them.");
        assertThat(launcher.settings).as("deps does not load the project").isNull();
    }

    @Test
    void exitsTwoNamingTheLineOfABadEntry() throws IOException {
        write("dbt_project.yml", "name: shop\nversion: '1.0'\nconfig-version: 2\n");
        write("packages.yml", "packages:\n  - local: missing\n");

        Invocation invocation = launcher.execute("deps", "--project-dir", dir.toString());
        assertThat(invocation.exitCode()).isEqualTo(2);
        assertThat(invocation.err()).contains("packages.yml:2:5: Cannot install local package 'missing'")
                .doesNotContain("at dev.sluice");
    }

    @Test
    void cleanDeletesThePackagesWithoutLoadingTheProjectThatNeedsThem() throws IOException {
        write("dbt_project.yml", "name: shop\nversion: '1.0'\nconfig-version: 2\nclean-targets: [target, dbt_packages]\n");
        write("tools/dbt_project.yml", "name: tools\nversion: '1.0'\nconfig-version: 2\n");
        write("tools/macros/m.sql", "{% macro m() %}1{% endmacro %}\n");
        write("packages.yml", "packages:\n  - local: tools\n");
        Launcher noLoading = (settings, listener) -> {
            throw new AssertionError("clean and deps must not load the project");
        };
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = SluiceCommand.commandLine(noLoading).setOut(new java.io.PrintWriter(out, true));

        assertThat(cli.execute("deps", "--project-dir", dir.toString())).isZero();
        assertThat(cli.execute("clean", "--project-dir", dir.toString())).isZero();
        assertThat(cli.execute("clean", "--project-dir", dir.toString())).isZero();

        assertThat(TestingRuns.maskTime(out.toString())).contains("Cleaned dbt_packages/*");
        assertThat(dir.resolve("dbt_packages")).doesNotExist();
        assertThat(dir.resolve("tools/macros/m.sql")).exists(); // the link went, not the package it pointed to
    }
}
