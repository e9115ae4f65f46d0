package dev.sluice.jinja;

/**
 * What went wrong, named after the Python exception CPython's Jinja2 raises in the same case, so
 * errors can be compared with the reference implementation.
 */
public enum ErrorKind {
    SYNTAX("TemplateSyntaxError"),
    ASSERTION("TemplateAssertionError"),
    UNDEFINED("UndefinedError"),
    SECURITY("SecurityError"),
    NOT_FOUND("TemplateNotFound"),
    NONE_FOUND("TemplatesNotFound"),
    RUNTIME("TemplateRuntimeError"),
    FILTER_ARGUMENT("FilterArgumentError"),
    TYPE("TypeError"),
    VALUE("ValueError"),
    KEY("KeyError"),
    INDEX("IndexError"),
    ATTRIBUTE("AttributeError"),
    ZERO_DIVISION("ZeroDivisionError"),
    OVERFLOW("OverflowError"),
    RECURSION("RecursionError"),
    /** Python's own {@code assert} failing inside a builtin (e.g. truncate's argument checks). */
    ASSERT("AssertionError"),
    /** Python's plain {@code RuntimeError} (e.g. an empty cycler), not Jinja2's TemplateRuntimeError. */
    PYTHON_RUNTIME("RuntimeError"),
    /** Raised by a host function; the host's own exception is the cause. */
    HOST("HostError");

    private final String pythonName;

    ErrorKind(String pythonName) {
        this.pythonName = pythonName;
    }

    /** The name of the Python exception class Jinja2 raises for this kind. */
    public String pythonName() {
        return pythonName;
    }

    /** True for errors found while parsing. */
    public boolean isSyntax() {
        return this == SYNTAX || this == ASSERTION;
    }
}
