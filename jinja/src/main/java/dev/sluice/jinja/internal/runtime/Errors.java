package dev.sluice.jinja.internal.runtime;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateException;
import dev.sluice.jinja.TemplateRuntimeException;
import dev.sluice.jinja.internal.lexer.SourceLines;
import dev.sluice.jinja.spi.MacroReturn;

/** Attaching template locations to errors as they leave a statement or expression. */
public final class Errors {
    private Errors() {
    }

    /**
     * Gives {@code e} the location {@code line} of the template running in {@code f} unless it
     * already has one; host exceptions become {@link ErrorKind#HOST} errors. Control flow passes through.
     */
    public static RuntimeException locate(Frame f, int line, RuntimeException e) {
        if (e instanceof TemplateException te) {
            if (!te.hasLocation()) {
                te.locate(f.template.name(), line, 0, SourceLines.lineText(f.template.source(), line));
            }
            return te;
        }
        if (e instanceof ControlFlow || e instanceof MacroReturn) {
            return e;
        }
        String what = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        TemplateRuntimeException wrapped = new TemplateRuntimeException(ErrorKind.HOST, what, e);
        wrapped.locate(f.template.name(), line, 0, SourceLines.lineText(f.template.source(), line));
        return wrapped;
    }
}
