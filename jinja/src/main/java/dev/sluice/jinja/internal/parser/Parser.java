package dev.sluice.jinja.internal.parser;

import dev.sluice.jinja.Environment;
import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.internal.lexer.Lexer;
import dev.sluice.jinja.internal.lexer.Token;
import dev.sluice.jinja.internal.lexer.TokenType;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.tree.BlockStmt;
import dev.sluice.jinja.internal.tree.Calls;
import dev.sluice.jinja.internal.tree.EscapeMode;
import dev.sluice.jinja.internal.tree.Expr;
import dev.sluice.jinja.internal.tree.FilterChain;
import dev.sluice.jinja.internal.tree.ForStmt;
import dev.sluice.jinja.internal.tree.Imports;
import dev.sluice.jinja.internal.tree.MacroDef;
import dev.sluice.jinja.internal.tree.MacroStmts;
import dev.sluice.jinja.internal.tree.Names;
import dev.sluice.jinja.internal.tree.Statements;
import dev.sluice.jinja.internal.tree.Stmt;
import dev.sluice.jinja.internal.tree.TemplateNode;
import dev.sluice.jinja.spi.BlockTag;
import dev.sluice.jinja.spi.MacroDeclaration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses template source into a {@link TemplateNode}, raising syntax errors as Jinja2 does. */
public final class Parser {
    private static final Set<String> STATEMENTS = Set.of("for", "if", "block", "extends", "print", "macro", "include",
            "from", "import", "set", "with", "autoescape");

    private final ParseContext ctx;
    private final TokenStream s;
    private final ExpressionParser expr;
    private final Deque<String> tagStack = new ArrayDeque<>();
    private final Deque<List<String>> endTokenStack = new ArrayDeque<>();

    private Parser(ParseContext ctx) {
        this.ctx = ctx;
        this.s = ctx.stream;
        this.expr = new ExpressionParser(ctx);
    }

    /** Parses {@code source}; {@code name} is used in messages and may be null. */
    public static TemplateNode parse(Environment env, String name, String source) {
        Lexer.Result lexed = Lexer.tokenize(name, source, env.trimBlocks(), env.lstripBlocks(),
                env.keepTrailingNewline());
        TokenStream stream = new TokenStream(lexed.tokens(), name, lexed.source());
        ParseContext ctx = new ParseContext(env, name, lexed.source(), stream);
        Parser p = new Parser(ctx);
        List<Stmt> body = p.subparse(null);
        if (!ctx.unknown.isEmpty()) {
            ParseContext.Unknown u = ctx.unknown.get(0);
            throw stream.error(ErrorKind.ASSERTION, "No " + u.kind() + " named '" + u.name() + "'.", u.line(), u.offset());
        }
        return new TemplateNode(name, lexed.source(), body, ctx.blocks);
    }

    // ---- bodies ----------------------------------------------------------------------------

    private List<Stmt> subparse(List<String> endTokens) {
        List<Stmt> body = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        int[] dataLine = {0};
        if (endTokens != null) {
            endTokenStack.push(endTokens);
        }
        try {
            while (!s.atEof()) {
                Token t = s.current();
                switch (t.type()) {
                    case DATA -> {
                        if (data.isEmpty()) {
                            dataLine[0] = t.line();
                        }
                        data.add(t.value());
                        s.next();
                    }
                    case VARIABLE_BEGIN -> {
                        s.next();
                        if (data.isEmpty()) {
                            dataLine[0] = s.current().line();
                        }
                        data.add(expr.parseTuple(false, true, null, false));
                        s.expect(TokenType.VARIABLE_END);
                    }
                    case BLOCK_BEGIN -> {
                        flush(body, data, dataLine[0]);
                        s.next();
                        if (endTokens != null && s.is(TokenType.NAME) && endTokens.contains((String) s.current().value())) {
                            return body;
                        }
                        body.addAll(parseStatement());
                        s.expect(TokenType.BLOCK_END);
                    }
                    default -> throw s.error("internal parsing error", t);
                }
            }
            flush(body, data, dataLine[0]);
            return body;
        } finally {
            if (endTokens != null) {
                endTokenStack.pop();
            }
        }
    }

    private void flush(List<Stmt> body, List<Object> data, int line) {
        if (!data.isEmpty()) {
            body.add(new Statements.Output(line, List.copyOf(data), ctx.escape));
            data.clear();
        }
    }

    /** Jinja2's {@code parse_statements}: {@code %}}, then a body up to one of the end tags. */
    private List<Stmt> parseStatements(List<String> endTokens, boolean dropNeedle) {
        s.skipIf(TokenType.COLON);
        s.expect(TokenType.BLOCK_END);
        List<Stmt> result = subparse(endTokens);
        if (s.atEof()) {
            throw failEof(endTokens);
        }
        if (dropNeedle) {
            s.next();
        }
        return result;
    }

    /** Parses a body with {@code soft} (inside an if) set as given, restoring it afterwards. */
    private List<Stmt> parseStatements(List<String> endTokens, boolean dropNeedle, boolean soft) {
        boolean saved = ctx.soft;
        ctx.soft = soft;
        try {
            return parseStatements(endTokens, dropNeedle);
        } finally {
            ctx.soft = saved;
        }
    }

    // ---- statements -----------------------------------------------------------------------

    private List<Stmt> parseStatement() {
        Token t = s.current();
        if (t.type() != TokenType.NAME) {
            throw s.error("tag name expected", t);
        }
        String tag = (String) t.value();
        tagStack.push(tag);
        boolean pop = true;
        try {
            if (STATEMENTS.contains(tag)) {
                return switch (tag) {
                    case "for" -> List.of(parseFor());
                    case "if" -> List.of(parseIf());
                    case "block" -> List.of(parseBlock());
                    case "extends" -> List.of(parseExtends());
                    case "print" -> List.of(parsePrint());
                    case "macro" -> List.of(parseMacro());
                    case "include" -> List.of(parseInclude());
                    case "from" -> List.of(parseFrom());
                    case "import" -> List.of(parseImport());
                    case "set" -> List.of(parseSet());
                    case "with" -> List.of(parseWith());
                    default -> List.of(parseAutoescape());
                };
            }
            switch (tag) {
                case "call":
                    return List.of(parseCallBlock());
                case "filter":
                    return List.of(parseFilterBlock());
                case "do":
                    s.next();
                    return List.of(new Statements.Do(t.line(), expr.parseTuple(false, true, null, false)));
                case "break", "continue":
                    s.next();
                    if (ctx.loopDepth == 0) {
                        throw s.error(ErrorKind.SYNTAX, "'" + tag + "' outside loop", t.line(), t.offset());
                    }
                    return List.of(new Statements.LoopControl(t.line(), tag.equals("break")));
                default:
                    break;
            }
            BlockTag ext = ctx.env.blockTag(tag).orElse(null);
            if (ext != null) {
                return List.of(parseBlockTag(ext));
            }
            tagStack.pop();
            pop = false;
            throw failUnknownTag(tag, t);
        } finally {
            if (pop) {
                tagStack.pop();
            }
        }
    }

    private Stmt parseSet() {
        int line = s.next().line();
        Names.Target target = expr.parseAssignTarget(true, false, null, true);
        if (s.skipIf(TokenType.ASSIGN)) {
            return new Statements.Assign(line, target, expr.parseTuple(false, true, null, false));
        }
        FilterChain filter = s.is(TokenType.PIPE) ? chain(expr.parseFilter(null, false)) : null;
        List<Stmt> body = parseStatements(List.of("endset"), true, false);
        return new Statements.AssignBlock(line, target, filter, body, ctx.escape);
    }

    private Stmt parseFor() {
        Token forToken = s.expectName("for");
        int line = forToken.line();
        Names.Target target = expr.parseAssignTarget(true, false, Set.of("in"), false);
        List<String> names = new ArrayList<>();
        target.names(names);
        if (names.contains("loop")) {
            throw s.error(ErrorKind.ASSERTION, "Can't assign to special loop variable in for-loop target", line, -1);
        }
        s.expectName("in");
        Expr iterable = expr.parseTuple(false, false, Set.of("recursive"), false);
        Expr test = null;
        if (s.skipIfName("if")) {
            boolean saved = ctx.soft;
            ctx.soft = false;
            test = expr.parseExpression();
            ctx.soft = saved;
        }
        boolean recursive = s.skipIfName("recursive");
        int bodyEvents = ctx.nameEvents.size();
        ctx.loopDepth++;
        List<Stmt> body;
        try {
            body = parseStatements(List.of("endfor", "else"), false, false);
        } finally {
            ctx.loopDepth--;
        }
        boolean bindsLoop = false;
        for (int i = bodyEvents; i < ctx.nameEvents.size(); i++) {
            ParseContext.NameEvent e = ctx.nameEvents.get(i);
            bindsLoop |= !e.store && e.name.equals("loop");
        }
        List<Stmt> otherwise;
        if (((String) s.next().value()).equals("endfor")) {
            otherwise = List.of();
        } else {
            otherwise = parseStatements(List.of("endfor"), true, false);
        }
        return new ForStmt(line, target, iterable, test, body, otherwise, recursive, bindsLoop, ctx.escape);
    }

    private Stmt parseIf() {
        int line = s.expectName("if").line();
        List<Expr> tests = new ArrayList<>();
        List<Integer> testLines = new ArrayList<>();
        List<List<Stmt>> bodies = new ArrayList<>();
        List<Stmt> otherwise = List.of();
        boolean saved = ctx.soft;
        ctx.soft = true;
        try {
            testLines.add(line);
            while (true) {
                tests.add(expr.parseTuple(false, false, null, false));
                bodies.add(parseStatements(List.of("elif", "else", "endif"), false, true));
                Token t = s.next();
                if (t.isName("elif")) {
                    testLines.add(s.current().line());
                    continue;
                }
                if (t.isName("else")) {
                    otherwise = parseStatements(List.of("endif"), true, true);
                }
                break;
            }
        } finally {
            ctx.soft = saved;
        }
        return new Statements.If(line, tests, testLines, bodies, otherwise);
    }

    private Stmt parseWith() {
        int line = s.next().line();
        List<Names.Target> targets = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!s.is(TokenType.BLOCK_END)) {
            if (!targets.isEmpty()) {
                s.expect(TokenType.COMMA);
            }
            targets.add(expr.parseAssignTarget(true, false, null, false));
            s.expect(TokenType.ASSIGN);
            values.add(expr.parseExpression());
        }
        List<Stmt> body = parseStatements(List.of("endwith"), true, false);
        return new Statements.With(line, targets, values, body);
    }

    private Stmt parseAutoescape() {
        int line = s.next().line();
        Expr setting = expr.parseExpression();
        EscapeMode saved = ctx.escape;
        Object constant = setting.constantValue();
        ctx.escape = constant == Expr.NOT_CONSTANT ? EscapeMode.VOLATILE
                : (PyOps.truthy(constant) ? EscapeMode.ON : EscapeMode.OFF);
        try {
            List<Stmt> body = parseStatements(List.of("endautoescape"), true, false);
            return new Statements.Autoescape(line, setting, body);
        } finally {
            ctx.escape = saved;
        }
    }

    private Stmt parseBlock() {
        int line = s.next().line();
        String name = (String) s.expect(TokenType.NAME).value();
        boolean scoped = s.skipIfName("scoped");
        boolean required = s.skipIfName("required");
        if (s.is(TokenType.SUB)) {
            throw s.error("Block names in Jinja have to be valid Python identifiers and may not contain hyphens,"
                    + " use an underscore instead.", s.current());
        }
        List<Stmt> body = parseStatements(List.of("endblock"), true, false);
        if (required) {
            for (Stmt st : body) {
                if (!(st instanceof Statements.Output o) || !o.isWhitespaceData()) {
                    throw s.error("Required blocks can only contain comments or whitespace", s.current());
                }
            }
        }
        s.skipIfName(name);
        BlockStmt block = new BlockStmt(line, name, scoped, required, body);
        if (ctx.blocks.containsKey(name)) {
            throw s.error(ErrorKind.ASSERTION, "block '" + name + "' defined twice", line, -1);
        }
        ctx.blocks.put(name, block);
        return block;
    }

    private Stmt parseExtends() {
        int line = s.next().line();
        return new BlockStmt.Extends(line, expr.parseExpression());
    }

    private Stmt parsePrint() {
        int line = s.next().line();
        List<Object> items = new ArrayList<>();
        while (!s.is(TokenType.BLOCK_END)) {
            if (!items.isEmpty()) {
                s.expect(TokenType.COMMA);
            }
            items.add(expr.parseExpression());
        }
        return new Statements.Output(line, items, ctx.escape);
    }

    private boolean parseContext(boolean fallback) {
        if ((s.isName("with") || s.isName("without")) && s.look().isName("context")) {
            boolean with = ((String) s.next().value()).equals("with");
            s.next();
            return with;
        }
        return fallback;
    }

    private Stmt parseInclude() {
        int line = s.next().line();
        Expr template = expr.parseExpression();
        boolean ignoreMissing = false;
        if (s.isName("ignore") && s.look().isName("missing")) {
            s.next();
            s.next();
            ignoreMissing = true;
        }
        return new Imports.Include(line, template, ignoreMissing, parseContext(true));
    }

    private Stmt parseImport() {
        int line = s.next().line();
        Expr template = expr.parseExpression();
        s.expectName("as");
        Names.Target target = expr.parseAssignTarget(true, true, null, false);
        String name = ((Names.NameTarget) target).name();
        return new Imports.Import(line, template, name, parseContext(false));
    }

    private Stmt parseFrom() {
        int line = s.next().line();
        Expr template = expr.parseExpression();
        s.expectName("import");
        List<String> names = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        boolean withContext = false;
        while (true) {
            if (!names.isEmpty()) {
                s.expect(TokenType.COMMA);
            }
            if (s.is(TokenType.NAME)) {
                if ((s.isName("with") || s.isName("without")) && s.look().isName("context")) {
                    withContext = parseContext(false);
                    break;
                }
                Token nameToken = s.current();
                String name = ((Names.NameTarget) expr.parseAssignTarget(true, true, null, false)).name();
                if (name.startsWith("_")) {
                    throw s.error(ErrorKind.ASSERTION, "names starting with an underline can not be imported",
                            nameToken.line(), nameToken.offset());
                }
                String alias = name;
                if (s.skipIfName("as")) {
                    alias = ((Names.NameTarget) expr.parseAssignTarget(true, true, null, false)).name();
                }
                names.add(name);
                aliases.add(alias);
                if ((s.isName("with") || s.isName("without")) && s.look().isName("context")) {
                    withContext = parseContext(false);
                    break;
                }
                if (!s.is(TokenType.COMMA)) {
                    break;
                }
            } else {
                s.expect(TokenType.NAME);
            }
        }
        return new Imports.FromImport(line, template, names, aliases, withContext);
    }

    private Stmt parseMacro() {
        int line = s.next().line();
        String name = ((Names.NameTarget) expr.parseAssignTarget(true, true, null, false)).name();
        Signature sig = parseSignature();
        MacroDef def = macroBody(ctx.env.macroNamePrefix() + name, sig, List.of("endmacro"), line);
        return new MacroStmts.Define(def);
    }

    private Stmt parseCallBlock() {
        int line = s.next().line();
        Signature sig = s.is(TokenType.LPAREN) ? parseSignature() : new Signature(List.of(), List.of());
        Expr call = expr.parseExpression();
        if (!(call instanceof Calls.Call c)) {
            throw s.error(ErrorKind.SYNTAX, "expected call", line, -1);
        }
        MacroDef caller = macroBody(null, sig, List.of("endcall"), line);
        return new MacroStmts.CallBlock(line, c, caller);
    }

    private Stmt parseFilterBlock() {
        int line = s.next().line();
        FilterChain filter = chain(expr.parseFilter(null, true));
        List<Stmt> body = parseStatements(List.of("endfilter"), true, false);
        return new Statements.FilterBlock(line, filter, body, ctx.escape);
    }

    private Stmt parseBlockTag(BlockTag tag) {
        int line = s.next().line();
        MacroDeclaration decl = tag.declare(new HostTagParser(ctx, expr, this::parseSignatureForHost));
        Signature sig = Signature.of(decl.signature());
        MacroDef def = macroBody(ctx.env.macroNamePrefix() + decl.name(), sig, List.of("end" + tag.name()), line);
        return new MacroStmts.Define(def);
    }

    private dev.sluice.jinja.spi.MacroSignature parseSignatureForHost() {
        return parseSignature().toPublic();
    }

    /** A parsed {@code (a, b=default)} list. */
    record Signature(List<String> names, List<Expr> defaults) {
        static Signature of(dev.sluice.jinja.spi.MacroSignature sig) {
            List<Expr> defaults = new ArrayList<>();
            for (Object d : sig.defaults()) {
                defaults.add((Expr) d);
            }
            return new Signature(sig.names(), defaults);
        }

        dev.sluice.jinja.spi.MacroSignature toPublic() {
            return new dev.sluice.jinja.spi.MacroSignature(names, new ArrayList<>(defaults));
        }
    }

    private Signature parseSignature() {
        List<String> names = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        s.expect(TokenType.LPAREN);
        while (!s.is(TokenType.RPAREN)) {
            if (!names.isEmpty()) {
                s.expect(TokenType.COMMA);
            }
            String n = ((Names.NameTarget) expr.parseAssignTarget(true, true, null, false)).name();
            if (s.skipIf(TokenType.ASSIGN)) {
                defaults.add(expr.parseExpression());
            } else if (!defaults.isEmpty()) {
                throw s.error("non-default argument follows default argument", s.current());
            }
            names.add(n);
        }
        s.expect(TokenType.RPAREN);
        return new Signature(names, defaults);
    }

    /** Parses a macro body and works out which special names ({@code varargs}, {@code kwargs}, {@code caller}) it uses. */
    private MacroDef macroBody(String name, Signature sig, List<String> end, int line) {
        int mark = ctx.nameEvents.size();
        int savedLoops = ctx.loopDepth;
        ctx.loopDepth = 0;
        List<Stmt> body;
        try {
            body = parseStatements(end, true, false);
        } finally {
            ctx.loopDepth = savedLoops;
        }
        Set<String> candidates = new LinkedHashSet<>(List.of("caller", "kwargs", "varargs"));
        Set<String> used = new LinkedHashSet<>();
        for (int i = mark; i < ctx.nameEvents.size(); i++) {
            ParseContext.NameEvent e = ctx.nameEvents.get(i);
            if (!e.store && candidates.contains(e.name)) {
                used.add(e.name);
            } else {
                candidates.remove(e.name);
            }
        }
        boolean usesCaller = used.contains("caller");
        if (usesCaller) {
            int idx = sig.names().indexOf("caller");
            if (idx >= 0 && idx < sig.names().size() - sig.defaults().size()) {
                throw s.error(ErrorKind.ASSERTION, "When defining macros or call blocks the special \"caller\""
                        + " argument must be omitted or be given a default.", line, -1);
            }
        }
        boolean kwargs = used.contains("kwargs") && !sig.names().contains("kwargs");
        boolean varargs = used.contains("varargs") && !sig.names().contains("varargs");
        return new MacroDef(name, sig.names(), sig.defaults(), body.toArray(new Stmt[0]), varargs, kwargs,
                usesCaller && !sig.names().contains("caller"), line);
    }

    private static FilterChain chain(Calls.FilterExpr last) {
        List<Calls.FilterExpr> links = new ArrayList<>();
        Expr e = last;
        while (e instanceof Calls.FilterExpr f) {
            links.add(0, f);
            e = f.value();
        }
        return new FilterChain(links);
    }

    // ---- errors ---------------------------------------------------------------------------

    private RuntimeException failUnknownTag(String name, Token at) {
        return failUtEof(name, new ArrayList<>(endTokenStack), at);
    }

    private RuntimeException failEof(List<String> endTokens) {
        List<List<String>> stack = new ArrayList<>(endTokenStack);
        stack.add(0, endTokens);
        return failUtEof(null, stack, s.current());
    }

    /** Jinja2's messages for unknown tags and premature ends, naming the block that needs closing. */
    private RuntimeException failUtEof(String name, List<List<String>> stackInnermostFirst, Token at) {
        Set<String> expected = new LinkedHashSet<>();
        for (List<String> exprs : stackInnermostFirst) {
            expected.addAll(exprs);
        }
        String currentlyLooking = null;
        if (!stackInnermostFirst.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (String e : stackInnermostFirst.get(0)) {
                parts.add("'" + e + "'");
            }
            currentlyLooking = String.join(" or ", parts);
        }
        StringBuilder msg = new StringBuilder(name == null ? "Unexpected end of template."
                : "Encountered unknown tag '" + name + "'.");
        if (currentlyLooking != null) {
            if (name != null && expected.contains(name)) {
                msg.append(" You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for ")
                        .append(currentlyLooking).append('.');
            } else {
                msg.append(" Jinja was looking for the following tags: ").append(currentlyLooking).append('.');
            }
        }
        if (!tagStack.isEmpty()) {
            msg.append(" The innermost block that needs to be closed is '").append(tagStack.peek()).append("'.");
        }
        return s.error(msg.toString(), at);
    }
}
