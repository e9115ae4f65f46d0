package dev.sluice.jinja.internal.parser;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.internal.lexer.Token;
import dev.sluice.jinja.internal.lexer.TokenType;
import dev.sluice.jinja.internal.tree.Access;
import dev.sluice.jinja.internal.tree.CallArgs;
import dev.sluice.jinja.internal.tree.Calls;
import dev.sluice.jinja.internal.tree.Expr;
import dev.sluice.jinja.internal.tree.Literals;
import dev.sluice.jinja.internal.tree.Names;
import dev.sluice.jinja.internal.tree.Operators;
import dev.sluice.jinja.spi.JinjaFilter;
import dev.sluice.jinja.spi.JinjaTest;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Expressions, with Jinja2's grammar and precedence (filters bind tighter than arithmetic, {@code **} is left-associative). */
final class ExpressionParser {
    private final ParseContext ctx;
    private final TokenStream s;
    private final Map<Expr, ParseContext.NameEvent> nameEvents = new IdentityHashMap<>();

    ExpressionParser(ParseContext ctx) {
        this.ctx = ctx;
        this.s = ctx.stream;
    }

    Expr parseExpression() {
        return parseCondexpr();
    }

    Expr parseExpression(boolean withCondexpr) {
        return withCondexpr ? parseCondexpr() : parseOr();
    }

    private Expr parseCondexpr() {
        int line = s.current().line();
        int mark = ctx.unknown.size();
        Expr expr1 = parseOr();
        while (s.isName("if")) {
            s.next();
            truncateUnknown(mark);
            boolean savedSoft = ctx.soft;
            ctx.soft = true;
            try {
                Expr expr2 = parseOr();
                Expr expr3 = null;
                if (s.skipIfName("else")) {
                    expr3 = parseCondexpr();
                }
                expr1 = new Operators.CondExpr(line, expr2, expr1, expr3, ctx.position(line));
            } finally {
                ctx.soft = savedSoft;
            }
            line = s.current().line();
        }
        return expr1;
    }

    private void truncateUnknown(int mark) {
        while (ctx.unknown.size() > mark) {
            ctx.unknown.remove(ctx.unknown.size() - 1);
        }
    }

    private Expr parseOr() {
        int line = s.current().line();
        Expr left = parseAnd();
        while (s.skipIfName("or")) {
            Expr right = parseAnd();
            left = new Operators.Or(line, left, right);
            line = s.current().line();
        }
        return left;
    }

    private Expr parseAnd() {
        int line = s.current().line();
        Expr left = parseNot();
        while (s.skipIfName("and")) {
            Expr right = parseNot();
            left = new Operators.And(line, left, right);
            line = s.current().line();
        }
        return left;
    }

    private Expr parseNot() {
        if (s.isName("not")) {
            int line = s.next().line();
            return new Operators.Not(line, parseNot());
        }
        return parseCompare();
    }

    private Expr parseCompare() {
        int line = s.current().line();
        Expr expr = parseMath1();
        List<Operators.CompareOp> ops = new ArrayList<>();
        List<Expr> operands = new ArrayList<>();
        while (true) {
            TokenType t = s.current().type();
            Operators.CompareOp op = switch (t) {
                case EQ -> Operators.CompareOp.EQ;
                case NE -> Operators.CompareOp.NE;
                case LT -> Operators.CompareOp.LT;
                case LTEQ -> Operators.CompareOp.LTEQ;
                case GT -> Operators.CompareOp.GT;
                case GTEQ -> Operators.CompareOp.GTEQ;
                default -> null;
            };
            if (op != null) {
                s.next();
            } else if (s.isName("in")) {
                s.next();
                op = Operators.CompareOp.IN;
            } else if (s.isName("not") && s.look().isName("in")) {
                s.next();
                s.next();
                op = Operators.CompareOp.NOTIN;
            } else {
                break;
            }
            ops.add(op);
            operands.add(parseMath1());
            line = s.current().line();
        }
        if (ops.isEmpty()) {
            return expr;
        }
        return new Operators.Compare(line, expr, ops, operands);
    }

    private Expr parseMath1() {
        int line = s.current().line();
        Expr left = parseConcat();
        while (s.is(TokenType.ADD) || s.is(TokenType.SUB)) {
            Operators.BinaryOp op = s.next().type() == TokenType.ADD ? Operators.BinaryOp.ADD : Operators.BinaryOp.SUB;
            Expr right = parseConcat();
            left = new Operators.Binary(line, op, left, right);
            line = s.current().line();
        }
        return left;
    }

    private Expr parseConcat() {
        int line = s.current().line();
        List<Expr> args = new ArrayList<>();
        args.add(parseMath2());
        while (s.skipIf(TokenType.TILDE)) {
            args.add(parseMath2());
        }
        if (args.size() == 1) {
            return args.get(0);
        }
        return new Operators.Concat(line, args, ctx.escape);
    }

    private Expr parseMath2() {
        int line = s.current().line();
        Expr left = parsePow();
        while (true) {
            Operators.BinaryOp op = switch (s.current().type()) {
                case MUL -> Operators.BinaryOp.MUL;
                case DIV -> Operators.BinaryOp.DIV;
                case FLOORDIV -> Operators.BinaryOp.FLOORDIV;
                case MOD -> Operators.BinaryOp.MOD;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            s.next();
            Expr right = parsePow();
            left = new Operators.Binary(line, op, left, right);
            line = s.current().line();
        }
    }

    private Expr parsePow() {
        int line = s.current().line();
        Expr left = parseUnary(true);
        while (s.skipIf(TokenType.POW)) {
            Expr right = parseUnary(true);
            left = new Operators.Binary(line, Operators.BinaryOp.POW, left, right);
            line = s.current().line();
        }
        return left;
    }

    private Expr parseUnary(boolean withFilter) {
        int line = s.current().line();
        Expr node;
        if (s.skipIf(TokenType.SUB)) {
            node = new Operators.Unary(line, true, parseUnary(false));
        } else if (s.skipIf(TokenType.ADD)) {
            node = new Operators.Unary(line, false, parseUnary(false));
        } else {
            node = parsePrimary();
        }
        node = parsePostfix(node);
        if (withFilter) {
            node = parseFilterExpr(node);
        }
        return node;
    }

    Expr parsePrimary() {
        Token t = s.current();
        switch (t.type()) {
            case NAME -> {
                s.next();
                String v = (String) t.value();
                switch (v) {
                    case "true", "True":
                        return new Literals.Const(t.line(), Boolean.TRUE);
                    case "false", "False":
                        return new Literals.Const(t.line(), Boolean.FALSE);
                    case "none", "None":
                        return new Literals.Const(t.line(), null);
                    default:
                        Names.Name n = new Names.Name(t.line(), v);
                        ParseContext.NameEvent event = new ParseContext.NameEvent(v, false);
                        ctx.nameEvents.add(event);
                        nameEvents.put(n, event);
                        return n;
                }
            }
            case STRING -> {
                s.next();
                StringBuilder sb = new StringBuilder((String) t.value());
                while (s.is(TokenType.STRING)) {
                    sb.append((String) s.next().value());
                }
                return new Literals.Const(t.line(), sb.toString());
            }
            case INTEGER, FLOAT -> {
                s.next();
                return new Literals.Const(t.line(), t.value());
            }
            case LPAREN -> {
                s.next();
                Expr e = parseTuple(false, true, null, true);
                s.expect(TokenType.RPAREN);
                return e;
            }
            case LBRACKET -> {
                return parseList();
            }
            case LBRACE -> {
                return parseDict();
            }
            default -> throw s.error("unexpected '" + t.describe() + "'", t);
        }
    }

    /**
     * An expression that may be a tuple without parentheses ({@code a, b}).
     *
     * @param simplified only primaries (assignment targets)
     * @param extraEnd names that end the tuple besides the closing delimiters (e.g. "in")
     */
    Expr parseTuple(boolean simplified, boolean withCondexpr, Set<String> extraEnd, boolean explicitParens) {
        int line = s.current().line();
        List<Expr> args = new ArrayList<>();
        boolean isTuple = false;
        while (true) {
            if (!args.isEmpty()) {
                s.expect(TokenType.COMMA);
            }
            if (isTupleEnd(extraEnd)) {
                break;
            }
            args.add(simplified ? parsePrimary() : parseExpression(withCondexpr));
            if (s.is(TokenType.COMMA)) {
                isTuple = true;
            } else {
                break;
            }
            line = s.current().line();
        }
        if (!isTuple) {
            if (!args.isEmpty()) {
                return args.get(0);
            }
            if (!explicitParens) {
                throw s.error("Expected an expression, got '" + s.current().describe() + "'", s.current());
            }
        }
        return new Literals.TupleExpr(line, args);
    }

    private boolean isTupleEnd(Set<String> extraEnd) {
        TokenType t = s.current().type();
        if (t == TokenType.VARIABLE_END || t == TokenType.BLOCK_END || t == TokenType.RPAREN) {
            return true;
        }
        return extraEnd != null && t == TokenType.NAME && extraEnd.contains((String) s.current().value());
    }

    private Expr parseList() {
        Token open = s.expect(TokenType.LBRACKET);
        List<Expr> items = new ArrayList<>();
        while (!s.is(TokenType.RBRACKET)) {
            if (!items.isEmpty()) {
                s.expect(TokenType.COMMA);
            }
            if (s.is(TokenType.RBRACKET)) {
                break;
            }
            items.add(parseExpression());
        }
        s.expect(TokenType.RBRACKET);
        return new Literals.ListExpr(open.line(), items);
    }

    private Expr parseDict() {
        Token open = s.expect(TokenType.LBRACE);
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!s.is(TokenType.RBRACE)) {
            if (!keys.isEmpty()) {
                s.expect(TokenType.COMMA);
            }
            if (s.is(TokenType.RBRACE)) {
                break;
            }
            keys.add(parseExpression());
            s.expect(TokenType.COLON);
            values.add(parseExpression());
        }
        s.expect(TokenType.RBRACE);
        return new Literals.DictExpr(open.line(), keys, values);
    }

    private Expr parsePostfix(Expr node) {
        while (true) {
            TokenType t = s.current().type();
            if (t == TokenType.DOT || t == TokenType.LBRACKET) {
                node = parseSubscript(node);
            } else if (t == TokenType.LPAREN) {
                node = parseCall(node);
            } else {
                return node;
            }
        }
    }

    private Expr parseFilterExpr(Expr node) {
        while (true) {
            TokenType t = s.current().type();
            if (t == TokenType.PIPE) {
                node = parseFilter(node, false);
            } else if (s.isName("is")) {
                node = parseTest(node);
            } else if (t == TokenType.LPAREN) {
                node = parseCall(node);
            } else {
                return node;
            }
        }
    }

    private Expr parseSubscript(Expr node) {
        Token token = s.next();
        if (token.type() == TokenType.DOT) {
            Token attr = s.current();
            s.next();
            if (attr.type() == TokenType.NAME) {
                return new Access.Getattr(token.line(), node, (String) attr.value());
            }
            if (attr.type() != TokenType.INTEGER) {
                throw s.error("expected name or number", attr);
            }
            return new Access.Getitem(token.line(), node, new Literals.Const(attr.line(), attr.value()));
        }
        List<Expr> args = new ArrayList<>();
        while (!s.is(TokenType.RBRACKET)) {
            if (!args.isEmpty()) {
                s.expect(TokenType.COMMA);
            }
            args.add(parseSubscribed());
        }
        s.expect(TokenType.RBRACKET);
        Expr arg = args.size() == 1 ? args.get(0) : new Literals.TupleExpr(token.line(), args);
        return new Access.Getitem(token.line(), node, arg);
    }

    private Expr parseSubscribed() {
        int line = s.current().line();
        Expr start = null;
        if (s.is(TokenType.COLON)) {
            s.next();
        } else {
            Expr node = parseExpression();
            if (!s.is(TokenType.COLON)) {
                return node;
            }
            s.next();
            start = node;
        }
        Expr stop = null;
        if (!s.is(TokenType.COLON) && !s.is(TokenType.RBRACKET) && !s.is(TokenType.COMMA)) {
            stop = parseExpression();
        }
        Expr step = null;
        if (s.skipIf(TokenType.COLON)) {
            if (!s.is(TokenType.RBRACKET) && !s.is(TokenType.COMMA)) {
                step = parseExpression();
            }
        }
        return new Access.SliceExpr(line, start, stop, step);
    }

    CallArgs parseCallArgs() {
        Token open = s.expect(TokenType.LPAREN);
        List<Expr> args = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        Expr dynArgs = null;
        Expr dynKwargs = null;
        boolean requireComma = false;
        while (!s.is(TokenType.RPAREN)) {
            if (requireComma) {
                s.expect(TokenType.COMMA);
                if (s.is(TokenType.RPAREN)) {
                    break;
                }
            }
            if (s.is(TokenType.MUL)) {
                ensure(dynArgs == null && dynKwargs == null, open);
                s.next();
                dynArgs = parseExpression();
            } else if (s.is(TokenType.POW)) {
                ensure(dynKwargs == null, open);
                s.next();
                dynKwargs = parseExpression();
            } else if (s.is(TokenType.NAME) && s.look().type() == TokenType.ASSIGN) {
                ensure(dynKwargs == null, open);
                String key = (String) s.current().value();
                s.next();
                s.next();
                names.add(key);
                values.add(parseExpression());
            } else {
                ensure(dynArgs == null && dynKwargs == null && names.isEmpty(), open);
                args.add(parseExpression());
            }
            requireComma = true;
        }
        s.expect(TokenType.RPAREN);
        return new CallArgs(args, names, values, dynArgs, dynKwargs);
    }

    private void ensure(boolean ok, Token open) {
        if (!ok) {
            throw s.error("invalid syntax for function call expression", open);
        }
    }

    Calls.Call parseCall(Expr node) {
        Token t = s.current();
        CallArgs args = parseCallArgs();
        return new Calls.Call(t.line(), node, args);
    }

    /** {@code |name(args)|...}; with {@code startInline} the first filter has no pipe (filter blocks). */
    Calls.FilterExpr parseFilter(Expr node, boolean startInline) {
        Expr result = node;
        while (s.is(TokenType.PIPE) || startInline) {
            if (!startInline) {
                s.next();
            }
            Token token = s.expect(TokenType.NAME);
            String name = dottedName((String) token.value());
            CallArgs args = s.is(TokenType.LPAREN) ? parseCallArgs() : CallArgs.NONE;
            JinjaFilter filter = ctx.env.filter(name).orElse(null);
            if (filter == null) {
                noteUnknown("filter", name, token);
            }
            result = new Calls.FilterExpr(token.line(), result, name, filter, args);
            startInline = false;
        }
        return (Calls.FilterExpr) result;
    }

    private String dottedName(String first) {
        StringBuilder name = new StringBuilder(first);
        while (s.skipIf(TokenType.DOT)) {
            name.append('.').append((String) s.expect(TokenType.NAME).value());
        }
        return name.toString();
    }

    private Expr parseTest(Expr node) {
        Token token = s.next();
        boolean negated = s.skipIfName("not");
        Token nameToken = s.expect(TokenType.NAME);
        String name = dottedName((String) nameToken.value());
        CallArgs args;
        TokenType t = s.current().type();
        if (t == TokenType.LPAREN) {
            args = parseCallArgs();
        } else if ((t == TokenType.NAME || t == TokenType.STRING || t == TokenType.INTEGER || t == TokenType.FLOAT
                || t == TokenType.LPAREN || t == TokenType.LBRACKET || t == TokenType.LBRACE)
                && !s.isName("else") && !s.isName("or") && !s.isName("and")) {
            if (s.isName("is")) {
                throw s.error("You cannot chain multiple tests with is", s.current());
            }
            Expr arg = parsePostfix(parsePrimary());
            args = new CallArgs(List.of(arg), List.of(), List.of(), null, null);
        } else {
            args = CallArgs.NONE;
        }
        JinjaTest test = ctx.env.test(name).orElse(null);
        if (test == null) {
            noteUnknown("test", name, nameToken);
        }
        Expr result = new Calls.TestExpr(token.line(), node, name, test, args);
        if (negated) {
            result = new Operators.Not(token.line(), result);
        }
        return result;
    }

    private void noteUnknown(String kind, String name, Token token) {
        if (!ctx.soft) {
            ctx.unknown.add(new ParseContext.Unknown(kind, name, token.line(), token.offset()));
        }
    }

    // ---- assignment targets ---------------------------------------------------------------

    /** Jinja2's {@code parse_assign_target}. */
    Names.Target parseAssignTarget(boolean withTuple, boolean nameOnly, Set<String> extraEnd, boolean withNamespace) {
        if (withNamespace && s.look().type() == TokenType.DOT) {
            Token ns = s.expect(TokenType.NAME);
            s.next();
            Token attr = s.expect(TokenType.NAME);
            return new Names.NamespaceTarget((String) ns.value(), (String) attr.value(), ns.line());
        }
        if (nameOnly) {
            Token t = s.expect(TokenType.NAME);
            String n = (String) t.value();
            ctx.nameEvents.add(new ParseContext.NameEvent(n, true));
            return new Names.NameTarget(n);
        }
        Expr e = withTuple ? parseTuple(true, true, extraEnd, false) : parsePrimary();
        return toTarget(e);
    }

    private Names.Target toTarget(Expr e) {
        if (e instanceof Names.Name n) {
            ParseContext.NameEvent ev = nameEvents.get(n);
            if (ev != null) {
                ev.store = true;
            }
            return new Names.NameTarget(n.name());
        }
        if (e instanceof Literals.TupleExpr t && t.assignable()) {
            List<Names.Target> items = new ArrayList<>();
            for (Expr item : t.items()) {
                items.add(toTarget(item));
            }
            return new Names.TupleTarget(items);
        }
        throw ctx.stream.error(ErrorKind.SYNTAX, "can't assign to '" + nodeKind(e) + "'", e.line(), -1);
    }

    private static String nodeKind(Expr e) {
        if (e instanceof Literals.Const) {
            return "const";
        }
        if (e instanceof Literals.TupleExpr) {
            return "tuple";
        }
        if (e instanceof Literals.ListExpr) {
            return "list";
        }
        if (e instanceof Literals.DictExpr) {
            return "dict";
        }
        if (e instanceof Names.Name) {
            return "name";
        }
        return e.getClass().getSimpleName().toLowerCase();
    }
}
