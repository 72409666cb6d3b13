package dev.horizon.adapters.data.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a plain header-driven CSV (comma-separated, no commas inside fields; surrounding double
 * quotes are stripped) one row at a time, keeping the line number for messages, and collects the
 * bad rows a lenient read skips.
 *
 * <p>Header names are matched case-insensitively. Blank lines are ignored.
 */
final class CsvRows {

    private final BufferedReader reader;
    private final String source;
    private final boolean lenient;
    private final List<String> header;
    private final List<String> problems = new ArrayList<>();
    private String[] fields;
    private int fieldCount;
    private long line;
    private long skipped;

    /**
     * Reads the header line.
     *
     * @throws CsvDataException if the source is empty or a column name repeats
     */
    CsvRows(Reader reader, String source, boolean lenient, String expectedColumns) {
        this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.source = source;
        this.lenient = lenient;
        String first = readLine();
        while (first != null && first.isBlank()) {
            first = readLine();
        }
        if (first == null) {
            throw new CsvDataException(source, 0, "empty file, expected a header line with columns " + expectedColumns);
        }
        if (!first.isEmpty() && first.charAt(0) == '\uFEFF') {
            first = first.substring(1);
        }
        List<String> names = new ArrayList<>();
        for (String name : split(first)) {
            String normalized = name.toLowerCase(Locale.ROOT);
            if (!normalized.isEmpty() && names.contains(normalized)) {
                throw new CsvDataException(source, line, "column '" + normalized + "' appears twice in the header");
            }
            names.add(normalized);
        }
        this.header = List.copyOf(names);
        this.fields = new String[header.size() + 1];
    }

    String source() {
        return source;
    }

    /** Index of the first of {@code names} present in the header, or -1. */
    int optionalColumn(String... names) {
        for (String name : names) {
            int i = header.indexOf(name);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index of the first of {@code names} present in the header.
     *
     * @throws CsvDataException naming the missing column and the columns found
     */
    int requiredColumn(String... names) {
        int i = optionalColumn(names);
        if (i < 0) {
            throw new CsvDataException(source, 0, "missing column '" + String.join("' or '", names)
                    + "'; found columns: " + String.join(", ", header));
        }
        return i;
    }

    /**
     * Moves to the next non-blank row.
     *
     * @return false at the end of the source
     * @throws BadRow if the row does not have as many fields as the header
     */
    boolean next() throws BadRow {
        String text = readLine();
        while (text != null && text.isBlank()) {
            text = readLine();
        }
        if (text == null) {
            return false;
        }
        splitInto(text);
        if (fieldCount != header.size()) {
            throw new BadRow("expected " + header.size() + " fields as in the header, found " + fieldCount);
        }
        return true;
    }

    /** The i-th field of the current row, trimmed and unquoted. */
    String field(int i) {
        return fields[i];
    }

    /** The 1-based line number of the current row (the header is line 1). */
    long line() {
        return line;
    }

    /**
     * Deals with a bad current row: fails a strict read with {@code file:line: problem}, or
     * counts it (and keeps the first few messages) in a lenient one.
     */
    void reject(BadRow bad) {
        CsvDataException error = new CsvDataException(source, line, bad.getMessage());
        if (!lenient) {
            throw error;
        }
        skipped++;
        if (problems.size() < CsvBars.MAX_PROBLEMS) {
            problems.add(error.getMessage());
        }
    }

    long skipped() {
        return skipped;
    }

    List<String> problems() {
        return problems;
    }

    private String readLine() {
        try {
            String text = reader.readLine();
            if (text != null) {
                line++;
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private List<String> split(String text) {
        splitInto(text);
        return Arrays.asList(Arrays.copyOf(fields, fieldCount));
    }

    private void splitInto(String text) {
        if (fields == null) {
            fields = new String[16];
        }
        fieldCount = 0;
        int start = 0;
        while (true) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            if (fieldCount == fields.length) {
                fields = Arrays.copyOf(fields, fields.length * 2);
            }
            fields[fieldCount++] = clean(text, start, end);
            if (comma < 0) {
                return;
            }
            start = comma + 1;
        }
    }

    private static String clean(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end - start >= 2 && text.charAt(start) == '"' && text.charAt(end - 1) == '"') {
            start++;
            end--;
        }
        return text.substring(start, end);
    }

    /** Parses a number field. @throws BadRow naming the column and the text */
    static double number(String column, String text) throws BadRow {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadRow(column + " '" + text + "' is not a number");
        }
    }

    /** A row that cannot be used; its message is the problem without file and line. */
    static final class BadRow extends Exception {

        private static final long serialVersionUID = 1L;

        BadRow(String problem) {
            // No stack trace: a lenient read of a bad file may make many of these.
            super(problem, null, false, false);
        }
    }
}
