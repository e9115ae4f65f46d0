package dev.sluice.jinja.internal.py;

/** Runs a change to a list, dict or set, reporting a host's unmodifiable collection as a TypeError. */
final class Mutation {
    private Mutation() {
    }

    /** Runs {@code change}; {@code verb} and {@code type} word the error, e.g. "append to" and "list". */
    static void run(String verb, String type, Runnable change) {
        try {
            change.run();
        } catch (UnsupportedOperationException e) {
            throw PyErrors.type("Cannot " + verb + " " + type + ": it is read-only (the application passed an "
                    + "unmodifiable " + type + ")");
        }
    }
}
