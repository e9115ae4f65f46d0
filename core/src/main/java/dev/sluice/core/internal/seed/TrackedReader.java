package dev.sluice.core.internal.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a seed file as strict UTF-8, drops a leading byte order mark, and keeps count of lines
 * so that both invalid bytes and parsed records can be placed at a line and column. Line breaks
 * are {@code \n}, {@code \r\n} and a lone {@code \r}, as CSV and JSON parsers count them.
 */
final class TrackedReader extends Reader {
    private static final int PREFIX_CHARS = 1 << 16;

    private final InputStream in;
    private final SeedSpec spec;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
    private final LineStarts starts;
    private final StringBuilder prefix = new StringBuilder();
    private boolean eof;
    private boolean flushed;
    private int badByte = -1;
    private long delivered;
    private int line = 1;
    private long lineStart;
    private boolean afterCr;
    private long lf;
    private long crlf;
    private long cr;
    private boolean bomChecked;
    private RuntimeException failure;

    /** {@code trackLines}: remember line starts for {@link #locate} (callers must then locate as they go). */
    TrackedReader(InputStream in, SeedSpec spec, boolean trackLines) {
        this.in = in;
        this.spec = spec;
        this.starts = trackLines ? new LineStarts() : null;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n == 0) {
            if (!chars.hasRemaining() && !fill()) {
                return -1;
            }
            n = Math.min(len, chars.remaining());
            chars.get(cbuf, off, n);
            if (!bomChecked) {
                bomChecked = true;
                if (cbuf[off] == '\uFEFF') {
                    System.arraycopy(cbuf, off + 1, cbuf, off, --n);
                }
            }
        }
        track(cbuf, off, n);
        return n;
    }

    private void track(char[] cbuf, int off, int n) {
        if (prefix.length() < PREFIX_CHARS) {
            prefix.append(cbuf, off, Math.min(n, PREFIX_CHARS - prefix.length()));
        }
        for (int i = 0; i < n; i++) {
            char c = cbuf[off + i];
            long next = delivered + i + 1;
            if (afterCr && c != '\n') {
                cr++;
            }
            if (c == '\n') {
                if (afterCr) {
                    crlf++;
                } else {
                    lf++;
                }
            }
            if (c == '\r' || (c == '\n' && !afterCr)) {
                line++;
                lineStart = next;
                if (starts != null) {
                    starts.add(next);
                }
            } else if (c == '\n') {
                lineStart = next;
                if (starts != null) {
                    starts.replaceLast(next);
                }
            }
            afterCr = c == '\r';
        }
        delivered += n;
    }

    private boolean fill() throws IOException {
        chars.compact();
        try {
            while (chars.position() == 0) {
                if (badByte >= 0) {
                    failure = SeedErrors.at(spec, "encoding", new Position(line, (int) (delivered - lineStart) + 1),
                            String.format("the file is not valid UTF-8 (byte 0x%02X here); save it as UTF-8", badByte));
                    throw failure;
                }
                if (flushed) {
                    return false;
                }
                if (!eof) {
                    bytes.compact();
                    int got = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (got < 0) {
                        eof = true;
                    } else {
                        bytes.position(bytes.position() + got);
                    }
                    bytes.flip();
                }
                CoderResult r = decoder.decode(bytes, chars, eof);
                if (r.isError()) {
                    badByte = bytes.get(bytes.position()) & 0xFF;
                } else if (eof && r.isUnderflow()) {
                    decoder.flush(chars);
                    flushed = true;
                }
            }
            return true;
        } finally {
            chars.flip();
        }
    }

    /** Line and column of character {@code position}; positions must not go backwards between calls. */
    Position locate(long position) {
        return starts.locate(position);
    }

    /** The file's own failure (invalid UTF-8) if reading it failed, else null. */
    RuntimeException failure() {
        return failure;
    }

    /** True when every line break so far is {@code \n}, or every one is {@code \r\n}. */
    boolean uniformLineBreaks() {
        return cr == 0 && !afterCr && (lf == 0 || crlf == 0);
    }

    /** The first characters of the file (after a byte order mark), for placing header fields. */
    String prefix() {
        return prefix.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Start positions of the lines not yet located past: a queue that stays about a buffer long. */
    private static final class LineStarts {
        private long[] q = new long[1024];
        private int head;
        private int tail = 1;
        private int firstLine = 1;

        void add(long start) {
            if (tail == q.length) {
                if (head > q.length / 2) {
                    System.arraycopy(q, head, q, 0, tail - head);
                    tail -= head;
                    head = 0;
                } else {
                    q = java.util.Arrays.copyOf(q, q.length * 2);
                }
            }
            q[tail++] = start;
        }

        void replaceLast(long start) {
            q[tail - 1] = start;
        }

        Position locate(long position) {
            while (tail - head > 1 && q[head + 1] <= position) {
                head++;
                firstLine++;
            }
            return new Position(firstLine, (int) (position - q[head]) + 1);
        }
    }
}
