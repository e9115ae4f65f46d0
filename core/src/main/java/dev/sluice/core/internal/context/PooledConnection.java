package dev.sluice.core.internal.context;

import dev.sluice.core.api.SluiceException;
import dev.sluice.core.spi.Adapter;
import dev.sluice.core.spi.AdapterConnection;
import dev.sluice.core.spi.Column;
import dev.sluice.core.spi.QueryResult;
import dev.sluice.core.spi.Relation;
import java.util.List;
import java.util.function.Supplier;

/**
 * The connection templates use while a node compiles ({@code run_query}, {@code statement} blocks,
 * {@code adapter.get_relation} and friends): each call borrows a connection from the adapter and
 * returns it, so compiling connects only when a template asks the database something. Statements
 * outside a materialization commit on their own, as dbt's do outside a model's transaction.
 */
public final class PooledConnection implements AdapterConnection {
    private final Supplier<Adapter> adapter;

    /** @param adapter the adapter, created (and connected) on first use */
    public PooledConnection(Supplier<Adapter> adapter) {
        this.adapter = adapter;
    }

    @Override
    public long execute(String sql) {
        return adapter.get().withConnection(c -> c.execute(sql));
    }

    @Override
    public QueryResult query(String sql) {
        return adapter.get().withConnection(c -> c.query(sql));
    }

    @Override
    public <T> T inTransaction(Adapter.ConnectionWork<T> work) {
        return adapter.get().withConnection(c -> c.inTransaction(work));
    }

    @Override
    public List<Relation> listRelations(String database, String schema) {
        return adapter.get().withConnection(c -> c.listRelations(database, schema));
    }

    @Override
    public List<Column> columns(Relation relation) {
        return adapter.get().withConnection(c -> c.columns(relation));
    }

    @Override
    public java.sql.Connection jdbc() {
        throw SluiceException.internal("a pooled template connection has no single JDBC connection", null);
    }
}
