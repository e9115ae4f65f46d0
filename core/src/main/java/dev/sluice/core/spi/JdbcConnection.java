package dev.sluice.core.spi;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.SluiceException;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * A borrowed JDBC connection as an {@link AdapterConnection}: statements are registered with
 * the adapter while they run (so {@link Adapter#cancelAll} reaches them) and failures become
 * {@link DatabaseException}s. Valid only inside the {@code withConnection} call that lent it.
 */
final class JdbcConnection implements AdapterConnection {
    private static final int CATALOG_FETCH_SIZE = 2_000;
    private final JdbcAdapter adapter;
    private final Connection connection;
    private volatile boolean released;
    private volatile boolean broken;

    JdbcConnection(JdbcAdapter adapter, Connection connection) {
        this.adapter = requireNonNull(adapter, "adapter is null");
        this.connection = requireNonNull(connection, "connection is null");
    }

    @Override
    public long execute(String sql) {
        checkUsable();
        try (Statement statement = connection.createStatement()) {
            adapter.started(statement);
            try {
                return statement.execute(sql) ? -1 : statement.getUpdateCount();
            } finally {
                adapter.finished(statement);
            }
        } catch (SQLException e) {
            throw failure("run statement", e);
        }
    }

    @Override
    public QueryResult query(String sql) {
        checkUsable();
        try (Statement statement = connection.createStatement()) {
            adapter.started(statement);
            try {
                if (!statement.execute(sql)) {
                    return new QueryResult(List.of(), List.of());
                }
                try (ResultSet rs = statement.getResultSet()) {
                    return read(rs);
                }
            } finally {
                adapter.finished(statement);
            }
        } catch (SQLException e) {
            throw failure("run query", e);
        }
    }

    @Override
    public <T> T inTransaction(Adapter.ConnectionWork<T> work) {
        checkUsable();
        try {
            if (!connection.getAutoCommit()) {
                return work.run(this); // already in one: join it
            }
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure("begin transaction", e);
        }
        try {
            T result = work.run(this);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw failure("commit transaction", e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(e);
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                broken = true;
            }
        }
    }

    @Override
    public List<Relation> listRelations(String database, String schema) {
        checkUsable();
        requireNonNull(schema, "schema is null");
        String db = database != null ? database : adapter.database();
        List<Relation> relations = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(adapter.listRelationsSql(db))) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    relations.add(Relation.of(db, schema, rs.getString(1), adapter.relationType(rs.getString(2))));
                }
            }
        } catch (SQLException e) {
            throw failure("list relations in schema " + schema, e);
        }
        return List.copyOf(relations);
    }

    /** One relation by name with one catalog query (a model's build asks for three), not a listing of its schema. */
    @Override
    public java.util.Optional<Relation> getRelation(String database, String schema, String identifier) {
        checkUsable();
        requireNonNull(schema, "schema is null");
        String db = database != null ? database : adapter.database();
        String sql = adapter.relationSql(db);
        if (sql == null) {
            return AdapterConnection.super.getRelation(database, schema, identifier);
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, identifier);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(Relation.of(db, schema, rs.getString(1),
                        adapter.relationType(rs.getString(2)))) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("look up " + schema + "." + identifier, e);
        }
    }

    @Override
    public java.util.Map<String, Relation> getRelations(String database, String schema, List<String> identifiers) {
        checkUsable();
        String db = database != null ? database : adapter.database();
        String sql = adapter.relationsSql(db);
        if (sql == null) {
            return AdapterConnection.super.getRelations(database, schema, identifiers);
        }
        java.util.Map<String, Relation> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setArray(2, connection.createArrayOf("text", identifiers.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), Relation.of(db, schema, rs.getString(1), adapter.relationType(rs.getString(2))));
                }
            }
        } catch (SQLException e) {
            throw failure("look up relations in schema " + schema, e);
        }
        return out;
    }

    @Override
    public List<Column> columns(Relation relation) {
        checkUsable();
        String db = relation.database() != null ? relation.database() : adapter.database();
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(adapter.columnsSql(db))) {
            ps.setString(1, relation.schema());
            ps.setString(2, relation.identifier());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2), columns.size() + 1));
                }
            }
        } catch (SQLException e) {
            throw failure("describe the columns of " + relation, e);
        }
        return List.copyOf(columns);
    }

    @Override
    public void catalog(String database, Collection<String> schemas, Consumer<CatalogTable> sink) {
        checkUsable();
        if (schemas.isEmpty()) {
            return;
        }
        String db = database != null ? database : adapter.database();
        List<String> names = List.copyOf(schemas);
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // drivers fetch in batches only inside a transaction
            try (PreparedStatement ps = connection.prepareStatement(adapter.catalogSql(db, names.size()))) {
                ps.setFetchSize(CATALOG_FETCH_SIZE);
                for (int i = 0; i < names.size(); i++) {
                    ps.setString(i + 1, names.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    streamCatalog(rs, db, sink);
                }
            } finally {
                connection.rollback(); // read only
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("read the catalog of schemas " + String.join(", ", names), e);
        }
    }

    private void streamCatalog(ResultSet rs, String db, Consumer<CatalogTable> sink) throws SQLException {
        String schema = null;
        String name = null;
        String kind = null;
        String comment = null;
        String owner = null;
        List<CatalogTable.CatalogColumn> columns = new ArrayList<>();
        while (rs.next()) {
            String s = rs.getString(1);
            String n = rs.getString(2);
            if (name != null && !(s.equals(schema) && n.equals(name))) {
                sink.accept(new CatalogTable(Relation.of(db, schema, name, adapter.relationType(kind)), kind, comment,
                        owner, columns));
                columns = new ArrayList<>();
            }
            schema = s;
            name = n;
            kind = rs.getString(3);
            comment = rs.getString(4);
            owner = rs.getString(5);
            columns.add(new CatalogTable.CatalogColumn(rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9)));
        }
        if (name != null) {
            sink.accept(new CatalogTable(Relation.of(db, schema, name, adapter.relationType(kind)), kind, comment, owner,
                    columns));
        }
    }

    @Override
    public long copyIn(String copySql, Reader data) {
        checkUsable();
        try {
            return adapter.copyIn(connection, copySql, data);
        } catch (SQLException e) {
            throw failure("bulk-load", e);
        } catch (IOException e) {
            throw new SluiceException(SluiceException.Kind.DATABASE, "database.io", null,
                    "Cannot bulk-load: " + e.getMessage(), e);
        }
    }

    @Override
    public Connection jdbc() {
        checkUsable();
        return connection;
    }

    boolean broken() {
        return broken;
    }

    void release() {
        released = true;
    }

    private QueryResult read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String> names = new ArrayList<>(n);
        List<String> types = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add(meta.getColumnLabel(i));
            String type = meta.getColumnTypeName(i);
            types.add(type == null ? "" : type);
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(adapter.readValue(rs, i));
            }
            rows.add(java.util.Collections.unmodifiableList(row)); // values may be null
        }
        return new QueryResult(names, types, rows);
    }

    private DatabaseException failure(String verb, SQLException e) {
        if (adapter.isConnectionBroken(e) || isClosed()) {
            broken = true;
        }
        return adapter.translate(verb, e);
    }

    private boolean isClosed() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private void rollbackQuietly(Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            broken = true;
            cause.addSuppressed(e);
        }
    }

    private void checkUsable() {
        if (released) {
            throw SluiceException.internal("Cannot use a connection after withConnection returned", null);
        }
    }
}
