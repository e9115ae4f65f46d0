package dev.sluice.core.internal.postgres;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.Location;
import dev.sluice.core.spi.TargetConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * How to reach one PostgreSQL target, read from a profiles.yml target with dbt-postgres's keys:
 * {@code host} (localhost), {@code port} (5432), {@code user}, {@code password}, {@code dbname}
 * (or {@code database}), {@code connect_timeout} (10 s), {@code sslmode}, {@code search_path},
 * {@code keepalives_idle}, {@code retries} (1) and {@code application_name} (sluice).
 */
record PostgresSettings(String host, int port, String user, String password, String dbname, int connectTimeout,
        String sslmode, String searchPath, int keepalivesIdle, int retries, String applicationName, boolean embedded,
        Location location) {
    PostgresSettings {
        requireNonNull(host, "host is null");
        requireNonNull(user, "user is null");
        requireNonNull(dbname, "dbname is null");
        requireNonNull(applicationName, "applicationName is null");
    }

    static PostgresSettings of(TargetConfig target) {
        String dbname = target.database() != null ? target.database() : target.require("dbname");
        String password = target.string("password", target.string("pass", null));
        return new PostgresSettings(target.string("host", "localhost"), target.integer("port", 5432),
                target.require("user"), password, dbname, target.integer("connect_timeout", 10),
                target.string("sslmode", null), target.string("search_path", null),
                target.integer("keepalives_idle", 0), target.integer("retries", 1),
                target.string("application_name", "sluice"), false, target.location());
    }

    /** An embedded server on the loopback interface: superuser postgres, trust authentication. */
    static PostgresSettings embedded(TargetConfig target, int port, String dbname) {
        return new PostgresSettings("127.0.0.1", port, "postgres", null, dbname, target.integer("connect_timeout", 10),
                "disable", target.string("search_path", null), 0, 0, target.string("application_name", "sluice"),
                true, target.location());
    }

    String url() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/"
                + URLEncoder.encode(dbname, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Properties properties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", applicationName);
        p.setProperty("connectTimeout", Integer.toString(connectTimeout));
        if (sslmode != null) {
            p.setProperty("sslmode", sslmode);
        }
        List<String> options = new ArrayList<>();
        if (searchPath != null) {
            options.add("-c search_path=" + escapeOption(searchPath));
        }
        if (keepalivesIdle > 0) {
            // the driver can only switch keepalives on; the server-side idle time is a session setting
            p.setProperty("tcpKeepAlive", "true");
            options.add("-c tcp_keepalives_idle=" + keepalivesIdle);
        }
        if (!options.isEmpty()) {
            p.setProperty("options", String.join(" ", options));
        }
        return p;
    }

    /** {@code host:port/dbname}, marked when embedded. */
    String endpoint() {
        return host + ":" + port + "/" + dbname + (embedded ? " (embedded)" : "");
    }

    private static String escapeOption(String value) {
        return value.replace("\\", "\\\\").replace(" ", "\\ ");
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + endpoint() + " user=" + user + "]"; // never the password
    }
}
