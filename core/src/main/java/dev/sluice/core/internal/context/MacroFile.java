package dev.sluice.core.internal.context;

import dev.sluice.jinja.Template;

/**
 * A file of macros: where it is, which package it belongs to, and its template parsed once,
 * bound to the parse-time and the run-time environment.
 */
public record MacroFile(String path, String packageName, String source, Template parseTemplate, Template runTemplate) {
    /** The template bound to the environment {@code mode} renders with. */
    public Template template(Mode mode) {
        return mode.lenient() ? parseTemplate : runTemplate;
    }
}
