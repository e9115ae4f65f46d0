package dev.sluice.jinja.internal.tree;

import java.util.List;
import java.util.Map;

/**
 * A parsed template: its name, normalized source (for error excerpts), top-level statements and
 * the blocks it defines. Immutable; shared by every render.
 */
public final class TemplateNode {
    private final String name;
    private final String source;
    private final Stmt[] body;
    private final Map<String, BlockStmt> blocks;

    public TemplateNode(String name, String source, List<Stmt> body, Map<String, BlockStmt> blocks) {
        this.name = name;
        this.source = source;
        this.body = body.toArray(new Stmt[0]);
        this.blocks = Map.copyOf(blocks);
        for (BlockStmt b : this.blocks.values()) {
            b.setOwner(this);
        }
    }

    /** The name given at parse time, or null. */
    public String name() {
        return name;
    }

    public String source() {
        return source;
    }

    public Stmt[] body() {
        return body;
    }

    public Map<String, BlockStmt> blocks() {
        return blocks;
    }
}
