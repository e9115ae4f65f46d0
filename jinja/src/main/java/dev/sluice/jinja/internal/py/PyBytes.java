package dev.sluice.jinja.internal.py;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Python's {@code bytes}, as {@code str.encode()} returns it: prints as {@code b'\xc3\xa9'}, iterates as ints. */
public final class PyBytes implements Iterable<Object>, Sized, PyTyped, PyStringable {
    private final byte[] data;

    PyBytes(byte[] data) {
        this.data = data;
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return data.clone();
    }

    byte[] data() {
        return data;
    }

    @Override
    public int pyLen() {
        return data.length;
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < data.length;
            }

            @Override
            public Object next() {
                if (i >= data.length) {
                    throw new NoSuchElementException();
                }
                return (long) (data[i++] & 0xff);
            }
        };
    }

    @Override
    public String pyTypeName() {
        return "bytes";
    }

    @Override
    public String pyStr() {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : data) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder(data.length + 3).append('b').append(quote);
        for (byte b : data) {
            int c = b & 0xff;
            if (c == quote || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append(quote).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyBytes b && Arrays.equals(b.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return pyStr();
    }
}
