package dev.sluice.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.JinjaOperand;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Host objects with Python operators: both operand orders, ordering, sorting, and the TypeErrors when unsupported. */
class JinjaOperandTest {

    record Money(long cents) implements JinjaObject, JinjaOperand {
        @Override
        public Object binary(String op, Object other, boolean reflected) {
            if (other instanceof Money m) {
                return switch (op) {
                    case "+" -> new Money(cents + m.cents);
                    case "-" -> new Money(reflected ? m.cents - cents : cents - m.cents);
                    default -> NOT_IMPLEMENTED;
                };
            }
            if (op.equals("*") && other instanceof Long n) {
                return new Money(cents * n);
            }
            if (op.equals("+") && other instanceof String s) {
                return reflected ? s + "$" + cents : "$" + cents + s;
            }
            return NOT_IMPLEMENTED;
        }

        @Override
        public Object unary(String op) {
            return op.equals("-") ? new Money(-cents) : NOT_IMPLEMENTED;
        }

        @Override
        public Integer compareTo(Object other) {
            return other instanceof Money m ? Long.compare(cents, m.cents) : null;
        }

        @Override
        public String str() {
            return "$" + cents;
        }

        @Override
        public String typeName() {
            return "money.Money";
        }
    }

    private static String render(String source) {
        return Environment.standard().parse("t", source)
                .render(Map.of("a", new Money(5), "b", new Money(7), "items", java.util.List.of(new Money(9), new Money(2))));
    }

    @Test
    void arithmeticAsksTheLeftOperandThenTheRightReflected() {
        assertThat(render("{{ a + b }} {{ a - b }} {{ a * 3 }} {{ 3 * a }} {{ -a }}")).isEqualTo("$12 $-2 $15 $15 $-5");
        assertThat(render("{{ 'x' + a }} {{ a + 'y' }}")).isEqualTo("x$5 $5y");
    }

    @Test
    void orderingSortingAndEquality() {
        assertThat(render("{{ a < b }} {{ b <= a }} {{ a > b }} {{ a >= a }} {{ a == a }} {{ a == b }}"))
                .isEqualTo("True False False True True False");
        assertThat(render("{{ items | sort | join(',') }} {{ items | max }}")).isEqualTo("$2,$9 $9");
    }

    @Test
    void unsupportedOperatorsRaisePythonsTypeError() {
        assertThatThrownBy(() -> render("{{ a / 2 }}")).hasMessageContaining(
                "unsupported operand type(s) for /: 'money.Money' and 'int'");
        assertThatThrownBy(() -> render("{{ a < 1 }}")).hasMessageContaining(
                "'<' not supported between instances of 'money.Money' and 'int'");
        assertThatThrownBy(() -> render("{{ +a }}")).hasMessageContaining("bad operand type for unary +: 'money.Money'");
        assertThatThrownBy(() -> render("{{ [1] + a }}")).hasMessageContaining(
                "can only concatenate list (not \"money.Money\") to list");
    }
}
