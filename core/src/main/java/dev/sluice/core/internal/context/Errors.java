package dev.sluice.core.internal.context;

import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.jinja.TemplateException;

/** Template errors as Sluice errors: located in the file and line where they happened. */
public final class Errors {
    private Errors() {
    }

    /**
     * A {@link SluiceException} for a template error raised while rendering {@code file}; a Sluice
     * error raised by a context function (an unknown ref, a missing var) keeps its own message.
     */
    public static SluiceException fromTemplate(TemplateException e, String file) {
        Throwable cause = e.getCause();
        String where = e.templateName() != null ? e.templateName() : file;
        Location loc = new Location(where, e.line(), e.column());
        String chain = e.macroStack().isEmpty() ? "" : " (" + String.join(", ", e.macroStack().stream()
                .map(Errors::frame).toList()) + ")";
        if (cause instanceof SluiceException s) {
            Location own = s.location();
            Location best = own != null && own.line() > 0 ? own : loc;
            if (s instanceof DatabaseException d && !d.reason().contains("SQLSTATE")) {
                return d.relocate(best, d.reason() + " (SQLSTATE " + d.sqlState() + ")" + chain);
            }
            return new SluiceException(s.kind(), s.code(), best, s.reason() + chain, s);
        }
        String verb = e.kind().isSyntax() ? "parse" : "render";
        return SluiceException.user("jinja." + e.kind().name().toLowerCase(java.util.Locale.ROOT), loc,
                "Cannot " + verb + " " + where + ": " + e.reason() + chain, e);
    }

    /** "macro 'cents' called at models/a.sql:3", as the user wrote it: no dbt_macro__ prefix, no line 0 of a call from Sluice. */
    private static String frame(String frame) {
        return frame.replace("'dbt_macro__", "'").replaceFirst(" called at [^ ]*:0$", "");
    }
}
