package dev.sluice.jinja.internal.py;

/** An engine value that names its own Python type (range, dict_items, LoopContext, ...). */
public interface PyTyped {
    String pyTypeName();

    /** The Python module of the type, for messages such as {@code 'jinja2.utils.Namespace object' has no attribute 'x'}. */
    default String pyModule() {
        return "builtins";
    }
}
