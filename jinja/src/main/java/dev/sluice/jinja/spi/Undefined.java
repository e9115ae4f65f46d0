package dev.sluice.jinja.spi;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateRuntimeException;
import dev.sluice.jinja.internal.py.PyRepr;

/**
 * A value that does not exist, as Jinja2's {@code Undefined} family models it.
 *
 * <p>What an operation on it does depends on its {@link UndefinedPolicy}: with {@code DEFAULT} it
 * prints as the empty string, iterates as empty and is false, and every other use fails; with
 * {@code STRICT} every use but {@code is defined} and {@code default} fails; with
 * {@code CHAINABLE} attribute and item access return the undefined value itself.
 */
public final class Undefined {
    private static final Object MISSING = new Object();

    private final UndefinedPolicy policy;
    private final String hint;
    private final Object owner;
    private final Object name;
    private final ErrorKind failure;

    private Undefined(UndefinedPolicy policy, String hint, Object owner, Object name, ErrorKind failure) {
        this.policy = policy;
        this.hint = hint;
        this.owner = owner;
        this.name = name;
        this.failure = failure;
    }

    /** An undefined variable {@code name}. */
    public static Undefined name(UndefinedPolicy policy, String name) {
        return new Undefined(policy, null, MISSING, name, ErrorKind.UNDEFINED);
    }

    /** The missing attribute or item {@code name} of {@code owner}. */
    public static Undefined member(UndefinedPolicy policy, Object owner, Object name) {
        return new Undefined(policy, null, owner, name, ErrorKind.UNDEFINED);
    }

    /** An undefined value whose failures say {@code hint}. */
    public static Undefined hint(UndefinedPolicy policy, String hint) {
        return new Undefined(policy, hint, MISSING, null, ErrorKind.UNDEFINED);
    }

    /** An undefined value whose failures raise {@code failure} with {@code hint}. */
    public static Undefined hint(UndefinedPolicy policy, String hint, ErrorKind failure) {
        return new Undefined(policy, hint, MISSING, null, failure);
    }

    public UndefinedPolicy policy() {
        return policy;
    }

    /** The name that was looked up, or null. */
    public Object undefinedName() {
        return name;
    }

    /** What a failing operation reports, worded as Jinja2 words it. */
    public String message() {
        if (hint != null && !hint.isEmpty()) {
            return hint;
        }
        if (owner == MISSING) {
            return PyRepr.repr(name) + " is undefined";
        }
        if (!(name instanceof String)) {
            return PyRepr.objectTypeRepr(owner) + " has no element " + PyRepr.repr(name);
        }
        return PyRepr.repr(PyRepr.objectTypeRepr(owner)) + " has no attribute " + PyRepr.repr(name);
    }

    /** The error an operation on this value raises. */
    public TemplateRuntimeException failure() {
        return new TemplateRuntimeException(failure, message());
    }

    /** Fails unless the policy lets this value be printed, iterated or tested for truth. */
    public void checkUsable() {
        if (policy == UndefinedPolicy.STRICT) {
            throw failure();
        }
    }

    @Override
    public String toString() {
        return "";
    }
}
