package dev.sluice.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves the target directory over HTTP until interrupted (dbt docs serve). */
@Command(name = "serve", sortOptions = false,
        description = "Serves the docs site written by 'docs generate' at http://HOST:PORT/ until Ctrl-C (dbt docs serve).")
final class DocsServeCommand extends ProjectCommand {
    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "The port (default 8080; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address to listen on (default 127.0.0.1, this machine only).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        Output output = output(false);
        output.header();
        Path target;
        try (Session session = open(project.settings(), output)) {
            target = session.targetDir();
        }
        if (!Files.isRegularFile(target.resolve("index.html"))) {
            output.line("Cannot serve the docs: " + target.resolve("index.html") + " does not exist; run 'sluice docs generate' first");
            return ExitCode.INVOCATION_FAILED;
        }
        try (DocsServer server = DocsServer.start(target, host, port)) {
            output.line("Serving docs at " + server.url() + " (Ctrl-C to stop)");
            Thread.currentThread().join(); // until the JVM is interrupted
        }
        return ExitCode.OK;
    }
}
