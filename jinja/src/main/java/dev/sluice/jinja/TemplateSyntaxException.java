package dev.sluice.jinja;

/** A template could not be parsed; raised by {@link Environment#parse}, never while rendering. */
public final class TemplateSyntaxException extends TemplateException {
    public TemplateSyntaxException(ErrorKind kind, String reason, String templateName, int line, int column,
            String sourceLine) {
        super(kind, reason, null);
        locate(templateName, line, column, sourceLine);
    }

    @Override
    protected String action() {
        return "parse template";
    }
}
