package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateRuntimeException;

/** Factories for the runtime errors Python would raise, with Python's wording. */
public final class PyErrors {
    private PyErrors() {
    }

    public static TemplateRuntimeException type(String message) {
        return new TemplateRuntimeException(ErrorKind.TYPE, message);
    }

    public static TemplateRuntimeException value(String message) {
        return new TemplateRuntimeException(ErrorKind.VALUE, message);
    }

    public static TemplateRuntimeException key(Object key) {
        return new TemplateRuntimeException(ErrorKind.KEY, PyRepr.repr(key));
    }

    public static TemplateRuntimeException index(String message) {
        return new TemplateRuntimeException(ErrorKind.INDEX, message);
    }

    public static TemplateRuntimeException zeroDivision(String message) {
        return new TemplateRuntimeException(ErrorKind.ZERO_DIVISION, message);
    }

    public static TemplateRuntimeException overflow(String message) {
        return new TemplateRuntimeException(ErrorKind.OVERFLOW, message);
    }

    public static TemplateRuntimeException attribute(String message) {
        return new TemplateRuntimeException(ErrorKind.ATTRIBUTE, message);
    }

    public static TemplateRuntimeException runtime(String message) {
        return new TemplateRuntimeException(ErrorKind.RUNTIME, message);
    }

    /** Python's AssertionError. */
    public static TemplateRuntimeException assertion(String message) {
        return new TemplateRuntimeException(ErrorKind.ASSERT, message);
    }

    /** Python's plain RuntimeError. */
    public static TemplateRuntimeException pythonRuntime(String message) {
        return new TemplateRuntimeException(ErrorKind.PYTHON_RUNTIME, message);
    }

    public static TemplateRuntimeException security(String message) {
        return new TemplateRuntimeException(ErrorKind.SECURITY, message);
    }

    public static TemplateRuntimeException filterArgument(String message) {
        return new TemplateRuntimeException(ErrorKind.FILTER_ARGUMENT, message);
    }

    /** {@code unsupported operand type(s) for +: 'int' and 'str'}. */
    public static TemplateRuntimeException unsupported(String op, Object a, Object b) {
        return type("unsupported operand type(s) for " + op + ": '" + PyTypes.typeName(a) + "' and '"
                + PyTypes.typeName(b) + "'");
    }
}
