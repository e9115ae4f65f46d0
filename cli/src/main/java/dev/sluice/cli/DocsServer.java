package dev.sluice.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A read-only static file server for the docs site (the JDK's HttpServer): GET and HEAD of files
 * under one directory, never outside it, directories served by their index.html.
 */
final class DocsServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "json", "application/json",
            "svg", "image/svg+xml", "png", "image/png");

    private final HttpServer server;
    private final Path root;

    private DocsServer(HttpServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    static DocsServer start(Path root, String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            DocsServer docs = new DocsServer(server, root.toAbsolutePath().normalize());
            server.createContext("/", docs::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "sluice-docs-serve");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the docs on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    String url() {
        InetSocketAddress a = server.getAddress();
        return "http://" + a.getHostString() + ":" + a.getPort() + "/";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(ex, 405, "text/plain; charset=utf-8", "Only GET and HEAD".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = resolve(ex.getRequestURI());
            if (file == null || !Files.isRegularFile(file)) {
                send(ex, 404, "text/plain; charset=utf-8", "Not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            send(ex, 200, TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(file));
        }
    }

    /** The file a request names, or null when it would leave the root. */
    Path resolve(URI uri) {
        String path = uri.getPath() == null ? "/" : uri.getPath();
        Path p = root.resolve(path.replaceFirst("^/+", "")).normalize();
        if (!p.startsWith(root)) {
            return null;
        }
        Path file = Files.isDirectory(p) ? p.resolve("index.html") : p;
        try {
            // no way out through a link either
            return !Files.exists(file) || file.toRealPath().startsWith(root.toRealPath()) ? file : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
