package dev.sluice.core.internal.execute;

import dev.sluice.core.api.DatabaseException;

/** A database error with the statement of a build that raised it, so the error can say where. */
public final class FailedStatement extends DatabaseException {
    private final String statement;

    FailedStatement(DatabaseException e, String statement) {
        super(e.sqlState(), e.position(), e.location(), e.reason(), e.getCause() != null ? e.getCause() : e);
        this.statement = statement;
    }

    /** The statement the database rejected. */
    public String statement() {
        return statement;
    }
}
