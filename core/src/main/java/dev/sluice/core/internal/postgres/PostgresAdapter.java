package dev.sluice.core.internal.postgres;

import dev.sluice.core.api.SluiceException;
import dev.sluice.core.spi.JdbcAdapter;
import dev.sluice.core.spi.RelationType;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.util.PGobject;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostgreSQL through pgjdbc: introspection from pg_catalog, bulk loads through COPY. */
public final class PostgresAdapter extends JdbcAdapter {
    private static final Logger log = LoggerFactory.getLogger(PostgresAdapter.class);
    private static final Driver DRIVER = new Driver();

    private final PostgresSettings settings;
    private final AutoCloseable release;

    /** Connects at once; {@code release} (may be null) is closed with the adapter. */
    PostgresAdapter(PostgresSettings settings, int poolSize, AutoCloseable release) {
        super("postgres", new PostgresDialect(), settings.dbname(), poolSize,
                ConnectionSource.retrying(() -> open(settings), settings.retries(), Duration.ofMillis(500)));
        this.settings = settings;
        this.release = release;
        connect(settings.location());
    }

    private static Connection open(PostgresSettings settings) throws SQLException {
        return DRIVER.connect(settings.url(), settings.properties());
    }

    @Override
    protected String endpoint() {
        return settings.endpoint();
    }

    @Override
    protected String listRelationsSql(String database) {
        if (database != null && !database.equals(settings.dbname())) {
            throw SluiceException.user("adapter.cross_database", null, "Cannot list relations in database '"
                    + database + "': PostgreSQL cannot reach another database than the one connected to ('"
                    + settings.dbname() + "'); point the target's dbname at it");
        }
        return """
                select c.relname, c.relkind::text
                from pg_catalog.pg_class c
                join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind in ('r', 'p', 'v', 'm', 'f')
                order by c.relname""";
    }

    @Override
    protected String relationSql(String database) {
        listRelationsSql(database); // the same check of the database
        return """
                select c.relname, c.relkind::text
                from pg_catalog.pg_class c
                join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relname = ? and c.relkind in ('r', 'p', 'v', 'm', 'f')""";
    }

    @Override
    protected String relationsSql(String database) {
        listRelationsSql(database); // the same check of the database
        return """
                select c.relname, c.relkind::text
                from pg_catalog.pg_class c
                join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relname = any(?) and c.relkind in ('r', 'p', 'v', 'm', 'f')""";
    }

    @Override
    protected RelationType relationType(String kind) {
        return switch (kind) {
            case "r", "p" -> RelationType.TABLE;
            case "v" -> RelationType.VIEW;
            case "m" -> RelationType.MATERIALIZED_VIEW;
            case "f" -> RelationType.EXTERNAL;
            default -> super.relationType(kind); // the catalog's names: BASE TABLE, VIEW, ...
        };
    }

    @Override
    protected String columnsSql(String database) {
        return """
                select a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)
                from pg_catalog.pg_attribute a
                join pg_catalog.pg_class c on c.oid = a.attrelid
                join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relname = ? and a.attnum > 0 and not a.attisdropped
                order by a.attnum""";
    }

    /** dbt-postgres's catalog query: pg_catalog, so views, comments and owners come too. */
    @Override
    protected String catalogSql(String database, int schemaCount) {
        return """
                select n.nspname, c.relname,
                       case c.relkind when 'v' then 'VIEW' when 'm' then 'MATERIALIZED VIEW'
                                      when 'f' then 'FOREIGN TABLE' else 'BASE TABLE' end,
                       obj_description(c.oid, 'pg_class'), pg_catalog.pg_get_userbyid(c.relowner),
                       a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnum,
                       col_description(c.oid, a.attnum)
                from pg_catalog.pg_namespace n
                join pg_catalog.pg_class c on c.relnamespace = n.oid
                join pg_catalog.pg_attribute a on a.attrelid = c.oid
                where n.nspname in (%s)
                  and c.relkind in ('r', 'p', 'v', 'm', 'f') and c.relpersistence in ('p', 'u')
                  and a.attnum > 0 and not a.attisdropped
                order by 1, 2, 8""".formatted(String.join(", ", java.util.Collections.nCopies(schemaCount, "?")));
    }

    @Override
    protected long copyIn(Connection connection, String copySql, Reader data) throws SQLException, IOException {
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, data);
    }

    @Override
    protected Object readValue(ResultSet rs, int column) throws SQLException {
        // java.time rather than java.sql types: no JVM time zone in the values, ISO text
        Class<?> temporal = switch (rs.getMetaData().getColumnTypeName(column)) {
            case "date" -> LocalDate.class;
            case "timestamp" -> LocalDateTime.class;
            case "timestamptz" -> OffsetDateTime.class;
            case "time" -> LocalTime.class;
            case "timetz" -> OffsetTime.class;
            default -> null;
        };
        if (temporal != null) {
            return rs.getObject(column, temporal);
        }
        Object value = super.readValue(rs, column);
        return value instanceof PGobject pg ? pg.getValue() : value;
    }

    @Override
    protected String serverMessage(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null || server.getMessage() == null) {
            return super.serverMessage(e);
        }
        StringBuilder sb = new StringBuilder(server.getMessage());
        if (server.getDetail() != null) {
            sb.append(" (").append(server.getDetail()).append(')');
        }
        if (server.getHint() != null) {
            sb.append("; hint: ").append(server.getHint());
        }
        return sb.toString();
    }

    @Override
    protected int errorPosition(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        return server == null ? 0 : server.getPosition();
    }

    @Override
    protected void onClose() {
        if (release != null) {
            try {
                release.close();
            } catch (Exception e) {
                log.warn("Could not release the embedded PostgreSQL server: {}", e.getMessage(), e);
            }
        }
    }
}
