package dev.sluice.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Git repositories for package tests: a work tree to commit and tag in, pushed to a bare repository. */
final class TestingGit {
    private final Path work;
    private final Path bare;

    private TestingGit(Path work, Path bare) {
        this.work = work;
        this.bare = bare;
    }

    /** A bare repository at {@code bare} (cloned through file://) and its work tree at {@code work}. */
    static TestingGit create(Path work, Path bare) {
        TestingGit g = new TestingGit(work, bare);
        run(null, "init", "--quiet", "--bare", bare.toString());
        run(bare, "symbolic-ref", "HEAD", "refs/heads/main");
        run(null, "init", "--quiet", work.toString());
        g.git("remote", "add", "origin", bare.toString());
        return g;
    }

    String url() {
        return bare.toUri().toString();
    }

    Path work() {
        return work;
    }

    /** Commits everything in the work tree, tags the commit (when {@code tag} is not null) and pushes; the sha. */
    String commit(String message, String tag) {
        git("add", "-A");
        git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", message);
        if (tag != null) {
            git("tag", tag);
        }
        git("push", "--quiet", "origin", "HEAD:refs/heads/main", "--tags");
        return git("rev-parse", "HEAD").strip();
    }

    private String git(String... args) {
        return run(work, args);
    }

    private static String run(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(command + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
