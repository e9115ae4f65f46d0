package dev.sluice.core.api;

import static java.util.Objects.requireNonNull;

/**
 * The one unchecked exception Sluice raises: a {@link Kind} (whose fault), a stable error code,
 * the reason, and where it happened. {@link #getMessage()} reads
 * {@code models/rsv/rsv__pubmed.sql:12:5: Cannot compile model rsv__pubmed: ...}.
 *
 * <p>Only the CLI turns kinds into exit codes (a failed node is 1, a failed invocation 2).
 */
public class SluiceException extends RuntimeException {
    /** Whose fault: the user's project or input, the database, or Sluice itself. */
    public enum Kind { USER, DATABASE, INTERNAL }

    private final Kind kind;
    private final String code;
    private final Location location;

    public SluiceException(Kind kind, String code, Location location, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.kind = requireNonNull(kind, "kind is null");
        this.code = requireNonNull(code, "code is null");
        this.location = location;
    }

    /** A user error (bad project, bad input) with its location (may be null). */
    public static SluiceException user(String code, Location location, String message) {
        return new SluiceException(Kind.USER, code, location, message, null);
    }

    public static SluiceException user(String code, Location location, String message, Throwable cause) {
        return new SluiceException(Kind.USER, code, location, message, cause);
    }

    /** An error the database reported. */
    public static SluiceException database(String code, Location location, String message, Throwable cause) {
        return new SluiceException(Kind.DATABASE, code, location, message, cause);
    }

    /** A bug or an environment problem in Sluice itself. */
    public static SluiceException internal(String message, Throwable cause) {
        return new SluiceException(Kind.INTERNAL, "internal", null, message, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** A stable identifier such as {@code project.yaml} or {@code ref.unknown}, for tools and tests. */
    public String code() {
        return code;
    }

    /** Where, or null when it is not about a place. */
    public Location location() {
        return location;
    }

    /** The message without the location prefix. */
    public String reason() {
        return super.getMessage();
    }

    @Override
    public String getMessage() {
        return location == null ? super.getMessage() : location + ": " + super.getMessage();
    }
}
