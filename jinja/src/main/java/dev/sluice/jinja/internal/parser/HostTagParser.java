package dev.sluice.jinja.internal.parser;

import dev.sluice.jinja.TemplateSyntaxException;
import dev.sluice.jinja.internal.lexer.Token;
import dev.sluice.jinja.internal.lexer.TokenType;
import dev.sluice.jinja.internal.tree.Expr;
import dev.sluice.jinja.internal.tree.Names;
import dev.sluice.jinja.spi.MacroSignature;
import dev.sluice.jinja.spi.TagParser;
import dev.sluice.jinja.internal.tree.Literals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The {@link TagParser} a host {@link dev.sluice.jinja.spi.BlockTag} reads its opening tag with. */
final class HostTagParser implements TagParser {
    private final ParseContext ctx;
    private final ExpressionParser expr;
    private final Supplier<MacroSignature> signature;

    HostTagParser(ParseContext ctx, ExpressionParser expr, Supplier<MacroSignature> signature) {
        this.ctx = ctx;
        this.expr = expr;
        this.signature = signature;
    }

    @Override
    public String name() {
        return ((Names.NameTarget) expr.parseAssignTarget(true, true, null, false)).name();
    }

    @Override
    public MacroSignature signature() {
        return signature.get();
    }

    @Override
    public Object expression() {
        return expr.parseExpression();
    }

    @Override
    public Object constant() {
        Token at = ctx.stream.current();
        Expr e = expr.parseExpression();
        Object v = e.constantValue();
        if (v == Expr.NOT_CONSTANT) {
            throw ctx.stream.error("expected a constant value", at);
        }
        return v;
    }

    @Override
    public Object literal(Object value) {
        return literalExpr(value, ctx.stream.current().line());
    }

    private static Expr literalExpr(Object value, int line) {
        if (value instanceof dev.sluice.jinja.spi.PyTuple t) {
            List<Expr> items = new ArrayList<>();
            for (Object o : t) {
                items.add(literalExpr(o, line));
            }
            return new Literals.TupleExpr(line, items);
        }
        if (value instanceof List<?> l) {
            List<Expr> items = new ArrayList<>();
            for (Object o : l) {
                items.add(literalExpr(o, line));
            }
            return new Literals.ListExpr(line, items);
        }
        if (value instanceof Map<?, ?> m) {
            List<Expr> keys = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                keys.add(literalExpr(e.getKey(), line));
                values.add(literalExpr(e.getValue(), line));
            }
            return new Literals.DictExpr(line, keys, values);
        }
        return new Literals.Const(line, dev.sluice.jinja.internal.py.PyTypes.normalize(value));
    }

    @Override
    public boolean skip(String token) {
        if (peek(token)) {
            ctx.stream.next();
            return true;
        }
        return false;
    }

    @Override
    public boolean peek(String token) {
        Token t = ctx.stream.current();
        if (t.type() == TokenType.NAME) {
            return t.value().equals(token);
        }
        return t.type() != TokenType.DATA && t.type() != TokenType.STRING && t.type() != TokenType.EOF
                && t.type().description().equals(token);
    }

    @Override
    public TemplateSyntaxException error(String reason) {
        return ctx.stream.error(reason, ctx.stream.current());
    }
}
