package dev.sluice.jinja.corpus;

import dev.sluice.jinja.spi.BlockTag;
import dev.sluice.jinja.spi.MacroDeclaration;
import dev.sluice.jinja.spi.MacroSignature;
import dev.sluice.jinja.spi.TagParser;
import java.util.List;

/** dbt's three block tags, written against the engine's extension point as the corpus generator defines them. */
final class TestingDbtTags {
    private TestingDbtTags() {
    }

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

    static final BlockTag MATERIALIZATION = new BlockTag() {
        @Override
        public String name() {
            return "materialization";
        }

        @Override
        public MacroDeclaration declare(TagParser p) {
            String name = p.name();
            String adapter = "default";
            while (p.skip(",")) {
                String arg = p.name();
                if (arg.equals("default")) {
                    continue;
                }
                if (arg.equals("adapter")) {
                    if (!p.skip("=")) {
                        throw p.error("expected '='");
                    }
                    Object v = p.constant();
                    if (!(v instanceof String s)) {
                        throw p.error("adapter name must be a string literal");
                    }
                    adapter = s;
                    continue;
                }
                throw p.error("unexpected argument '" + arg + "' to materialization");
            }
            MacroSignature sig = MacroSignature.EMPTY.withParameter("supported_languages", p.literal(List.of("sql")));
            return new MacroDeclaration("materialization_" + name + "_" + adapter, sig);
        }
    };

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
