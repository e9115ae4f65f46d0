package dev.sluice.core.internal.seed;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * How far a seed load has read its file: both passes (checking, then COPY) read through streams
 * opened here, which tell the load's sink how many bytes have been read so far in all. The sink is
 * the calling thread's, so loads on other threads report separately.
 */
public final class SeedProgress {
    private static final ThreadLocal<LongConsumer> SINK = new ThreadLocal<>();

    private SeedProgress() {
    }

    /** Runs {@code load}, telling {@code bytesRead} the bytes read so far by both passes as it goes. */
    public static <T> T reporting(LongConsumer bytesRead, Supplier<T> load) {
        LongConsumer before = SINK.get();
        long[] total = new long[1];
        SINK.set(n -> {
            total[0] += n;
            bytesRead.accept(total[0]);
        });
        try {
            return load.get();
        } finally {
            if (before == null) {
                SINK.remove();
            } else {
                SINK.set(before);
            }
        }
    }

    /** {@code in}, counting what is read from it for the current load's sink (as is when there is none). */
    static InputStream track(InputStream in) {
        LongConsumer sink = SINK.get();
        if (sink == null) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    sink.accept(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    sink.accept(n);
                }
                return n;
            }
        };
    }
}
