package dev.sluice.core.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.jinja.Environment;
import dev.sluice.jinja.TemplateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders every case of {@code src/test/resources/modules/*.cases} with {@code modules} in the
 * context and compares with what CPython's Jinja2 and the real Python modules printed
 * ({@code *.golden.json}, from {@code src/test/python/regenerate_modules_goldens.py}): outputs
 * byte for byte; errors by Python exception type and message. Cases named {@code zone-*} need the
 * system's tzdata, {@code local-*} a UTC system clock (the goldens are generated with TZ=UTC).
 */
class ModulesCorpusTest {
    private static final Path ROOT = Path.of("src", "test", "resources", "modules");
    /** Python exceptions that Sluice raises as the built-in error they derive from or stand for. */
    private static final Map<String, String> ALIASES = Map.of(
            "UnknownTimeZoneError", "KeyError",
            "NonExistentTimeError", "ValueError",
            "AmbiguousTimeError", "ValueError",
            "error", "ValueError");

    record Case(String group, String name, String template) {
    }

    static List<Case> cases(Path file) throws IOException {
        String group = file.getFileName().toString().replace(".cases", "");
        List<Case> out = new ArrayList<>();
        String name = null;
        List<String> lines = new ArrayList<>();
        for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.startsWith("--- ")) {
                if (name != null) {
                    out.add(new Case(group, name, String.join("\n", lines)));
                }
                name = line.substring(4).strip();
                lines.clear();
            } else if (name != null) {
                lines.add(line);
            }
        }
        if (name != null) {
            out.add(new Case(group, name, String.join("\n", lines).replaceAll("\n+$", "")));
        }
        return out;
    }

    static Map<String, JsonNode> goldens(Path file) throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        new ObjectMapper().readTree(file.toFile()).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : caseFiles()) {
            Map<String, JsonNode> expected = goldens(Path.of(file.toString().replace(".cases", ".golden.json")));
            for (Case c : cases(file)) {
                tests.add(DynamicTest.dynamicTest(c.group() + "/" + c.name(), () -> check(c, expected.get(c.name()))));
            }
        }
        return tests.stream();
    }

    @Test
    void everyCaseHasAGoldenAndThereAreEnough() throws IOException {
        int total = 0;
        for (Path file : caseFiles()) {
            Map<String, JsonNode> expected = goldens(Path.of(file.toString().replace(".cases", ".golden.json")));
            List<String> names = cases(file).stream().map(Case::name).toList();
            assertThat(expected.keySet()).as("goldens of %s (run regenerate_modules_goldens.py)", file)
                    .containsExactlyElementsOf(names);
            total += names.size();
        }
        assertThat(caseFiles()).hasSize(4);
        assertThat(total).isGreaterThanOrEqualTo(60);
    }

    private static List<Path> caseFiles() throws IOException {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".cases")).sorted().toList();
        }
    }

    static String render(String template) {
        return Environment.standard().parse("main", template).render(Map.of("modules", PyModules.standard()));
    }

    private static void check(Case c, JsonNode expected) {
        assertThat(expected).as("golden of %s/%s", c.group(), c.name()).isNotNull();
        Assumptions.assumeTrue(!c.name().startsWith("zone-") || Files.isDirectory(Path.of("/usr/share/zoneinfo")),
                "tzdata's abbreviations need the system's /usr/share/zoneinfo");
        Assumptions.assumeTrue(!c.name().startsWith("local-")
                || java.time.ZoneId.systemDefault().getRules().getOffset(java.time.Instant.now()).getTotalSeconds() == 0,
                "local-time cases were generated with TZ=UTC");
        if (expected.has("out")) {
            assertThat(render(c.template())).isEqualTo(expected.get("out").asText());
            return;
        }
        String type = expected.get("error").asText();
        String message = expected.get("message").asText();
        try {
            String out = render(c.template());
            throw new AssertionError("expected " + type + ": " + message + " but rendered: " + out);
        } catch (TemplateException e) {
            assertThat(e.kind().pythonName()).as("error type of " + e.reason()).isEqualTo(ALIASES.getOrDefault(type, type));
            if (ALIASES.containsKey(type)) {
                assertThat(e.reason()).contains(message);
            } else {
                assertThat(e.reason()).isEqualTo(message);
            }
        }
    }
}
