package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.runtime.Frame;

/** A statement node: renders into {@code out}. */
public abstract class Stmt {
    protected final int line;

    protected Stmt(int line) {
        this.line = line;
    }

    public int line() {
        return line;
    }

    public abstract void exec(Frame f, StringBuilder out);
}
