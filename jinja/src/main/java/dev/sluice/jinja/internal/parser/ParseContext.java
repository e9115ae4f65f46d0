package dev.sluice.jinja.internal.parser;

import dev.sluice.jinja.Environment;
import dev.sluice.jinja.internal.tree.BlockStmt;
import dev.sluice.jinja.internal.tree.EscapeMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** State shared by the statement and expression parsers of one template. */
final class ParseContext {
    final Environment env;
    final String name;
    final String source;
    final TokenStream stream;

    /** The lexical autoescape setting at the current position. */
    EscapeMode escape;
    /** True directly inside an if statement or conditional expression: unknown filters fail only when run. */
    boolean soft;
    /** How many for loops enclose the current position within the current macro (break/continue need one). */
    int loopDepth;
    /** Unknown filters and tests outside soft positions, reported after parsing as Jinja2's compiler does. */
    final List<Unknown> unknown = new ArrayList<>();
    /** Name reads and writes in source order, for finding what a macro body uses. */
    final List<NameEvent> nameEvents = new ArrayList<>();
    final Map<String, BlockStmt> blocks = new LinkedHashMap<>();

    ParseContext(Environment env, String name, String source, TokenStream stream) {
        this.env = env;
        this.name = name;
        this.source = source;
        this.stream = stream;
        this.escape = env.autoescape() ? EscapeMode.ON : EscapeMode.OFF;
    }

    /** "line N in 'name'", as Jinja2 positions messages. */
    String position(int line) {
        return "line " + line + (name == null ? "" : " in " + dev.sluice.jinja.internal.py.PyRepr.repr(name));
    }

    record Unknown(String kind, String name, int line, int offset) {
    }

    /** A name read or written; a read turns into a write when its expression becomes an assignment target. */
    static final class NameEvent {
        final String name;
        boolean store;

        NameEvent(String name, boolean store) {
            this.name = name;
            this.store = store;
        }
    }
}
