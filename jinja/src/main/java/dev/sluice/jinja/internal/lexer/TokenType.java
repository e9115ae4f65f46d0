package dev.sluice.jinja.internal.lexer;

/** Token kinds, described as Jinja2 describes them in error messages. */
public enum TokenType {
    DATA("template data / text"),
    VARIABLE_BEGIN("begin of print statement"),
    VARIABLE_END("end of print statement"),
    BLOCK_BEGIN("begin of statement block"),
    BLOCK_END("end of statement block"),
    NAME("name"),
    STRING("string"),
    INTEGER("integer"),
    FLOAT("float"),
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/"),
    FLOORDIV("//"),
    MOD("%"),
    POW("**"),
    TILDE("~"),
    LBRACKET("["),
    RBRACKET("]"),
    LPAREN("("),
    RPAREN(")"),
    LBRACE("{"),
    RBRACE("}"),
    EQ("=="),
    NE("!="),
    GT(">"),
    GTEQ(">="),
    LT("<"),
    LTEQ("<="),
    ASSIGN("="),
    DOT("."),
    COLON(":"),
    PIPE("|"),
    COMMA(","),
    SEMICOLON(";"),
    EOF("end of template");

    private final String description;

    TokenType(String description) {
        this.description = description;
    }

    /** How Jinja2 names this token type in messages. */
    public String description() {
        return description;
    }
}
