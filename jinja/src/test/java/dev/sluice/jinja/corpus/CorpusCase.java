package dev.sluice.jinja.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One differential case: the main template, other templates by name, JSON context and config,
 * and the golden produced by CPython's Jinja2 ({@code .out} text or {@code .err} JSON).
 */
record CorpusCase(String id, String template, Map<String, String> files, String context, String config,
        String expectedOutput, String expectedError) {

    static CorpusCase load(Path root, Path file) throws IOException {
        String id = root.relativize(file).toString().replace('\\', '/').replaceAll("\\.case$", "");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        List<String> body = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("--- ")) {
                if (current != null) {
                    sections.put(current, String.join("\n", body));
                }
                current = line.substring(4);
                body.clear();
            } else if (current != null) {
                body.add(line);
            }
        }
        if (current != null) {
            sections.put(current, String.join("\n", body));
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : sections.entrySet()) {
            if (e.getKey().startsWith("file ")) {
                files.put(e.getKey().substring(5), e.getValue());
            }
        }
        Path out = file.resolveSibling(file.getFileName().toString().replaceAll("\\.case$", ".out"));
        Path err = file.resolveSibling(file.getFileName().toString().replaceAll("\\.case$", ".err"));
        String expectedOutput = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : null;
        String expectedError = Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8).strip() : null;
        return new CorpusCase(id, sections.get("template"), files, sections.get("context"), sections.get("config"),
                expectedOutput, expectedError);
    }

}
