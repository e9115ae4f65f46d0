package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets on a real run: the target's password and the values env_var() reads from variables named
 * like secrets reach neither manifest.json nor run_results.json, and {@link Sluice#scrub} masks them
 * in whatever an embedder logs (the CLI scrubs its output and logs/dbt.log with it).
 */
class SecretsIT {
    private static final String PASSWORD = "hunter2-target-pw";
    private static final String TOKEN = "tok-12345-not-for-logs";
    private static final String DBT_SECRET = "dbt-env-secret-42";

    @TempDir
    Path dir;

    @Test
    void secretsStayOutOfArtifactsAndAreScrubbedFromMessages() {
        Path project = dir.resolve("sec");
        String schema = TestingDatabase.freshSchema("secrets");
        // the test server trusts local connections: the password is not checked
        TestingProjects.newProject(project, "sec", TestingDatabase.targetConfig(schema, Map.of("password", PASSWORD)), "");
        TestingProjects.write(project.resolve("models/uses_token.sql"), """
                {% do log('calling the API with ' ~ env_var('API_TOKEN') ~ ' and ' ~ env_var('DBT_ENV_SECRET_KEY'), info=True) %}
                select '{{ env_var("API_TOKEN") }}' as token, '{{ env_var("TEAM") }}' as team
                """);
        List<String> messages = new CopyOnWriteArrayList<>();
        RunResult r;
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString(),
                "API_TOKEN", TOKEN, "DBT_ENV_SECRET_KEY", DBT_SECRET, "TEAM", "pharma")).listener(e -> {
                    if (e instanceof SluiceEvent.Message m) {
                        messages.add(m.text());
                    }
                }).load()) {
            r = sluice.run(Selection.all());
            assertThat(r.success()).as(r.toString()).isTrue();
            String logged = String.join("\n", messages);
            assertThat(logged).contains(TOKEN); // the listener gets the raw text; scrub() is the embedder's filter
            assertThat(sluice.scrub(logged)).doesNotContain(TOKEN, DBT_SECRET).contains("calling the API with **** and ****");
            assertThat(sluice.scrub("connecting with " + PASSWORD)).isEqualTo("connecting with ****");
            assertThat(sluice.scrub("team pharma")).isEqualTo("team pharma");
        }
        for (String artifact : List.of("manifest.json", "run_results.json")) {
            assertThat(TestingProjects.read(project.resolve("target").resolve(artifact))).as(artifact)
                    .doesNotContain(PASSWORD, TOKEN, DBT_SECRET);
        }
    }
}
