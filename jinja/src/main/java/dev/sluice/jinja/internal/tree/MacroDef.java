package dev.sluice.jinja.internal.tree;

import java.util.List;

/**
 * A macro's definition (also a call block's {@code caller} and a host block tag's macro): name,
 * parameters with defaults aligned to the last ones, body, and which of the special names
 * {@code varargs}, {@code kwargs} and {@code caller} the body uses.
 */
public record MacroDef(String name, List<String> params, List<Expr> defaults, Stmt[] body, boolean catchVarargs,
        boolean catchKwargs, boolean usesCaller, int line) {

    public MacroDef {
        params = List.copyOf(params);
        defaults = List.copyOf(defaults);
    }

    public boolean explicitCaller() {
        return params.contains("caller");
    }

    /** The default expression of parameter {@code index}, or null when it has none. */
    public Expr defaultFor(int index) {
        int offset = index - (params.size() - defaults.size());
        return offset >= 0 ? defaults.get(offset) : null;
    }
}
