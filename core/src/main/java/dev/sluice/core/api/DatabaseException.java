package dev.sluice.core.api;

/**
 * An error the database reported: its SQLState and, when the server says where in the statement
 * it happened, the 1-based character position in the SQL (0 when unknown).
 */
public class DatabaseException extends SluiceException {
    private final String sqlState;
    private final int position;

    public DatabaseException(String sqlState, int position, Location location, String message, Throwable cause) {
        super(Kind.DATABASE, "database." + (sqlState == null ? "unknown" : sqlState), location, message, cause);
        this.sqlState = sqlState;
        this.position = position;
    }

    /** The five-character SQLState, or null. */
    public String sqlState() {
        return sqlState;
    }

    /** 1-based position of the error in the statement text, or 0. */
    public int position() {
        return position;
    }

    /** The same error located at {@code location} with {@code message}. */
    public DatabaseException relocate(Location location, String message) {
        return new DatabaseException(sqlState, position, location, message, getCause());
    }
}
