package dev.sluice.jinja.internal.lexer;

/**
 * One token: its type, value (String for names, strings and data; Long/BigInteger or Double for
 * numbers), 1-based line, and offset in the normalized source.
 */
public record Token(TokenType type, Object value, int line, int offset) {

    /** True for a name token with this exact value. */
    public boolean isName(String name) {
        return type == TokenType.NAME && name.equals(value);
    }

    /** Jinja2's {@code describe_token}: a name's value, otherwise the type's description. */
    public String describe() {
        return type == TokenType.NAME ? (String) value : type.description();
    }
}
