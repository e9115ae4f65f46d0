package dev.sluice.core.internal.docs;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Descriptions as HTML, through commonmark. Raw HTML in a description is escaped, not passed
 * through, and link targets such as {@code javascript:} are dropped: descriptions come from
 * YAML anyone can edit, and the site must never run what they say.
 */
final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    static String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown));
    }

    /** The first sentence-ish of a description as plain text, for search results and tooltips. */
    static String summary(String markdown, int max) {
        if (markdown == null) {
            return "";
        }
        String text = markdown.replaceAll("[#*_`>\\[\\]]", "").replaceAll("\\s+", " ").strip();
        return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "\u2026";
    }
}
