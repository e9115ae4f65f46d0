package dev.sluice.jinja;

/** Rendering failed: an undefined value was used, a type did not fit, a host function raised. */
public final class TemplateRuntimeException extends TemplateException {
    public TemplateRuntimeException(ErrorKind kind, String reason) {
        super(kind, reason, null);
    }

    public TemplateRuntimeException(ErrorKind kind, String reason, Throwable cause) {
        super(kind, reason, cause);
    }

    @Override
    protected String action() {
        return "render template";
    }
}
