package dev.sluice.jinja.spi;

import static java.util.Objects.requireNonNull;

/** The macro a {@link BlockTag} defines: its name and parameter list. */
public record MacroDeclaration(String name, MacroSignature signature) {
    public MacroDeclaration {
        requireNonNull(name, "name is null");
        requireNonNull(signature, "signature is null");
    }
}
