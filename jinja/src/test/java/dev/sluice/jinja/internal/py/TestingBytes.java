package dev.sluice.jinja.internal.py;

/** Makes {@link PyBytes} values for tests (its constructor is package-private, like str.encode's). */
final class TestingBytes {
    private TestingBytes() {
    }

    static PyBytes of(byte[] data) {
        return new PyBytes(data);
    }
}
