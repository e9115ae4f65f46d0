package dev.sluice.core.internal.model;

import static java.util.Objects.requireNonNull;

/** A {@code ref()} a node makes: {@code ref('name')}, {@code ref('package', 'name')}, {@code ref('name', version=2)}. */
public record RefCall(String packageName, String name, String version, int line) {
    public RefCall {
        requireNonNull(name, "name is null");
    }
}
