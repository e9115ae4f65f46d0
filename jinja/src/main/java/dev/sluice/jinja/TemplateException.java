package dev.sluice.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The root of every error the engine raises: unchecked, with a {@link ErrorKind}, the bare reason,
 * and where it happened (template name, line, column when known, and the offending source line).
 *
 * <p>{@link #getMessage()} reads {@code main.sql:3:7: Cannot parse template: <reason>} followed by the
 * source line and, for runtime errors, the chain of macro calls that led there.
 */
public abstract class TemplateException extends RuntimeException {
    private final ErrorKind kind;
    private final String reason;
    private String templateName;
    private int line;
    private int column;
    private String sourceLine;
    private final List<String> macroStack = new ArrayList<>();

    protected TemplateException(ErrorKind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = Objects.requireNonNull(kind, "kind is null");
        this.reason = Objects.requireNonNull(reason, "reason is null");
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The reason alone, without location, e.g. {@code 'foo' is undefined}. */
    public String reason() {
        return reason;
    }

    /** The template where it happened, or null when not known. */
    public String templateName() {
        return templateName;
    }

    /** The 1-based line in {@link #templateName()}, or 0 when not known. */
    public int line() {
        return line;
    }

    /** The 1-based column, or 0 when not known. */
    public int column() {
        return column;
    }

    /** The text of the offending line, or null. */
    public String sourceLine() {
        return sourceLine;
    }

    /** Macro calls that were active, innermost first, each as {@code macro 'name' (template:line)}. */
    public List<String> macroStack() {
        return List.copyOf(macroStack);
    }

    /** True once a template location has been attached. */
    public boolean hasLocation() {
        return line > 0;
    }

    /** Attaches the location if none is known yet; returns this. */
    public TemplateException locate(String templateName, int line, int column, String sourceLine) {
        if (!hasLocation() && line > 0) {
            this.templateName = templateName;
            this.line = line;
            this.column = column;
            this.sourceLine = sourceLine;
        }
        return this;
    }

    /** Records that the error passed out of a macro call; used to report the call chain. */
    public void addMacroFrame(String frame) {
        macroStack.add(frame);
    }

    /** The verb phrase that opens the message: "parse template" or "render template". */
    protected abstract String action();

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder();
        if (templateName != null || line > 0) {
            sb.append(templateName == null ? "<template>" : templateName);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        sb.append("Cannot ").append(action()).append(": ").append(reason);
        if (sourceLine != null) {
            sb.append("\n  ").append(sourceLine.strip());
        }
        for (String frame : macroStack) {
            sb.append("\n  in ").append(frame);
        }
        return sb.toString();
    }
}
