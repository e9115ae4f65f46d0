package dev.sluice.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.Sluice;
import dev.sluice.core.TestingProjects;
import dev.sluice.core.api.DocsResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project whose names, descriptions, docs blocks, tags and exposure try to inject markup and
 * script into the docs site: every page and the graph data must carry them as inert text.
 * Generated with an empty catalog, so no database is needed.
 */
class HostileDocsTest {
    private static final String SCRIPT = "<script>alert('pwned')</script>";

    @TempDir
    Path dir;
    Path project;

    @BeforeEach
    void setUp() {
        project = hostileProject(dir);
    }

    /** The shop project with hostile text everywhere a project can put text. */
    static Path hostileProject(Path dir) {
        Path project = TestingProjects.copy("shop", dir);
        TestingProjects.write(project.resolve("models/marts/hostile.sql"), "select 1 as \"<b>col</b>\"\n");
        TestingProjects.write(project.resolve("models/marts/hostile.yml"), """
                version: 2
                models:
                  - name: hostile
                    description: "%s <img src=x onerror=alert(1)> [click](javascript:alert(2)) {{ doc('evil') }}"
                    config:
                      tags: ["<svg onload=alert(3)>"]
                    columns:
                      - name: "<b>col</b>"
                        description: "</td></tr></table><script>alert(4)</script>"
                exposures:
                  - name: evil_app
                    label: "</text><script>alert(5)</script>"
                    type: application
                    url: "javascript:alert(6)"
                    description: "%s"
                    depends_on: ["ref('hostile')"]
                    owner: {name: "<i onmouseover=alert(7)>me</i>", email: "\\"><script>alert(8)</script>"}
                """.formatted(SCRIPT, SCRIPT));
        TestingProjects.write(project.resolve("models/marts/evil.md"),
                "{% docs evil %}\n<iframe src=\"javascript:alert(9)\"></iframe>\n{% enddocs %}\n");
        TestingProjects.write(project.resolve("models/marts/docs.md"), TestingProjects.read(project.resolve(
                "models/marts/docs.md")) + "\n{% docs __overview__ %}\n# Overview " + SCRIPT + "\n{% enddocs %}\n");
        return project;
    }

    @Test
    void hostileTextRendersInert() throws IOException {
        DocsResult docs;
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load()) {
            docs = sluice.docsGenerate(true);
        }
        Path target = project.resolve("target");
        List<Path> files;
        try (Stream<Path> s = Files.walk(target.resolve("docs"))) {
            files = s.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".js")).toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        for (Path f : Stream.concat(files.stream(), Stream.of(docs.index())).toList()) {
            String text = Files.readString(f);
            if (f.getFileName().toString().equals("sluice-docs.js")) {
                continue; // our own script
            }
            assertThat(text).as(f.toString()).doesNotContain("<script>alert").doesNotContain("<img src=x")
                    .doesNotContain("<svg onload").doesNotContain("<iframe").doesNotContain("<i onmouseover")
                    .doesNotContain("href=\"javascript:").doesNotContain("</text><script>");
        }
        String page = Files.readString(target.resolve("docs/nodes/model.shop.hostile.html"));
        assertThat(page).contains("&lt;script&gt;alert('pwned')&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;iframe src=&quot;javascript:alert(9)&quot;&gt;&lt;/iframe&gt;")
                .contains("<code>&lt;b&gt;col&lt;/b&gt;</code>")
                .contains("&lt;svg onload=alert(3)&gt;");
        String exposure = Files.readString(target.resolve("docs/nodes/exposure.shop.evil_app.html"));
        assertThat(exposure).contains("<td>javascript:alert(6)</td>").contains("&lt;i onmouseover=alert(7)&gt;me&lt;/i&gt;");
        String data = Files.readString(target.resolve("docs/graph-data.js"));
        assertThat(data).contains("\\u003c/text\\u003e\\u003cscript\\u003ealert(5)\\u003c/script\\u003e");
        assertThat(Files.readString(docs.index())).contains("Overview &lt;script&gt;");
    }
}
