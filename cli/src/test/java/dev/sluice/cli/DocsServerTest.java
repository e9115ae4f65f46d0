package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs server over real HTTP: files under the target directory, nothing outside it. */
class DocsServerTest {
    @TempDir
    Path dir;

    private HttpResponse<String> get(DocsServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheSiteAndNothingElse() throws Exception {
        Path target = Files.createDirectories(dir.resolve("project/target"));
        Files.writeString(target.resolve("index.html"), "<h1>docs</h1>");
        Files.createDirectories(target.resolve("docs/assets"));
        Files.writeString(target.resolve("docs/assets/sluice-docs.js"), "window.x = 1;");
        Files.writeString(dir.resolve("project/profiles.yml"), "secret: yes");
        Files.createSymbolicLink(target.resolve("escape"), dir.resolve("project"));
        try (DocsServer server = DocsServer.start(target, "127.0.0.1", 0)) {
            HttpResponse<String> index = get(server, "");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).isEqualTo("<h1>docs</h1>");
            assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            HttpResponse<String> js = get(server, "docs/assets/sluice-docs.js");
            assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
            assertThat(get(server, "missing.html").statusCode()).isEqualTo(404);
            assertThat(get(server, "%2e%2e/profiles.yml").statusCode()).isEqualTo(404);
            assertThat(get(server, "docs/../../profiles.yml").statusCode()).isEqualTo(404);
            assertThat(get(server, "escape/profiles.yml").statusCode()).isEqualTo(404);
        }
    }
}
