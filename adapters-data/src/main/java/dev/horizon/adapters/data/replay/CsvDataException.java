package dev.horizon.adapters.data.replay;

/**
 * A CSV file of bars or trades cannot be used: a missing column, or a bad row when reading
 * strictly. The message is one line that names the file and, for a row, its line number
 * ({@code trades.csv:1234: high 9.5 < low 10.0}), so the user can go straight to the problem.
 */
public final class CsvDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    CsvDataException(String source, long line, String problem) {
        super(line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file (or resource) the problem is in. */
    public String source() {
        return source;
    }

    /** The 1-based line of the bad row (the header is line 1), or 0 for a problem with the whole file. */
    public long line() {
        return line;
    }
}
