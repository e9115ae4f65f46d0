package dev.sluice.jinja.internal.parser;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateSyntaxException;
import dev.sluice.jinja.internal.lexer.SourceLines;
import dev.sluice.jinja.internal.lexer.Token;
import dev.sluice.jinja.internal.lexer.TokenType;
import java.util.List;

/** A cursor over tokens with Jinja2's expect/skip helpers and error wording. */
final class TokenStream {
    private final List<Token> tokens;
    private final String name;
    private final String source;
    private int index;

    TokenStream(List<Token> tokens, String name, String source) {
        this.tokens = tokens;
        this.name = name;
        this.source = source;
    }

    Token current() {
        return tokens.get(index);
    }

    Token look() {
        return tokens.get(Math.min(index + 1, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(index);
        if (index < tokens.size() - 1) {
            index++;
        }
        return t;
    }

    boolean atEof() {
        return current().type() == TokenType.EOF;
    }

    boolean is(TokenType type) {
        return current().type() == type;
    }

    boolean isName(String value) {
        return current().isName(value);
    }

    boolean skipIf(TokenType type) {
        if (is(type)) {
            next();
            return true;
        }
        return false;
    }

    boolean skipIfName(String value) {
        if (isName(value)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(TokenType type) {
        if (!is(type)) {
            throw unexpected(type.description());
        }
        return next();
    }

    Token expectName(String value) {
        if (!isName(value)) {
            throw unexpected(value);
        }
        return next();
    }

    private TemplateSyntaxException unexpected(String expected) {
        Token t = current();
        if (t.type() == TokenType.EOF) {
            return error("unexpected end of template, expected '" + expected + "'.", t);
        }
        return error("expected token '" + expected + "', got '" + t.describe() + "'", t);
    }

    TemplateSyntaxException error(String reason, Token at) {
        return error(ErrorKind.SYNTAX, reason, at.line(), at.offset());
    }

    TemplateSyntaxException error(ErrorKind kind, String reason, int line, int offset) {
        return SourceLines.syntaxError(kind, reason, name, source, line, offset);
    }
}
