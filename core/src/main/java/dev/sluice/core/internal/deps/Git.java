package dev.sluice.core.internal.deps;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The system's {@code git}, run as a process: listing a remote's tags, cloning, checking out a
 * revision. Never prompts for credentials (a private repository fails instead of hanging).
 */
final class Git {
    private final String executable;

    Git(String executable) {
        this.executable = executable;
    }

    /** Thrown when git ran and failed; {@link #output} is what it printed. */
    static final class Failure extends Exception {
        final String output;

        Failure(String output) {
            super(output);
            this.output = output;
        }
    }

    /** The tags of {@code url} (names without {@code refs/tags/}). */
    List<String> tags(String url, Location where, String label) throws Failure {
        String out = run(null, where, label, "ls-remote", "--tags", "--refs", url);
        List<String> tags = new ArrayList<>();
        for (String line : out.split("\n")) {
            int i = line.indexOf("refs/tags/");
            if (i >= 0) {
                tags.add(line.substring(i + "refs/tags/".length()).strip());
            }
        }
        return tags;
    }

    /** Clones {@code url} into {@code dir} and checks out {@code revision} (null: the default branch); the commit sha. */
    String checkout(String url, String revision, Path dir, Location where, String label) throws Failure {
        run(null, where, label, "clone", "--quiet", url, dir.toString());
        if (revision != null) {
            run(dir, where, label, "-c", "advice.detachedHead=false", "checkout", "--quiet", revision);
        }
        return run(dir, where, label, "rev-parse", "HEAD").strip();
    }

    private String run(Path dir, Location where, String label, String... args) throws Failure {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().put("GIT_ASKPASS", "echo");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw SluiceException.user("deps.git_missing", where, "Cannot install " + label + ": the git command ('"
                    + executable + "') is not installed or not on the PATH; install git, then run sluice deps again", e);
        }
        try (InputStream in = p.getInputStream()) {
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(in));
            int code = p.waitFor();
            String text = out.join();
            if (code != 0) {
                throw new Failure(text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new Failure(e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw SluiceException.user("deps.interrupted", where, "Cannot install " + label + ": interrupted", e);
        }
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
