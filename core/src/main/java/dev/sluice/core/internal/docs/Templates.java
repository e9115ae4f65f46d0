package dev.sluice.core.internal.docs;

import dev.sluice.core.api.SluiceException;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * The site's Pebble templates ({@code resources/dev/sluice/core/docs/templates}), HTML-escaping
 * every value unless a template says {@code | raw} (only for HTML Sluice itself produced, such as
 * rendered Markdown). Strict: a misspelt variable is an error, not an empty string. Thread-safe.
 */
final class Templates {
    private final PebbleEngine engine;

    Templates() {
        ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
        loader.setPrefix("dev/sluice/core/docs/templates");
        loader.setSuffix(".peb");
        engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(true)
                .cacheActive(true).build();
    }

    String render(String template, Map<String, Object> context) {
        PebbleTemplate t = engine.getTemplate(template);
        StringWriter out = new StringWriter(4096);
        try {
            t.evaluate(out, context);
        } catch (IOException e) {
            throw SluiceException.internal("cannot render docs template " + template, e);
        }
        return out.toString();
    }
}
