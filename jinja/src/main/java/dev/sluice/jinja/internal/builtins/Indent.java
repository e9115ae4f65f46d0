package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyTypes;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.Signature;
import dev.sluice.jinja.spi.Undefined;
import java.util.List;

/** The {@code indent} filter: every line but the first (and blank ones) indented by a width or a string. */
final class Indent {
    private static final Signature INDENT = Signature.of("do_indent").required("s").optional("width", 4L)
            .optional("first", false).optional("blank", false).build();

    private Indent() {
    }

    static Object filter(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bind(INDENT, value, args);
        Object s = b[0];
        Object width = b[1];
        String indention;
        if (width instanceof Undefined u) {
            throw u.failure();
        } else if (PyTypes.isString(width)) {
            indention = width.toString();
        } else if (PyTypes.isIntegral(width)) {
            indention = " ".repeat((int) Math.max(0, Math.min(Py.index(width), 100_000)));
        } else {
            throw PyErrors.type("can't multiply sequence by non-int of type '" + Py.typeName(width) + "'");
        }
        if (s instanceof Undefined u) {
            throw u.failure();
        }
        if (s instanceof List) {
            throw PyErrors.attribute("'" + Py.typeName(s) + "' object has no attribute 'splitlines'");
        }
        if (!PyTypes.isString(s)) {
            throw PyErrors.type("unsupported operand type(s) for +=: '" + Py.typeName(s) + "' and 'str'");
        }
        List<String> lines = Py.splitlines(s + "\n", false);
        StringBuilder rv = new StringBuilder();
        if (PyOps.truthy(b[3])) {
            rv.append(String.join("\n" + indention, lines));
        } else {
            rv.append(lines.get(0));
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                rv.append('\n');
                if (!line.isEmpty()) {
                    rv.append(indention);
                }
                rv.append(line);
            }
        }
        if (PyOps.truthy(b[2])) {
            rv.insert(0, indention);
        }
        return Py.like(s, rv.toString());
    }
}
