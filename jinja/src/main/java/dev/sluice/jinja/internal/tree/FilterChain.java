package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.runtime.Frame;
import java.util.List;

/** The filters of {@code {% filter a|b(x) %}} or {@code {% set v | a %}}, applied in order to a block's output. */
public final class FilterChain {
    private final Calls.FilterExpr[] links;

    /** Each link's own value expression is ignored. */
    public FilterChain(List<Calls.FilterExpr> links) {
        this.links = links.toArray(new Calls.FilterExpr[0]);
    }

    public Object apply(Frame f, Object value) {
        Object v = value;
        for (Calls.FilterExpr link : links) {
            v = link.apply(f, v);
        }
        return v;
    }
}
