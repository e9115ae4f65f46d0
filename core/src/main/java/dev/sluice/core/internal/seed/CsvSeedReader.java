package dev.sluice.core.internal.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV seed through commons-csv: RFC 4180 quoting, the seed's delimiter, the first non-blank
 * record as header. Lines that are empty or hold only spaces are skipped wherever they are;
 * a record with more or fewer fields than the header is an error.
 */
final class CsvSeedReader implements SeedReader {
    private static final Pattern UNCLOSED = Pattern.compile("\\(startline ([\\d,.\\s\u00a0']+)\\) EOF reached");
    private static final Pattern AFTER_QUOTE = Pattern.compile(
            "between encapsulated token and delimiter at line: [\\d,.\\s\u00a0']+, position: ([\\d,.\\s\u00a0']+)");

    private final SeedSpec spec;
    private final TrackedReader source;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final List<Position> headerPositions;
    private Position current = new Position(1, 1);
    private int headerLine;
    private long skipped;

    CsvSeedReader(SeedSpec spec, InputStream in) {
        this.spec = spec;
        this.source = new TrackedReader(in, spec, true);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(spec.delimiter()).setIgnoreEmptyLines(false).get();
        try {
            this.parser = format.parse(source);
        } catch (IOException e) {
            throw SeedErrors.at(spec, "read", Position.UNKNOWN, "cannot read the file: " + e.getMessage(), e);
        }
        this.records = parser.iterator();
        CSVRecord first = nextNonBlank();
        if (first == null) {
            throw SeedErrors.at(spec, "empty", Position.UNKNOWN,
                    "the file is empty; a CSV seed starts with a header line naming its columns");
        }
        this.header = first.toList();
        this.headerLine = current.line();
        this.headerPositions = HeaderPositions.of(source.prefix(), first.getCharacterPosition(), spec.delimiter(),
                '"', header.size(), current);
    }

    @Override
    public List<String> columns() {
        return header;
    }

    @Override
    public Position columnPosition(int index) {
        return headerPositions.get(index);
    }

    @Override
    public boolean columnsKnownUpFront() {
        return true;
    }

    /**
     * True when, as far as read, PostgreSQL's own CSV parser would read the file's records the same:
     * the header on line 1, no blank lines, one line break style, and a delimiter COPY accepts.
     * The values' side of it is checked by the caller ({@link SeedScanner}).
     */
    @Override
    public boolean copyableAsIs() {
        char d = spec.delimiter();
        boolean oneLineHeader = header.stream().noneMatch(h -> h.indexOf('\n') >= 0 || h.indexOf('\r') >= 0);
        return headerLine == 1 && oneLineHeader && skipped == 0 && source.uniformLineBreaks()
                && (d == ',' || d == ';' || d == '|' || d == '\t');
    }

    @Override
    public SeedRow next() {
        CSVRecord r = nextNonBlank();
        if (r == null) {
            return null;
        }
        if (r.size() != header.size()) {
            String fix = r.size() > header.size()
                    ? "quote values that contain '" + spec.delimiter() + "'"
                    : "add the missing fields (leave a field empty for NULL)";
            String other = otherDelimiter();
            if (other != null) {
                fix = "the header is one field with " + other + " in it: if the file is separated by " + other
                        + ", set delimiter: " + other + " in the seed's config";
            }
            throw SeedErrors.at(spec, "ragged", new Position(current.line(), 0), "line " + current.line() + " has "
                    + r.size() + " fields but the header has " + header.size() + "; " + fix);
        }
        return new SeedRow(current.line(), current.column(), r.values(), null);
    }

    /** A usual delimiter in a one-field header ('id;name'), quoted as YAML would take it; else null. */
    private String otherDelimiter() {
        if (header.size() != 1) {
            return null;
        }
        for (char c : new char[] {';', '\t', '|', ','}) {
            if (c != spec.delimiter() && header.get(0).indexOf(c) >= 0) {
                return c == '\t' ? "\"\\t\"" : "'" + c + "'";
            }
        }
        return null;
    }

    private CSVRecord nextNonBlank() {
        try {
            while (records.hasNext()) {
                CSVRecord r = records.next();
                current = source.locate(r.getCharacterPosition());
                if (r.size() != 1 || !r.get(0).isBlank()) {
                    return r;
                }
                skipped++;
            }
            return null;
        } catch (UncheckedIOException e) {
            throw syntaxError(e.getCause());
        }
    }

    private RuntimeException syntaxError(IOException e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = UNCLOSED.matcher(message);
        if (m.find()) {
            int line = number(m.group(1));
            return SeedErrors.at(spec, "csv", new Position(line, 0), "the quoted field starting on line " + line
                    + " is never closed; close it with '\"' (a quote inside a quoted field is written '\"\"')", e);
        }
        m = AFTER_QUOTE.matcher(message);
        if (m.find()) {
            Position at = source.locate(number(m.group(1)));
            return SeedErrors.at(spec, "csv", at, "unexpected text after a closing quote; quote the whole field"
                    + " and write a quote inside it as '\"\"'", e);
        }
        return SeedErrors.at(spec, "read", new Position(current.line(), 0), "cannot read the file: " + message, e);
    }

    private static int number(String formatted) {
        return Integer.parseInt(formatted.replaceAll("\\D", ""));
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
