package dev.sluice.jinja.internal.lexer;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateSyntaxException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits template source into tokens exactly as Jinja2's lexer does: newlines normalized, one
 * trailing newline dropped unless kept, {@code -}/{@code +} whitespace control, {@code trim_blocks}
 * and {@code lstrip_blocks}, raw blocks, comments, and balanced brackets inside tags.
 */
public final class Lexer {
    private static final Pattern FLOAT = Pattern.compile(
            "(?<!\\.)(\\d+_)*\\d+((\\.(\\d+_)*\\d+)?[eE][+\\-]?(\\d+_)*\\d+|\\.(\\d+_)*\\d+)");
    private static final Pattern INTEGER = Pattern.compile(
            "(0[bB](_?[01])+|0[oO](_?[0-7])+|0[xX](_?[0-9a-fA-F])+|[1-9](_?\\d)*|0(_?0)*)");
    private static final Pattern RAW_BEGIN = Pattern.compile("\\{%([-+]?)\\s*raw\\s*(-%\\}\\s*|%\\})");
    private static final Pattern RAW_END = Pattern.compile("\\{%([-+]?)\\s*endraw\\s*(\\+%\\}|-%\\}\\s*|%\\})");

    private final String name;
    private final String source;
    private final boolean trimBlocks;
    private final boolean lstripBlocks;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<Character> balancing = new ArrayDeque<>();
    private int pos;
    private int line = 1;
    private boolean lineStarting = true;

    private Lexer(String name, String source, boolean trimBlocks, boolean lstripBlocks) {
        this.name = name;
        this.source = source;
        this.trimBlocks = trimBlocks;
        this.lstripBlocks = lstripBlocks;
    }

    /** The result: the normalized source (for error excerpts) and its tokens, ending with EOF. */
    public record Result(String source, List<Token> tokens) {
    }

    public static Result tokenize(String name, String raw, boolean trimBlocks, boolean lstripBlocks,
            boolean keepTrailingNewline) {
        String source = normalizeNewlines(raw, keepTrailingNewline);
        Lexer lexer = new Lexer(name, source, trimBlocks, lstripBlocks);
        lexer.run();
        return new Result(source, List.copyOf(lexer.tokens));
    }

    /** Turns \r\n and \r into \n; drops one trailing newline unless it is kept. */
    static String normalizeNewlines(String raw, boolean keepTrailingNewline) {
        String s = raw;
        if (s.indexOf('\r') >= 0) {
            s = s.replace("\r\n", "\n").replace('\r', '\n');
        }
        if (!keepTrailingNewline && s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private void run() {
        int n = source.length();
        while (pos < n) {
            int tag = findTagStart(pos);
            if (tag < 0) {
                emit(TokenType.DATA, source.substring(pos), line, pos);
                line += countNewlines(source, pos, n);
                pos = n;
                break;
            }
            char kind = source.charAt(tag + 1);
            Matcher raw = null;
            if (kind == '%') {
                raw = RAW_BEGIN.matcher(source).region(tag, n);
                if (!raw.lookingAt()) {
                    raw = null;
                }
            }
            char sign = tag + 2 < n ? source.charAt(tag + 2) : 0;
            if (raw != null) {
                sign = raw.group(1).isEmpty() ? 0 : raw.group(1).charAt(0);
            } else if (sign != '-' && sign != '+') {
                sign = 0;
            }
            emitText(pos, tag, sign, kind != '{');
            if (raw != null) {
                lexRaw(raw);
                continue;
            }
            int afterBegin = tag + 2 + (sign != 0 ? 1 : 0);
            lineStarting = false;
            switch (kind) {
                case '#' -> lexComment(afterBegin);
                case '%' -> lexTag(TokenType.BLOCK_BEGIN, tag, afterBegin);
                default -> lexTag(TokenType.VARIABLE_BEGIN, tag, afterBegin);
            }
        }
        int eofLine = tokens.isEmpty() ? 1 : tokens.get(tokens.size() - 1).line();
        tokens.add(new Token(TokenType.EOF, "", eofLine, source.length()));
    }

    private int findTagStart(int from) {
        int i = from;
        int n = source.length();
        while (true) {
            int j = source.indexOf('{', i);
            if (j < 0 || j + 1 >= n) {
                return -1;
            }
            char c = source.charAt(j + 1);
            if (c == '{' || c == '%' || c == '#') {
                return j;
            }
            i = j + 1;
        }
    }

    /** Emits the text before a tag, applying {@code -} stripping or lstrip_blocks. */
    private void emitText(int start, int end, char sign, boolean lstripApplies) {
        String text = source.substring(start, end);
        int stripped = 0;
        if (sign == '-') {
            int e = text.length();
            while (e > 0 && isPySpace(text.charAt(e - 1))) {
                e--;
            }
            stripped = countNewlines(text, e, text.length());
            text = text.substring(0, e);
        } else if (sign != '+' && lstripBlocks && lstripApplies) {
            int lpos = text.lastIndexOf('\n') + 1;
            if ((lpos > 0 || lineStarting) && lpos < text.length() && allSpace(text, lpos)) {
                text = text.substring(0, lpos);
            }
        }
        if (!text.isEmpty()) {
            emit(TokenType.DATA, text, line, start);
        }
        line += countNewlines(text, 0, text.length()) + stripped;
    }

    private void lexRaw(Matcher begin) {
        int n = source.length();
        pos = begin.end();
        line += countNewlines(source, begin.start(), pos);
        Matcher end = RAW_END.matcher(source);
        if (!end.find(pos)) {
            throw error("Missing end of raw directive", line, pos);
        }
        String signGroup = end.group(1);
        char sign = signGroup.isEmpty() ? 0 : signGroup.charAt(0);
        lineStarting = begin.group().endsWith("\n");
        emitText(pos, end.start(), sign, true);
        String closing = end.group(2);
        int after = end.end();
        if (closing.equals("%}") && trimBlocks && after < n && source.charAt(after) == '\n') {
            after++;
        }
        line += countNewlines(source, end.start(), after);
        lineStarting = after > 0 && source.charAt(after - 1) == '\n';
        pos = after;
    }

    private void lexComment(int from) {
        int n = source.length();
        int close = source.indexOf("#}", from);
        if (close < 0) {
            throw error("Missing end of comment tag", line, from);
        }
        char sign = close - 1 >= from ? source.charAt(close - 1) : 0;
        int after = close + 2;
        if (sign == '-') {
            while (after < n && isPySpace(source.charAt(after))) {
                after++;
            }
        } else if (sign != '+' && trimBlocks && after < n && source.charAt(after) == '\n') {
            after++;
        }
        line += countNewlines(source, from, after);
        lineStarting = source.charAt(after - 1) == '\n';
        pos = after;
    }

    private void lexTag(TokenType begin, int tagStart, int from) {
        boolean block = begin == TokenType.BLOCK_BEGIN;
        emit(begin, source.substring(tagStart, from), line, tagStart);
        pos = from;
        int n = source.length();
        balancing.clear();
        while (pos < n) {
            if (balancing.isEmpty()) {
                int end = matchEnd(block);
                if (end >= 0) {
                    emit(block ? TokenType.BLOCK_END : TokenType.VARIABLE_END, source.substring(pos, end), line, pos);
                    line += countNewlines(source, pos, end);
                    lineStarting = source.charAt(end - 1) == '\n';
                    pos = end;
                    return;
                }
            }
            char c = source.charAt(pos);
            if (isPySpace(c)) {
                int s = pos;
                while (pos < n && isPySpace(source.charAt(pos))) {
                    pos++;
                }
                line += countNewlines(source, s, pos);
                continue;
            }
            if (c >= '0' && c <= '9') {
                lexNumber();
                continue;
            }
            if (isNameStart(source.codePointAt(pos))) {
                int s = pos;
                while (pos < n && isNamePart(source.codePointAt(pos))) {
                    pos += Character.charCount(source.codePointAt(pos));
                }
                String word = source.substring(s, pos);
                if (!isIdentifier(word)) {
                    throw error("Invalid character in identifier", line, s);
                }
                emit(TokenType.NAME, word, line, s);
                continue;
            }
            if (c == '\'' || c == '"') {
                if (lexString(c)) {
                    continue;
                }
            }
            lexOperator(c);
        }
    }

    /** The end offset of the tag's closing delimiter at {@code pos}, or -1. */
    private int matchEnd(boolean block) {
        int n = source.length();
        char close = block ? '%' : '}';
        char c = source.charAt(pos);
        if (block && c == '+' && startsWith(pos + 1, "%}")) {
            return pos + 3;
        }
        if (c == '-' && pos + 2 < n && source.charAt(pos + 1) == close && source.charAt(pos + 2) == '}') {
            int e = pos + 3;
            while (e < n && isPySpace(source.charAt(e))) {
                e++;
            }
            return e;
        }
        if (c == close && pos + 1 < n && source.charAt(pos + 1) == '}') {
            int e = pos + 2;
            if (block && trimBlocks && e < n && source.charAt(e) == '\n') {
                e++;
            }
            return e;
        }
        return -1;
    }

    private boolean startsWith(int at, String s) {
        return source.startsWith(s, at);
    }

    private void lexNumber() {
        int n = source.length();
        Matcher f = FLOAT.matcher(source).region(pos, n).useTransparentBounds(true).useAnchoringBounds(false);
        if (f.lookingAt()) {
            String text = f.group().replace("_", "");
            emit(TokenType.FLOAT, Double.parseDouble(text), line, pos);
            pos = f.end();
            return;
        }
        Matcher m = INTEGER.matcher(source).region(pos, n);
        if (!m.lookingAt()) {
            throw error("unexpected char '" + source.charAt(pos) + "' at " + pos, line, pos);
        }
        String text = m.group().replace("_", "").toLowerCase();
        BigInteger v;
        if (text.startsWith("0b")) {
            v = new BigInteger(text.substring(2), 2);
        } else if (text.startsWith("0o")) {
            v = new BigInteger(text.substring(2), 8);
        } else if (text.startsWith("0x")) {
            v = new BigInteger(text.substring(2), 16);
        } else {
            v = new BigInteger(text);
        }
        emit(TokenType.INTEGER, v.bitLength() < 64 ? (Object) v.longValue() : v, line, pos);
        pos = m.end();
    }

    private boolean lexString(char quote) {
        int n = source.length();
        int i = pos + 1;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                break;
            }
            i++;
        }
        if (i >= n) {
            return false;
        }
        String body = source.substring(pos + 1, i);
        int startLine = line;
        String value;
        try {
            value = StringEscapes.unescape(body);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), line, pos);
        }
        emit(TokenType.STRING, value, startLine, pos);
        line += countNewlines(source, pos, i + 1);
        pos = i + 1;
        return true;
    }

    private void lexOperator(char c) {
        int n = source.length();
        char d = pos + 1 < n ? source.charAt(pos + 1) : 0;
        TokenType type = null;
        int len = 2;
        switch (c) {
            case '/' -> type = d == '/' ? TokenType.FLOORDIV : null;
            case '*' -> type = d == '*' ? TokenType.POW : null;
            case '=' -> type = d == '=' ? TokenType.EQ : null;
            case '!' -> type = d == '=' ? TokenType.NE : null;
            case '>' -> type = d == '=' ? TokenType.GTEQ : null;
            case '<' -> type = d == '=' ? TokenType.LTEQ : null;
            default -> type = null;
        }
        if (type == null) {
            len = 1;
            type = switch (c) {
                case '+' -> TokenType.ADD;
                case '-' -> TokenType.SUB;
                case '/' -> TokenType.DIV;
                case '*' -> TokenType.MUL;
                case '%' -> TokenType.MOD;
                case '~' -> TokenType.TILDE;
                case '[' -> TokenType.LBRACKET;
                case ']' -> TokenType.RBRACKET;
                case '(' -> TokenType.LPAREN;
                case ')' -> TokenType.RPAREN;
                case '{' -> TokenType.LBRACE;
                case '}' -> TokenType.RBRACE;
                case '=' -> TokenType.ASSIGN;
                case '.' -> TokenType.DOT;
                case ':' -> TokenType.COLON;
                case '|' -> TokenType.PIPE;
                case ',' -> TokenType.COMMA;
                case ';' -> TokenType.SEMICOLON;
                case '<' -> TokenType.LT;
                case '>' -> TokenType.GT;
                default -> null;
            };
        }
        if (type == null) {
            String shown = c == '\'' ? "\"'\"" : "'" + c + "'";
            throw error("unexpected char " + shown + " at " + pos, line, pos);
        }
        switch (type) {
            case LBRACE -> balancing.push('}');
            case LPAREN -> balancing.push(')');
            case LBRACKET -> balancing.push(']');
            case RBRACE, RPAREN, RBRACKET -> {
                if (balancing.isEmpty()) {
                    throw error("unexpected '" + c + "'", line, pos);
                }
                char expected = balancing.pop();
                if (expected != c) {
                    throw error("unexpected '" + c + "', expected '" + expected + "'", line, pos);
                }
            }
            default -> {
            }
        }
        emit(type, type.description(), line, pos);
        pos += len;
    }

    private void emit(TokenType type, Object value, int atLine, int offset) {
        tokens.add(new Token(type, value, atLine, offset));
    }

    private TemplateSyntaxException error(String reason, int atLine, int offset) {
        return SourceLines.syntaxError(ErrorKind.SYNTAX, reason, name, source, atLine, offset);
    }

    static int countNewlines(String s, int from, int to) {
        int c = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                c++;
            }
        }
        return c;
    }

    private static boolean allSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!isPySpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Python's {@code str.isspace()} for one character (the {@code \s} of Python's re). */
    public static boolean isPySpace(char c) {
        switch (c) {
            case ' ', '\t', '\n', '\r', '\u000b', '\f', '\u001c', '\u001d', '\u001e', '\u001f', '\u0085', '\u00a0':
                return true;
            default:
                return c > 0x7f && (Character.isWhitespace(c) || Character.isSpaceChar(c));
        }
    }

    private static boolean isNameStart(int cp) {
        return cp == '_' || Character.isLetter(cp) || Character.isUnicodeIdentifierStart(cp);
    }

    private static boolean isNamePart(int cp) {
        if (cp == '_' || Character.isLetterOrDigit(cp)) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.CONNECTOR_PUNCTUATION || t == Character.LETTER_NUMBER
                || t == Character.OTHER_NUMBER;
    }

    private static boolean isIdentifier(String word) {
        int first = word.codePointAt(0);
        if (!(first == '_' || Character.isUnicodeIdentifierStart(first))) {
            return false;
        }
        for (int i = Character.charCount(first); i < word.length(); ) {
            int cp = word.codePointAt(i);
            if (!(cp == '_' || Character.isUnicodeIdentifierPart(cp)) || Character.isIdentifierIgnorable(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
