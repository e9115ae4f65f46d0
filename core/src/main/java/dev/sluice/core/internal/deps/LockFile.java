package dev.sluice.core.internal.deps;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.io.OutputFiles;
import dev.sluice.core.internal.yaml.Yaml;
import dev.sluice.core.internal.yaml.YamlDoc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * package-lock.yml in dbt's shape: every installed package (nested ones too) pinned — git
 * packages to a commit sha, hub packages to a version, local packages to their path — and
 * {@code sha1_hash}, the hash of the packages spec it was resolved from. A lock whose hash matches
 * the spec is installed as it is.
 */
record LockFile(List<Pin> pins, String sha1) {
    static final String FILE = "package-lock.yml";

    LockFile {
        pins = List.copyOf(pins);
        requireNonNull(sha1, "sha1 is null");
    }

    /** What one package was resolved to. */
    record Pin(String name, Kind kind, String source, String revision, String subdirectory) {
        Pin {
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(source, "source is null");
        }
    }

    /** The key each kind is written under. */
    enum Kind {
        LOCAL("local"), GIT("git"), HUB("package");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /** The hash of a packages list as written: SHA-1 of its canonical JSON (keys sorted). */
    static String hash(List<Object> raw) {
        try {
            ObjectMapper json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
            byte[] text = json.writeValueAsBytes(Map.of("packages", raw));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw SluiceException.internal("Cannot hash the packages spec", e);
        }
    }

    /** The lock in {@code projectDir}, or null when there is none. */
    static LockFile read(Path projectDir) {
        Path f = projectDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SluiceException.user("deps.lock_read", Location.of(FILE), "Cannot read " + FILE + ": " + e.getMessage(), e);
        }
        return parse(text);
    }

    static LockFile parse(String text) {
        YamlDoc doc = YamlDoc.parse(FILE, text);
        Map<String, Object> root = doc.rootMap();
        List<Pin> pins = new ArrayList<>();
        for (Object o : Yaml.list(doc, root.get("packages"), "packages in " + FILE)) {
            Map<String, Object> m = Yaml.map(doc, o, "a locked package");
            Kind kind = null;
            for (Kind k : Kind.values()) {
                if (m.containsKey(k.key)) {
                    kind = k;
                }
            }
            String name = Yaml.string(doc, m.get("name"), "name");
            if (kind == null || name == null) {
                throw SluiceException.user("deps.lock", doc.locate(o), "Cannot read " + FILE + ": each package needs a "
                        + "name and one of local:, git: or package:; delete the file and run sluice deps to write it again");
            }
            String revision = Yaml.string(doc, m.get(kind == Kind.HUB ? "version" : "revision"), "revision");
            pins.add(new Pin(name, kind, Yaml.string(doc, m.get(kind.key), kind.key), revision,
                    Yaml.string(doc, m.get("subdirectory"), "subdirectory")));
        }
        String sha1 = Yaml.string(doc, root.get("sha1_hash"), "sha1_hash");
        return new LockFile(pins, sha1 == null ? "" : sha1);
    }

    /** The file's text; deterministic, so that an unchanged resolution leaves the file unchanged. */
    String text() {
        StringBuilder sb = new StringBuilder("packages:\n");
        for (Pin p : pins) {
            sb.append("  - ").append(p.kind().key).append(": ").append(quote(p.source())).append('\n');
            if (p.revision() != null) {
                sb.append("    ").append(p.kind() == Kind.HUB ? "version" : "revision").append(": ")
                        .append(quote(p.revision())).append('\n');
            }
            if (p.subdirectory() != null) {
                sb.append("    subdirectory: ").append(quote(p.subdirectory())).append('\n');
            }
            sb.append("    name: ").append(quote(p.name())).append('\n');
        }
        return sb.append("sha1_hash: ").append(sha1).append('\n').toString();
    }

    void write(Path projectDir) {
        OutputFiles.atomic(projectDir.resolve(FILE), text());
    }

    /** YAML plain scalars where safe; double quotes otherwise (a version such as 1.10 must stay a string, not a float). */
    private static String quote(String s) {
        if (s.matches("[A-Za-z0-9_./:@-]+") && !s.matches("[0-9]+(\\.[0-9]*)?") && !s.matches("(?i)true|false|yes|no|null|on|off")) {
            return s;
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
