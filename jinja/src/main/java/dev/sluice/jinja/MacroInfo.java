package dev.sluice.jinja;

import java.util.List;

/** A macro a template defines at its top level: its (stored) name, parameter names and line. */
public record MacroInfo(String name, List<String> parameters, int line) {
    public MacroInfo {
        parameters = List.copyOf(parameters);
    }
}
