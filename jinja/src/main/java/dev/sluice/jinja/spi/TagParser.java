package dev.sluice.jinja.spi;

import dev.sluice.jinja.TemplateSyntaxException;

/** What a {@link BlockTag} may read of its opening tag, token by token, up to {@code %}}. */
public interface TagParser {
    /** Reads a name, or fails. */
    String name();

    /** Reads {@code (a, b=expr, ...)}, or fails. */
    MacroSignature signature();

    /** Reads an expression; the result is opaque except as a default in {@link MacroSignature#withParameter}. */
    Object expression();

    /** Reads an expression that must be a constant (string, number, list of constants, ...) and returns its value. */
    Object constant();

    /**
     * An expression standing for {@code value} (str, number, bool, null, or lists/maps/tuples of
     * those), usable as a default in {@link MacroSignature#withParameter}; lists and maps are new
     * on every evaluation.
     */
    Object literal(Object value);

    /** Skips the punctuation {@code token} (e.g. "," or "=") if it comes next; true if it did. */
    boolean skip(String token);

    /** True when the next token is the punctuation or name {@code token}. */
    boolean peek(String token);

    /** A syntax error at the current token. */
    TemplateSyntaxException error(String reason);
}
