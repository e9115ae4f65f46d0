package dev.sluice.core.internal.context;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time zone abbreviations as tzdata writes them ({@code EST}, {@code CEST}, {@code -03}), which
 * is what pytz prints. java.time only has CLDR's names, which tzdata dropped for many zones
 * ({@code BRT} where tzdata has {@code -03}), so the zone's TZif file under
 * {@code /usr/share/zoneinfo} is read when the system has one.
 */
final class TzAbbreviations {
    private static final Path ROOT = Path.of("/usr/share/zoneinfo");
    private static final Map<String, Optional<TzFile>> FILES = new ConcurrentHashMap<>();
    private static final Pattern FOOTER_NAME = Pattern.compile("<([^>]*)>|([A-Za-z]{3,})");

    private TzAbbreviations() {
    }

    /** The abbreviation in force at {@code at} per the system's tzdata, if it has the zone. */
    static Optional<String> at(ZoneId zone, Instant at) {
        Optional<TzFile> file = FILES.computeIfAbsent(zone.getId(), TzAbbreviations::load);
        return file.map(f -> f.abbreviation(at.getEpochSecond(), zone.getRules().isDaylightSavings(at)));
    }

    private static Optional<TzFile> load(String id) {
        Path p = ROOT.resolve(id).normalize();
        if (!p.startsWith(ROOT) || !Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(TzFile.parse(Files.readAllBytes(p)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The parts of a TZif (version 2+) file that name abbreviations. */
    private record TzFile(long[] transitions, int[] types, String[] typeNames, String std, String dst) {
        static TzFile parse(byte[] bytes) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            if (bytes.length < 44 || !new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals("TZif")
                    || bytes[4] < '2') {
                return null;
            }
            int[] c = counts(b, 0);
            b.position(44 + c[3] * 5 + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]);
            int start = b.position();
            c = counts(b, start);
            b.position(start + 44);
            long[] transitions = new long[c[3]];
            for (int i = 0; i < transitions.length; i++) {
                transitions[i] = b.getLong();
            }
            int[] types = new int[c[3]];
            for (int i = 0; i < types.length; i++) {
                types[i] = b.get() & 0xff;
            }
            int[] abbrIndex = new int[c[4]];
            for (int i = 0; i < abbrIndex.length; i++) {
                b.getInt();
                b.get();
                abbrIndex[i] = b.get() & 0xff;
            }
            byte[] chars = new byte[c[5]];
            b.get(chars);
            String[] names = new String[abbrIndex.length];
            for (int i = 0; i < names.length; i++) {
                int end = abbrIndex[i];
                while (end < chars.length && chars[end] != 0) {
                    end++;
                }
                names[i] = new String(chars, abbrIndex[i], end - abbrIndex[i], StandardCharsets.US_ASCII);
            }
            b.position(b.position() + c[2] * 12 + c[1] + c[0]);
            String footer = new String(bytes, b.position(), bytes.length - b.position(), StandardCharsets.US_ASCII).strip();
            Matcher m = FOOTER_NAME.matcher(footer);
            String std = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
            String dst = null;
            if (std != null) {
                Matcher rest = FOOTER_NAME.matcher(footer).region(m.end(), footer.length());
                if (rest.find()) {
                    dst = rest.group(1) != null ? rest.group(1) : rest.group(2);
                }
            }
            return new TzFile(transitions, types, names, std, dst);
        }

        private static int[] counts(ByteBuffer b, int at) {
            int[] c = new int[6];
            for (int i = 0; i < 6; i++) {
                c[i] = b.getInt(at + 20 + 4 * i);
            }
            return c;
        }

        String abbreviation(long epochSecond, boolean daylight) {
            if (transitions.length > 0 && epochSecond >= transitions[transitions.length - 1] && std != null) {
                return daylight && dst != null ? dst : std;
            }
            int i = Arrays.binarySearch(transitions, epochSecond);
            int idx = i >= 0 ? i : -i - 2;
            if (idx < 0) {
                return typeNames.length > 0 ? typeNames[0] : std;
            }
            return typeNames[types[idx]];
        }
    }
}
