package dev.sluice.jinja.spi;

/**
 * A block tag the host adds to the language, such as dbt's {@code {% test name(model) %}} or
 * {@code {% materialization name, adapter='x' %}}: the tag's body, up to {@code {% end<name> %}},
 * becomes a macro whose name and parameters {@link #declare} decides.
 *
 * <pre>{@code
 * BlockTag test = parser -> {
 *     String name = parser.name();
 *     return new MacroDeclaration("test_" + name, parser.signature());
 * };
 * }</pre>
 */
public interface BlockTag {
    /** The tag's name: {@code test} for {@code {% test ... %}...{% endtest %}}. */
    String name();

    /** Reads the rest of the opening tag and says which macro the body defines. */
    MacroDeclaration declare(TagParser parser);
}
