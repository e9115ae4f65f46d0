package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.runtime.Frame;

/**
 * Whether a node escapes its output, decided where the node is written as Jinja2's compiler does:
 * on or off when the enclosing {@code autoescape} setting is a constant, checked at run time
 * ("volatile") when it is not.
 */
public enum EscapeMode {
    OFF, ON, VOLATILE;

    public boolean active(Frame f) {
        return this == ON || (this == VOLATILE && f.autoescape());
    }
}
