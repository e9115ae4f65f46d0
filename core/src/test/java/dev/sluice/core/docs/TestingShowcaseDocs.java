package dev.sluice.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.Sluice;
import dev.sluice.core.TestingDatabase;
import dev.sluice.core.TestingProjects;
import dev.sluice.core.api.DocsResult;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The showcase built on the test database under a developer schema of its own, then documented:
 * what docs tests look at. {@link #drop()} removes its schemas.
 */
final class TestingShowcaseDocs {
    final Path project;
    final String developer;
    final DocsResult docs;

    TestingShowcaseDocs(Path dir) {
        project = TestingProjects.copyShowcase(dir);
        TestingProjects.write(project.resolve("profiles.yml"), TestingProjects.read(project.resolve("profiles.example.yml")));
        developer = "docs_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        try (Sluice sluice = configure(dir).load()) {
            RunResult build = sluice.build(Selection.all());
            assertThat(build.success()).as("showcase build").isTrue();
        }
        try (Sluice sluice = configure(dir).load()) {
            docs = sluice.docsGenerate();
        }
    }

    Sluice.Configuration configure(Path home) {
        return TestingProjects.showcaseAs(project, home, developer);
    }

    Path target() {
        return project.resolve("target");
    }

    Path page(String uniqueId) {
        return target().resolve("docs/nodes/" + uniqueId + ".html");
    }

    void drop() {
        for (String stage : List.of("seed", "rsv", "cmp", "mrt")) {
            TestingDatabase.adapter().withConnection(c -> c.execute("drop schema if exists \"dev_" + developer + "_"
                    + stage + "\" cascade"));
        }
    }
}
