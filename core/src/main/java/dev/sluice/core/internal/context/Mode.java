package dev.sluice.core.internal.context;

/** How a render runs, as dbt's phases do. */
public enum Mode {
    /** Parsing a node: {@code execute} is false, undefined names never fail, calls are captured. */
    PARSE(false, true),
    /** Naming a node ({@code generate_schema_name} and friends) while parsing: not executing, but strict. */
    NAMING(false, false),
    /** Compiling or running: {@code execute} is true, refs resolve. */
    RUN(true, false);

    private final boolean execute;
    private final boolean lenient;

    Mode(boolean execute, boolean lenient) {
        this.execute = execute;
        this.lenient = lenient;
    }

    public boolean execute() {
        return execute;
    }

    public boolean lenient() {
        return lenient;
    }
}
