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
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a trade tape into OHLCV bars of a fixed interval.
 *
 * <p>Columns (any order, case-insensitive, extra columns ignored): {@code timestamp} (or
 * {@code time}), {@code price}, and the traded quantity as {@code amount} (or {@code size},
 * {@code quantity}, {@code volume}). Timestamps as in {@link CsvBarReader}: ISO-8601 or epoch
 * seconds/milliseconds. Trades must not go back in time; several trades may share a timestamp.
 *
 * <p>Intervals are aligned to the epoch (a 5-minute bar covers {@code [10:05, 10:10)}); a trade
 * stamped exactly on a boundary opens the next bar. Each bar is stamped with its interval's
 * <em>end</em>; an interval without trades gives no bar. A bad row (unparseable, price not finite
 * and positive, negative quantity, time going backwards, missing field) fails a strict read with
 * {@code file:line: problem}, or is skipped and counted by a lenient one.
 */
public final class TradeAggregator {

    private static final String COLUMNS = "timestamp, price, amount";

    private final long intervalNanos;
    private final ZoneId zone;
    private final boolean lenient;

    /**
     * @param interval the bar length, at least one millisecond
     * @param zone     the zone of timestamps written without an offset
     * @param lenient  skip and count bad rows instead of failing on the first
     */
    public TradeAggregator(Duration interval, ZoneId zone, boolean lenient) {
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("bar interval must be at least 1ms, was " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.zone = Objects.requireNonNull(zone, "zone");
        this.lenient = lenient;
    }

    /** Strict aggregation into {@code interval} bars, zone-less timestamps in UTC. */
    public static TradeAggregator of(Duration interval) {
        return new TradeAggregator(interval, ZoneOffset.UTC, false);
    }

    /** The same aggregator, skipping and counting bad rows when {@code lenient}. */
    public TradeAggregator withLenient(boolean lenient) {
        return new TradeAggregator(Duration.ofNanos(intervalNanos), zone, lenient);
    }

    /** Aggregates the trades in {@code file}, all of {@code symbol}. */
    public CsvBars aggregate(Path file, Symbol symbol) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return aggregate(reader, file.toString(), symbol);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trade file " + file + ": " + e, e);
        }
    }

    /**
     * Aggregates the trades read from {@code reader}, naming {@code source} in messages.
     * The caller closes the reader.
     *
     * @throws CsvDataException on a missing column, or on the first bad row of a strict read
     */
    public CsvBars aggregate(Reader reader, String source, Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        CsvRows rows = new CsvRows(reader, source, lenient, COLUMNS);
        int timeColumn = rows.requiredColumn("timestamp", "time");
        int priceColumn = rows.requiredColumn("price");
        int amountColumn = rows.requiredColumn("amount", "size", "quantity", "volume");

        BarBuilder builder = new BarBuilder(symbol);
        long lastTime = Long.MIN_VALUE;
        long lastLine = 0;
        while (true) {
            try {
                if (!rows.next()) {
                    break;
                }
                long time = epochNanos(rows.field(timeColumn));
                double price = CsvRows.number("price", rows.field(priceColumn));
                double amount = CsvRows.number("amount", rows.field(amountColumn));
                if (!Double.isFinite(price) || price <= 0) {
                    throw new BadRow("price " + price + " is not a finite positive price");
                }
                if (!Double.isFinite(amount) || amount < 0) {
                    throw new BadRow("amount " + amount + " is not a finite non-negative number");
                }
                if (time < lastTime) {
                    throw new BadRow("trade at " + instant(time) + " goes back in time from "
                            + instant(lastTime) + " (line " + lastLine + ")");
                }
                lastTime = time;
                lastLine = rows.line();
                builder.add(Math.floorDiv(time, intervalNanos), price, amount);
            } catch (BadRow bad) {
                rows.reject(bad);
            }
        }
        builder.flush();
        Map<Symbol, List<Bar>> bars = builder.bars.isEmpty() ? Map.of() : Map.of(symbol, builder.bars);
        return new CsvBars(source, bars, rows.skipped(), rows.problems());
    }

    private long epochNanos(String text) throws BadRow {
        try {
            Instant t = Timestamps.parse(text, zone);
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new BadRow(e.getMessage());
        } catch (ArithmeticException e) {
            throw new BadRow("timestamp '" + text + "' is outside the years 1677-2262");
        }
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    /** The bar being filled; emitted when a trade falls into a later interval. */
    private final class BarBuilder {
        final Symbol symbol;
        final List<Bar> bars = new ArrayList<>();
        boolean open;
        long bucket;
        double o;
        double h;
        double l;
        double c;
        double v;

        BarBuilder(Symbol symbol) {
            this.symbol = symbol;
        }

        void add(long tradeBucket, double price, double amount) {
            if (open && tradeBucket != bucket) {
                flush();
            }
            if (!open) {
                open = true;
                bucket = tradeBucket;
                o = price;
                h = price;
                l = price;
                v = 0;
            }
            h = Math.max(h, price);
            l = Math.min(l, price);
            c = price;
            v += amount;
        }

        void flush() {
            if (open) {
                bars.add(new Bar(symbol, instant((bucket + 1) * intervalNanos), o, h, l, c, v));
                open = false;
            }
        }
    }
}
