package dev.sluice.cli;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One case of the bad-input corpus ({@code src/test/resources/bad-input/*.case}): a small project
 * and what running a command on it must give. The format:
 *
 * <pre>
 * # what the case is about (comment lines start with #)
 * category: yaml
 * setup: run                  optional: a command that must succeed first (it builds what must survive)
 * command: run -s a           the command under test; --project-dir and --profiles-dir are added
 * exit: 1
 * error: models/a\.sql:2: Cannot ...      a regex exactly one output line must contain
 * location: line              line (default: file:line in that line), compiled (a file, the SQLState and
 *                             the line of the compiled SQL), file (a file name), or none
 * absent: REDACTED            optional: a regex no output line may contain
 * gap: why                    optional: Sluice does not meet the expectations yet; the case must fail
 * omit: profiles.yml          optional: a default file not to write
 * --- file: models/a.sql      a file written before setup; "--- then: path" is written after it
 * select 1
 * --- file: seeds/x.csv (escaped)    \xNN, \t, \r and \\ are bytes/characters
 * --- file: seeds/x.csv (ISO-8859-1) written in that charset instead of UTF-8
 * </pre>
 *
 * In files and the command, {@code @SCHEMA@}, {@code @HOST@}, {@code @PORT@}, {@code @USER@},
 * {@code @PASSWORD@} and {@code @DBNAME@} stand for the case's target.
 */
record BadInputCase(String name, String description, String category, List<String> setup, List<String> command,
        int exit, Pattern error, Pattern absent, String gap, Location location, List<String> omit, List<FileText> files, List<FileText> then) {
    enum Location { LINE, COMPILED, FILE, NONE }

    /** A file's text as written in the case, and how to turn it into bytes. */
    record FileText(String path, String text, String encoding) {
        byte[] bytes(UnaryOperator<String> placeholders) {
            String resolved = placeholders.apply(text);
            if ("escaped".equals(encoding)) {
                return unescape(resolved);
            }
            return resolved.getBytes(encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding));
        }
    }

    BadInputCase {
        requireNonNull(name, "name is null");
        requireNonNull(command, "command is null");
        requireNonNull(error, "error is null");
        setup = List.copyOf(setup);
        command = List.copyOf(command);
        omit = List.copyOf(omit);
        files = List.copyOf(files);
        then = List.copyOf(then);
    }

    static BadInputCase parse(String name, String text) {
        Map<String, String> header = new LinkedHashMap<>();
        StringBuilder description = new StringBuilder();
        List<FileText> files = new ArrayList<>();
        List<FileText> then = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        for (; i < lines.length && !lines[i].startsWith("--- "); i++) {
            String line = lines[i];
            if (line.startsWith("#")) {
                description.append(description.length() == 0 ? "" : " ").append(line.substring(1).trim());
            } else if (!line.isBlank()) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected 'key: value', got " + line);
                }
                header.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        while (i < lines.length) {
            String[] head = lines[i].substring(4).split(":", 2);
            String spec = head[1].trim();
            String encoding = null;
            int paren = spec.indexOf(" (");
            if (paren > 0 && spec.endsWith(")")) {
                encoding = spec.substring(paren + 2, spec.length() - 1);
                spec = spec.substring(0, paren);
            }
            StringBuilder body = new StringBuilder();
            for (i++; i < lines.length && !lines[i].startsWith("--- "); i++) {
                body.append(lines[i]).append('\n');
            }
            String content = i == lines.length ? body.substring(0, Math.max(0, body.length() - 1)) : body.toString();
            switch (head[0].trim()) {
                case "file" -> files.add(new FileText(spec, content, encoding));
                case "then" -> then.add(new FileText(spec, content, encoding));
                default -> throw new IllegalArgumentException(name + ": unknown section '" + head[0] + "'");
            }
        }
        for (String key : List.of("category", "command", "exit", "error")) {
            if (!header.containsKey(key)) {
                throw new IllegalArgumentException(name + ": no '" + key + ":' in the header");
            }
        }
        return new BadInputCase(name, description.toString(), header.get("category"), words(header.get("setup")),
                words(header.get("command")), Integer.parseInt(header.get("exit")), Pattern.compile(header.get("error")),
                header.containsKey("absent") ? Pattern.compile(header.get("absent")) : null, header.get("gap"),
                Location.valueOf(header.getOrDefault("location", "line").toUpperCase(java.util.Locale.ROOT)),
                words(header.get("omit")), files, then);
    }

    /** Splits a command line on spaces; single quotes keep spaces inside one argument. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        if (line == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    private static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                plain.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 't' -> plain.append('\t');
                case 'r' -> plain.append('\r');
                case '\\' -> plain.append('\\');
                case 'x' -> {
                    out.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
                    plain.setLength(0);
                    out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> plain.append('\\').append(next);
            }
        }
        out.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
