package dev.sluice.core.internal.context;

import dev.sluice.jinja.Environment;
import dev.sluice.jinja.TemplateLoader;
import dev.sluice.jinja.spi.BlockTag;
import dev.sluice.jinja.spi.JinjaFilter;
import dev.sluice.jinja.spi.MacroDeclaration;
import dev.sluice.jinja.spi.MacroSignature;
import dev.sluice.jinja.spi.TagParser;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.util.List;

/**
 * The Jinja environment dbt renders with: Jinja2's sandbox with {@code do} and
 * {@code loopcontrols} (our engine's defaults), dbt's block tags ({@code test},
 * {@code materialization}, {@code docs}), macros stored under {@code dbt_macro__} as dbt's parser
 * does (so a macro always resolves through the context, where project macros override dbt's),
 * and the text-mode {@code as_text}/{@code as_bool}/{@code as_native}/{@code as_number} filters.
 */
public final class DbtEnvironment {
    /** dbt's prefix for macro definitions. */
    public static final String MACRO_PREFIX = "dbt_macro__";

    private DbtEnvironment() {
    }

    /** A new environment; {@code loader} serves {@code include}/{@code import} (none for dbt projects). */
    public static Environment create(TemplateLoader loader, UndefinedPolicy undefined) {
        JinjaFilter identity = (ctx, value, args) -> value;
        return Environment.builder()
                .macroNamePrefix(MACRO_PREFIX)
                .blockTag(TEST)
                .blockTag(MATERIALIZATION)
                .blockTag(DOCS)
                .filter("as_text", identity)
                .filter("as_bool", identity)
                .filter("as_native", identity)
                .filter("as_number", identity)
                .loader(loader)
                .undefined(undefined)
                .build();
    }

    /** {@code {% test name(args) %}} defines macro {@code test_<name>}. */
    static final BlockTag TEST = new BlockTag() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public MacroDeclaration declare(TagParser p) {
            String name = p.name();
            return new MacroDeclaration("test_" + name, p.signature());
        }
    };

    /** {@code {% materialization name, adapter='postgres' %}} defines {@code materialization_<name>_<adapter>}. */
    static final BlockTag MATERIALIZATION = new BlockTag() {
        @Override
        public String name() {
            return "materialization";
        }

        @Override
        public MacroDeclaration declare(TagParser p) {
            String name = p.name();
            String adapter = "default";
            MacroSignature sig = MacroSignature.EMPTY;
            Object languages = null;
            while (p.skip(",")) {
                String arg = p.name();
                switch (arg) {
                    case "default" -> {
                    }
                    case "adapter" -> {
                        if (!p.skip("=")) {
                            throw p.error("expected '=' after adapter");
                        }
                        Object v = p.constant();
                        adapter = String.valueOf(v);
                    }
                    case "supported_languages" -> {
                        if (!p.skip("=")) {
                            throw p.error("expected '=' after supported_languages");
                        }
                        languages = p.expression();
                    }
                    default -> throw p.error("materialization '" + name + "' takes no argument '" + arg
                            + "' (expected default, adapter= or supported_languages=)");
                }
            }
            sig = sig.withParameter("supported_languages", languages != null ? languages : p.literal(List.of("sql")));
            return new MacroDeclaration("materialization_" + name + "_" + adapter, sig);
        }
    };

    /** {@code {% docs name %}} defines {@code docs_<name>}; dbt reads its body as a doc block. */
    static final BlockTag DOCS = new BlockTag() {
        @Override
        public String name() {
            return "docs";
        }

        @Override
        public MacroDeclaration declare(TagParser p) {
            return new MacroDeclaration("docs_" + p.name(), MacroSignature.EMPTY);
        }
    };
}
