package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.runtime.ControlFlow;
import dev.sluice.jinja.internal.runtime.Errors;
import dev.sluice.jinja.internal.runtime.Frame;
import dev.sluice.jinja.internal.runtime.LoopContext;
import dev.sluice.jinja.internal.runtime.Out;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code {% for target in iterable if test recursive %}...{% else %}...{% endfor %}}: every
 * iteration gets a fresh scope holding the target and {@code loop}.
 */
public final class ForStmt extends Stmt {
    private final Names.Target target;
    private final Expr iterable;
    private final Expr test;
    private final Stmt[] body;
    private final Stmt[] otherwise;
    private final boolean recursive;
    private final boolean bindsLoop;
    private final EscapeMode escape;

    /**
     * @param bindsLoop whether the body names {@code loop} (or the loop is recursive); as in Jinja2,
     *     only then is {@code loop} defined, so an included template does not see it otherwise
     */
    public ForStmt(int line, Names.Target target, Expr iterable, Expr test, List<Stmt> body, List<Stmt> otherwise,
            boolean recursive, boolean bindsLoop, EscapeMode escape) {
        super(line);
        this.target = target;
        this.iterable = iterable;
        this.test = test;
        this.body = body.toArray(new Stmt[0]);
        this.otherwise = otherwise.toArray(new Stmt[0]);
        this.recursive = recursive;
        this.bindsLoop = bindsLoop || recursive;
        this.escape = escape;
    }

    @Override
    public void exec(Frame f, StringBuilder out) {
        run(f, out, iterable.eval(f), 0);
    }

    private void run(Frame f, StringBuilder out, Object items, int depth0) {
        List<Object> values = collect(f, items);
        LoopContext loop = new LoopContext(values, depth0, f.policy(),
                recursive ? (next, depth) -> recurse(f, next, depth) : null);
        // as in Jinja2, else runs unless some iteration reached the end of the body (break and continue do not)
        boolean completed = false;
        for (int i = 0; i < values.size(); i++) {
            loop.advance(i);
            Frame inner = f.child();
            target.store(inner, values.get(i), true);
            if (bindsLoop) {
                inner.bind("loop", loop);
            }
            try {
                Stmts.exec(body, inner, out);
                completed = true;
            } catch (ControlFlow c) {
                if (c == ControlFlow.BREAK) {
                    break;
                }
            }
        }
        if (!completed && otherwise.length > 0) {
            Stmts.exec(otherwise, f.child(), out);
        }
    }

    private Object recurse(Frame f, Object items, int depth0) {
        StringBuilder buffer = new StringBuilder();
        run(f, buffer, items, depth0);
        return Out.result(buffer, escape.active(f));
    }

    /** The values to loop over; an unfiltered list is used live, so appending to it while looping is seen. */
    @SuppressWarnings("unchecked")
    private List<Object> collect(Frame f, Object items) {
        if (test == null && items instanceof List<?> list) {
            return (List<Object>) list;
        }
        Iterator<Object> it = PyOps.iterate(items);
        List<Object> values = new ArrayList<>();
        while (it.hasNext()) {
            Object v = it.next();
            if (test != null) {
                Frame scope = f.child();
                target.store(scope, v, true);
                boolean keep;
                try {
                    keep = PyOps.truthy(test.eval(scope));
                } catch (RuntimeException e) {
                    throw Errors.locate(f, test.line(), e);
                }
                if (!keep) {
                    continue;
                }
            }
            values.add(v);
        }
        return values;
    }
}
