package dev.sluice.jinja;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.Undefined;
import java.util.HashMap;
import java.util.Map;

/** A hand-written {@link CallContext} for unit tests of filters, tests, globals and methods. */
public final class TestingCallContext implements CallContext {
    private final Environment environment;
    private final boolean autoescape;
    private final Map<String, Object> variables = new HashMap<>();

    public TestingCallContext(Environment environment, boolean autoescape) {
        this.environment = environment;
        this.autoescape = autoescape;
    }

    /** A context over the standard environment, without autoescaping. */
    public static TestingCallContext standard() {
        return new TestingCallContext(Environment.standard(), false);
    }

    public TestingCallContext with(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public Object resolve(String name) {
        if (variables.containsKey(name)) {
            return variables.get(name);
        }
        return environment.global(name).orElseGet(() -> Undefined.name(environment.undefinedPolicy(), name));
    }

    @Override
    public Object call(Object callable, Arguments arguments) {
        if (callable instanceof JinjaCallable c) {
            return c.call(this, arguments);
        }
        throw new IllegalArgumentException("not callable: " + callable);
    }

    @Override
    public boolean autoescape() {
        return autoescape;
    }

    @Override
    public Undefined undefined(String hint) {
        return Undefined.hint(environment.undefinedPolicy(), hint);
    }

    @Override
    public String templateName() {
        return "test";
    }

    @Override
    public int line() {
        return 1;
    }
}
