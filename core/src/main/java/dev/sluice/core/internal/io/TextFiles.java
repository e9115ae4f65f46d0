package dev.sluice.core.internal.io;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a project's text files (SQL, YAML) as UTF-8, without a leading byte order mark. A file
 * in another encoding fails with the line and column of the first byte that is not UTF-8.
 */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * @param shown the file as messages name it (relative to the project where possible)
     * @param code the error code for a file that cannot be read at all
     */
    public static String readUtf8(Path file, String shown, String code) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw SluiceException.user(code, Location.of(shown), "Cannot read " + shown + ": " + e.getMessage(), e);
        }
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF
                || bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
            throw SluiceException.user("file.encoding", new Location(shown, 1, 1), "Cannot read " + shown
                    + ": it is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            String before = out.toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            throw SluiceException.user("file.encoding", new Location(shown, line, column), String.format(
                    "Cannot read %s: it is not valid UTF-8 (byte 0x%02X here); save it as UTF-8", shown,
                    bytes[in.position()] & 0xFF));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\ufeff") ? text.substring(1) : text;
    }
}
