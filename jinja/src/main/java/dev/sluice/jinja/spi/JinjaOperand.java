package dev.sluice.jinja.spi;

/**
 * A {@link JinjaObject} with Python's arithmetic and ordering operators, as a {@code datetime}
 * has them. The engine asks the left operand first, then the right one with {@code reflected}
 * true, as Python tries {@code __add__} then {@code __radd__}; when both answer
 * {@link #NOT_IMPLEMENTED} it raises Python's {@code TypeError}. Equality and hashing are the
 * object's {@code equals} and {@code hashCode}. Values the engine already knows (numbers,
 * strings, lists) never reach these methods when both operands are such values.
 *
 * <pre>{@code
 * record Money(long cents) implements JinjaObject, JinjaOperand {
 *     public Object binary(String op, Object other, boolean reflected) {
 *         return op.equals("+") && other instanceof Money m ? new Money(cents + m.cents) : NOT_IMPLEMENTED;
 *     }
 *     public Integer compareTo(Object other) {
 *         return other instanceof Money m ? Long.compare(cents, m.cents) : null;
 *     }
 * }
 * }</pre>
 */
public interface JinjaOperand {
    /** What {@link #binary} returns for an operator it does not support with that operand. */
    Object NOT_IMPLEMENTED = new Object() {
        @Override
        public String toString() {
            return "NotImplemented";
        }
    };

    /**
     * {@code this op other}, or {@code other op this} when {@code reflected}; {@code op} is one of
     * {@code + - * / // % **}.
     */
    default Object binary(String op, Object other, boolean reflected) {
        return NOT_IMPLEMENTED;
    }

    /** {@code -this} ({@code op} "-") or {@code +this} ({@code op} "+"), or NOT_IMPLEMENTED. */
    default Object unary(String op) {
        return NOT_IMPLEMENTED;
    }

    /** The order of {@code this} against {@code other} (negative, zero, positive), or null when unordered. */
    default Integer compareTo(Object other) {
        return null;
    }
}
