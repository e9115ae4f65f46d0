package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Arguments;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** {@code str.encode} and {@code bytes.decode} for the codecs templates use: UTF-8, ASCII and Latin-1. */
final class Codecs {
    private static final String[] NAMES = {"encoding", "errors"};
    private static final Object[] DEFAULTS = {"utf-8", "strict"};

    static final Map<String, PyMethod> BYTES = Map.of("decode", (ctx, self, a) -> decode((PyBytes) self, a));

    private Codecs() {
    }

    /** The codec's Python name ("utf-8", "ascii", "latin-1"), found as Python normalizes aliases. */
    private static String codec(Object encodingArg, String method) {
        String enc = MethodArgs.str(encodingArg, method + "() argument 'encoding' must be str, not "
                + MethodArgs.tpName(encodingArg));
        String n = enc.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (n) {
            case "utf_8", "utf8", "u8", "utf", "cp65001" -> "utf-8";
            case "ascii", "us_ascii", "646", "us" -> "ascii";
            case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100" -> "latin-1";
            default -> throw PyErrors.value("unknown encoding: " + enc);
        };
    }

    static PyBytes encode(String s, Arguments a) {
        Object[] p = MethodArgs.keywords(a, "encode", NAMES, DEFAULTS);
        String codec = codec(p[0], "encode");
        String errors = MethodArgs.str(p[1], "encode() argument 'errors' must be str, not " + MethodArgs.tpName(p[1]));
        if (codec.equals("utf-8")) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.isSurrogate(s.charAt(i)) && !Character.isSurrogatePair(s.charAt(i),
                        i + 1 < s.length() ? s.charAt(i + 1) : 0)) {
                    int at = StrSearch.cpIndex(s, i);
                    throw encodeError(codec, s.codePoints().toArray(), at, at, "surrogates not allowed");
                }
                if (Character.isHighSurrogate(s.charAt(i))) {
                    i++;
                }
            }
            return new PyBytes(s.getBytes(StandardCharsets.UTF_8));
        }
        int limit = codec.equals("ascii") ? 0x80 : 0x100;
        int[] cps = s.codePoints().toArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(cps.length);
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] < limit) {
                out.write(cps[i]);
            } else if (errors.equals("replace")) {
                out.write('?');
            } else if (errors.equals("strict")) {
                int end = i;
                while (end + 1 < cps.length && cps[end + 1] >= limit) {
                    end++;
                }
                throw encodeError(codec, cps, i, end, "ordinal not in range(" + limit + ")");
            } else if (!errors.equals("ignore")) {
                throw PyErrors.value("unknown error handler name '" + errors + "'");
            }
        }
        return new PyBytes(out.toByteArray());
    }

    /** UnicodeEncodeError's wording: one character is shown, a run of them is given as a range. */
    private static RuntimeException encodeError(String codec, int[] cps, int start, int end, String reason) {
        String what = start == end
                ? "character " + PercentFormat.ascii(PyRepr.stringRepr(new String(cps, start, 1))) + " in position " + start
                : "characters in position " + start + "-" + end;
        return PyErrors.value("'" + codec + "' codec can't encode " + what + ": " + reason);
    }

    private static String decode(PyBytes b, Arguments a) {
        Object[] p = MethodArgs.keywords(a, "decode", NAMES, DEFAULTS);
        byte[] data = b.data();
        if (data.length == 0) {
            // CPython returns '' for empty bytes before it looks the codec up
            return "";
        }
        String codec = codec(p[0], "decode");
        if (codec.equals("latin-1")) {
            return new String(data, StandardCharsets.ISO_8859_1);
        }
        if (codec.equals("ascii")) {
            for (int i = 0; i < data.length; i++) {
                if (data[i] < 0) {
                    throw PyErrors.value("'ascii' codec can't decode byte 0x" + Integer.toHexString(data[i] & 0xff)
                            + " in position " + i + ": ordinal not in range(128)");
                }
            }
            return new String(data, StandardCharsets.US_ASCII);
        }
        checkUtf8(data);
        return new String(data, StandardCharsets.UTF_8);
    }

    /** Raises Python's UnicodeDecodeError wording for the first malformed UTF-8 sequence. */
    private static void checkUtf8(byte[] data) {
        int i = 0;
        while (i < data.length) {
            int b0 = data[i] & 0xff;
            int need;
            int lo = 0x80;
            int hi = 0xbf;
            if (b0 < 0x80) {
                i++;
                continue;
            } else if (b0 >= 0xc2 && b0 <= 0xdf) {
                need = 1;
            } else if (b0 >= 0xe0 && b0 <= 0xef) {
                need = 2;
                lo = b0 == 0xe0 ? 0xa0 : 0x80;
                hi = b0 == 0xed ? 0x9f : 0xbf;
            } else if (b0 >= 0xf0 && b0 <= 0xf4) {
                need = 3;
                lo = b0 == 0xf0 ? 0x90 : 0x80;
                hi = b0 == 0xf4 ? 0x8f : 0xbf;
            } else {
                throw decodeError(data, i, i, "invalid start byte");
            }
            for (int k = 1; k <= need; k++) {
                if (i + k >= data.length) {
                    throw decodeError(data, i, data.length - 1, "unexpected end of data");
                }
                int b = data[i + k] & 0xff;
                if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xbf)) {
                    throw decodeError(data, i, i + k - 1, "invalid continuation byte");
                }
            }
            i += need + 1;
        }
    }

    private static RuntimeException decodeError(byte[] data, int start, int end, String reason) {
        String what = start == end
                ? "byte 0x" + String.format(Locale.ROOT, "%02x", data[start] & 0xff) + " in position " + start
                : "bytes in position " + start + "-" + end;
        return PyErrors.value("'utf-8' codec can't decode " + what + ": " + reason);
    }
}
