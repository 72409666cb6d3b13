package dev.horizon.adapters.data.replay;

import dev.horizon.adapters.data.replay.CsvRows.BadRow;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Symbol;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads OHLCV bars from a header-driven CSV.
 *
 * <p>Columns (any order, names case-insensitive, extra columns ignored): {@code timestamp} or
 * {@code date}, {@code open}, {@code high}, {@code low}, {@code close}, {@code volume}, and
 * optionally {@code symbol}. Without a symbol column the file holds one symbol, which the caller
 * names. Timestamps are ISO-8601 (with or without an offset, or date-only) or epoch seconds or
 * milliseconds; {@link CsvBarFormat} says whether they are bar opens or closes.
 *
 * <p>A bad row — an unparseable field, a price that is not finite and positive, high below low,
 * open or close outside [low, high], a negative volume, a time not strictly after the previous
 * bar of the same symbol, a missing field — fails a strict read with
 * {@code file:line: problem}; a lenient read skips and counts it.
 */
public final class CsvBarReader {

    private static final String COLUMNS = "timestamp|date, open, high, low, close, volume (symbol optional)";

    private final CsvBarFormat format;

    public CsvBarReader(CsvBarFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    /** Reads a file with a {@code symbol} column. */
    public CsvBars read(Path file) {
        return read(file, null);
    }

    /**
     * Reads a file of one symbol's bars; a {@code symbol} column, if any, is ignored.
     * With {@code symbol == null} the file must have a symbol column.
     */
    public CsvBars read(Path file, Symbol symbol) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), symbol);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bar file " + file + ": " + e, e);
        }
    }

    /**
     * Reads bars from {@code reader}, naming {@code source} in messages. The caller closes the reader.
     *
     * @param symbol the symbol of every row, or {@code null} to take it from the symbol column
     * @throws CsvDataException on a missing column, or on the first bad row of a strict read
     */
    public CsvBars read(Reader reader, String source, Symbol symbol) {
        CsvRows rows = new CsvRows(reader, source, format.lenient(), COLUMNS);
        int time = rows.requiredColumn("timestamp", "date");
        int open = rows.requiredColumn("open");
        int high = rows.requiredColumn("high");
        int low = rows.requiredColumn("low");
        int close = rows.requiredColumn("close");
        int volume = rows.requiredColumn("volume");
        int symbolColumn = symbol == null ? rows.requiredColumn("symbol") : -1;

        Map<Symbol, Series> series = new LinkedHashMap<>();
        Map<String, Symbol> symbols = new HashMap<>();
        while (true) {
            try {
                if (!rows.next()) {
                    break;
                }
                Symbol rowSymbol = symbol != null ? symbol : symbolOf(rows.field(symbolColumn), symbols);
                Instant closeTime = closeTime(rows.field(time));
                Bar bar = bar(rowSymbol, closeTime,
                        CsvRows.number("open", rows.field(open)),
                        CsvRows.number("high", rows.field(high)),
                        CsvRows.number("low", rows.field(low)),
                        CsvRows.number("close", rows.field(close)),
                        CsvRows.number("volume", rows.field(volume)));
                series.computeIfAbsent(rowSymbol, s -> new Series()).append(bar, rows.line());
            } catch (BadRow bad) {
                rows.reject(bad);
            }
        }
        Map<Symbol, List<Bar>> bars = new LinkedHashMap<>();
        series.forEach((s, list) -> bars.put(s, list.bars));
        return new CsvBars(source, bars, rows.skipped(), rows.problems());
    }

    private Instant closeTime(String text) throws BadRow {
        try {
            if (format.dailyClose() != null && Timestamps.isDateOnly(text)) {
                return Timestamps.parseDate(text).atTime(format.dailyClose()).atZone(format.zone()).toInstant();
            }
            Instant stamped = Timestamps.parse(text, format.zone());
            return format.stamp() == BarStamp.OPEN ? stamped.plus(format.interval()) : stamped;
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new BadRow(e.getMessage());
        }
    }

    private static Symbol symbolOf(String text, Map<String, Symbol> cache) throws BadRow {
        Symbol known = cache.get(text);
        if (known != null) {
            return known;
        }
        try {
            Symbol parsed = Symbol.of(text);
            cache.put(text, parsed);
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new BadRow(e.getMessage());
        }
    }

    /** Checks the values the way {@link Bar} does, but as a bad row with the offending numbers. */
    private static Bar bar(Symbol symbol, Instant closeTime, double open, double high, double low,
                           double close, double volume) throws BadRow {
        requirePrice("open", open);
        requirePrice("high", high);
        requirePrice("low", low);
        requirePrice("close", close);
        if (high < low) {
            throw new BadRow("high " + high + " < low " + low);
        }
        if (open < low || open > high) {
            throw new BadRow("open " + open + " is outside [low " + low + ", high " + high + "]");
        }
        if (close < low || close > high) {
            throw new BadRow("close " + close + " is outside [low " + low + ", high " + high + "]");
        }
        if (!Double.isFinite(volume) || volume < 0) {
            throw new BadRow("volume " + volume + " is not a finite non-negative number");
        }
        return new Bar(symbol, closeTime, open, high, low, close, volume);
    }

    private static void requirePrice(String column, double value) throws BadRow {
        if (!Double.isFinite(value) || value <= 0) {
            throw new BadRow(column + " " + value + " is not a finite positive price");
        }
    }

    /** One symbol's bars so far, with the line of the last one for order messages. */
    private static final class Series {
        final List<Bar> bars = new ArrayList<>();
        long lastLine;

        void append(Bar bar, long line) throws BadRow {
            if (!bars.isEmpty()) {
                Instant previous = bars.get(bars.size() - 1).closeTime();
                int order = bar.closeTime().compareTo(previous);
                if (order == 0) {
                    throw new BadRow(bar.symbol() + " bar closing at " + bar.closeTime()
                            + " duplicates the time of line " + lastLine);
                }
                if (order < 0) {
                    throw new BadRow(bar.symbol() + " bar closing at " + bar.closeTime()
                            + " goes back in time from " + previous + " (line " + lastLine + ")");
                }
            }
            bars.add(bar);
            lastLine = line;
        }
    }
}
