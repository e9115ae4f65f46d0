package dev.sluice.jinja;

import static java.util.Objects.requireNonNull;

import dev.sluice.jinja.internal.builtins.Builtins;
import dev.sluice.jinja.internal.parser.Parser;
import dev.sluice.jinja.spi.BlockTag;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaFilter;
import dev.sluice.jinja.spi.JinjaTest;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration every template is parsed and rendered with: filters, tests, globals, block
 * tags, undefined policy, whitespace options and the loader. Immutable and thread-safe; build it
 * once and share it. The defaults are those of Jinja2's sandboxed environment with the {@code do}
 * and {@code loopcontrols} extensions, as dbt configures it.
 *
 * <pre>{@code
 * Environment env = Environment.builder()
 *     .global("project", "jaffle_shop")
 *     .filter("shout", (ctx, value, args) -> value.toString().toUpperCase() + "!")
 *     .build();
 * String sql = env.parse("model.sql", "select 1 as {{ project | shout }}").render(Map.of());
 * }</pre>
 */
public final class Environment {
    private final Map<String, JinjaFilter> filters;
    private final Map<String, JinjaTest> tests;
    private final Map<String, Object> globals;
    private final Map<String, BlockTag> blockTags;
    private final UndefinedPolicy undefinedPolicy;
    private final boolean autoescape;
    private final boolean trimBlocks;
    private final boolean lstripBlocks;
    private final boolean keepTrailingNewline;
    private final String macroNamePrefix;
    private final TemplateLoader loader;
    private final Map<String, Template> loaded = new ConcurrentHashMap<>();

    private Environment(Builder b) {
        this.filters = Collections.unmodifiableMap(new HashMap<>(b.filters));
        this.tests = Collections.unmodifiableMap(new HashMap<>(b.tests));
        this.globals = Collections.unmodifiableMap(new LinkedHashMap<>(b.globals));
        this.blockTags = Collections.unmodifiableMap(new HashMap<>(b.blockTags));
        this.undefinedPolicy = b.undefinedPolicy;
        this.autoescape = b.autoescape;
        this.trimBlocks = b.trimBlocks;
        this.lstripBlocks = b.lstripBlocks;
        this.keepTrailingNewline = b.keepTrailingNewline;
        this.macroNamePrefix = b.macroNamePrefix;
        this.loader = b.loader;
    }

    /** A builder preloaded with every builtin filter, test and global of Jinja2 3.1. */
    public static Builder builder() {
        return new Builder();
    }

    /** An environment with the defaults only. */
    public static Environment standard() {
        return builder().build();
    }

    /**
     * Parses {@code source}; syntax errors are raised here, never while rendering.
     *
     * @param name the template's name, used in error messages and for relative loads (may be null)
     * @throws TemplateSyntaxException with the name, line, column and offending line
     */
    public Template parse(String name, String source) {
        requireNonNull(source, "source is null");
        return new Template(this, Parser.parse(this, name, source));
    }

    /**
     * The template {@code name} from the loader, parsed once and cached.
     *
     * @throws TemplateRuntimeException of kind {@link ErrorKind#NOT_FOUND} when the loader has no such template
     */
    public Template getTemplate(String name) {
        Template t = loaded.get(name);
        if (t != null) {
            return t;
        }
        String source = loader.load(name).orElseThrow(
                () -> new TemplateRuntimeException(ErrorKind.NOT_FOUND, "template '" + name + "' not found"));
        t = parse(name, source);
        Template previous = loaded.putIfAbsent(name, t);
        return previous != null ? previous : t;
    }

    /** True when the loader can provide {@code name}. */
    public boolean hasTemplate(String name) {
        return loaded.containsKey(name) || loader.load(name).isPresent();
    }

    public Optional<JinjaFilter> filter(String name) {
        return Optional.ofNullable(filters.get(name));
    }

    public Optional<JinjaTest> test(String name) {
        return Optional.ofNullable(tests.get(name));
    }

    /** The global {@code name}, or empty. */
    public Optional<Object> global(String name) {
        return globals.containsKey(name) ? Optional.of(globals.get(name)) : Optional.empty();
    }

    /** All globals, in registration order. */
    public Map<String, Object> globals() {
        return globals;
    }

    public Optional<BlockTag> blockTag(String name) {
        return Optional.ofNullable(blockTags.get(name));
    }

    public UndefinedPolicy undefinedPolicy() {
        return undefinedPolicy;
    }

    public boolean autoescape() {
        return autoescape;
    }

    public boolean trimBlocks() {
        return trimBlocks;
    }

    public boolean lstripBlocks() {
        return lstripBlocks;
    }

    public boolean keepTrailingNewline() {
        return keepTrailingNewline;
    }

    /** The prefix macro definitions are stored under (dbt's {@code dbt_macro__}), or "" for none. */
    public String macroNamePrefix() {
        return macroNamePrefix;
    }

    /** Builds an {@link Environment}; not thread-safe. */
    public static final class Builder {
        private final Map<String, JinjaFilter> filters = new HashMap<>(Builtins.filters());
        private final Map<String, JinjaTest> tests = new HashMap<>(Builtins.tests());
        private final Map<String, Object> globals = new LinkedHashMap<>(Builtins.globals());
        private final Map<String, BlockTag> blockTags = new HashMap<>();
        private UndefinedPolicy undefinedPolicy = UndefinedPolicy.DEFAULT;
        private boolean autoescape;
        private boolean trimBlocks;
        private boolean lstripBlocks;
        private boolean keepTrailingNewline;
        private String macroNamePrefix = "";
        private TemplateLoader loader = TemplateLoader.none();

        private Builder() {
        }

        /** Adds or replaces a filter. */
        public Builder filter(String name, JinjaFilter filter) {
            filters.put(requireNonNull(name, "name is null"), requireNonNull(filter, "filter is null"));
            return this;
        }

        /** Adds or replaces a test. */
        public Builder test(String name, JinjaTest test) {
            tests.put(requireNonNull(name, "name is null"), requireNonNull(test, "test is null"));
            return this;
        }

        /** Adds or replaces a global variable; null is Python's None. */
        public Builder global(String name, Object value) {
            globals.put(requireNonNull(name, "name is null"), value);
            return this;
        }

        /** Adds or replaces a global function. */
        public Builder function(String name, JinjaCallable function) {
            return global(name, requireNonNull(function, "function is null"));
        }

        /** Adds a block tag such as dbt's {@code test} or {@code materialization}. */
        public Builder blockTag(BlockTag tag) {
            blockTags.put(requireNonNull(tag, "tag is null").name(), tag);
            return this;
        }

        public Builder undefined(UndefinedPolicy policy) {
            this.undefinedPolicy = requireNonNull(policy, "policy is null");
            return this;
        }

        public Builder autoescape(boolean autoescape) {
            this.autoescape = autoescape;
            return this;
        }

        public Builder trimBlocks(boolean trimBlocks) {
            this.trimBlocks = trimBlocks;
            return this;
        }

        public Builder lstripBlocks(boolean lstripBlocks) {
            this.lstripBlocks = lstripBlocks;
            return this;
        }

        public Builder keepTrailingNewline(boolean keepTrailingNewline) {
            this.keepTrailingNewline = keepTrailingNewline;
            return this;
        }

        /**
         * Stores every macro definition under {@code prefix + name}, as dbt's parser does with
         * {@code dbt_macro__}; a template then finds its own macros only through the host's globals.
         */
        public Builder macroNamePrefix(String prefix) {
            this.macroNamePrefix = requireNonNull(prefix, "prefix is null");
            return this;
        }

        public Builder loader(TemplateLoader loader) {
            this.loader = requireNonNull(loader, "loader is null");
            return this;
        }

        public Environment build() {
            return new Environment(this);
        }
    }
}
