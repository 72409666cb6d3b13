package dev.horizon.bootstrap.training;

import dev.horizon.adapters.data.replay.DemoData;
import dev.horizon.domain.features.FeatureLibrary;
import dev.horizon.domain.features.RollingFeatures;
import dev.horizon.domain.features.TrainingLabels;
import dev.horizon.domain.features.Volatility;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Symbol;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the training CSV that {@code tools/models/train.py} reads: per bar, the feature row of
 * the engine's own feature library, the raw OHLCV and the training targets.
 *
 * <p>Columns: {@code symbol,timestamp,<the library's features in FeatureLibrary order>,open,high,
 * low,close,volume,ret_5m,ret_10m,ret_15m,ret_30m,ret_60m,will_peak_5m,will_valley_5m}; the
 * timestamp is the bar's close time (ISO-8601, UTC), a missing value is {@code NaN}.
 *
 * <p>Train/serve parity: row i's features come from {@link RollingFeatures} over the trailing
 * {@code history_bars} bars, exactly what the engine hands the library live. No look-ahead: only
 * bars closing strictly before the cutoff are read at all, so a label whose horizon would reach
 * the cutoff is {@code NaN} (see {@link TrainingLabels}) and the bars from the cutoff on stay
 * unseen for the demo and backtests.
 */
public final class TrainingSetExport {

    /** End of the demo's training window: the first four days of the Bitstamp tape train. */
    public static final Instant DEMO_CUTOFF = Instant.parse("2013-11-29T00:00:00Z");
    /** Forward-return horizons, in minutes, each a {@code ret_<h>m} column. */
    public static final List<Integer> RETURN_HORIZONS = List.of(5, 10, 15, 30, 60);
    /** Horizon of the barrier labels ({@code will_peak_5m}, {@code will_valley_5m}). */
    public static final int BARRIER_HORIZON = 5;
    /** The raw bar columns, between the features and the targets. */
    public static final List<String> BAR_COLUMNS = List.of("open", "high", "low", "close", "volume");

    private TrainingSetExport() {
    }

    /**
     * How the set is built.
     *
     * @param cutoff      bars closing at or after this instant are not read (exclusive end)
     * @param barMinutes  the bar interval; horizons are whole numbers of bars
     * @param historyBars bars of history per feature row ({@code engine.history_bars})
     * @param volLookback returns behind σ_bar ({@code engine.vol_lookback})
     * @param barrierK    the k of the barriers {@code C_t·(1 ± k·σ_h)}
     */
    public record Options(Instant cutoff, int barMinutes, int historyBars, int volLookback, double barrierK) {

        public Options {
            Objects.requireNonNull(cutoff, "cutoff");
            for (int h : RETURN_HORIZONS) {
                TrainingLabels.horizonBars(h, barMinutes);
            }
            if (historyBars <= 0) {
                throw new IllegalArgumentException("history_bars must be positive, was " + historyBars);
            }
            if (volLookback < Volatility.MIN_RETURNS) {
                throw new IllegalArgumentException("vol_lookback must be at least " + Volatility.MIN_RETURNS
                        + ", was " + volLookback);
            }
            if (!(barrierK > 0) || !Double.isFinite(barrierK)) {
                throw new IllegalArgumentException("barrier k must be finite and positive, was " + barrierK);
            }
        }

        /** The demo's settings: 1-minute bars before {@link #DEMO_CUTOFF}, the engine defaults, k = 1. */
        public static Options demo() {
            return new Options(DEMO_CUTOFF, 1, FeatureLibrary.DEFAULT_HISTORY_BARS, Volatility.DEFAULT_LOOKBACK,
                    TrainingLabels.DEFAULT_BARRIER_K);
        }

        public Options withCutoff(Instant newCutoff) {
            return new Options(newCutoff, barMinutes, historyBars, volLookback, barrierK);
        }

        public Options withBarrierK(double k) {
            return new Options(cutoff, barMinutes, historyBars, volLookback, k);
        }
    }

    /**
     * What was written.
     *
     * @param rows          data rows (one per bar before the cutoff)
     * @param symbols       symbols with at least one row
     * @param firstBar      close time of the earliest bar written, null when nothing was
     * @param lastBar       close time of the latest bar written, null when nothing was
     * @param barsAtCutoff  bars left out because they close at or after the cutoff
     */
    public record Summary(int rows, int symbols, Instant firstBar, Instant lastBar, int barsAtCutoff) {
    }

    /** The CSV header, in column order. */
    public static List<String> header() {
        List<String> columns = new ArrayList<>();
        columns.add("symbol");
        columns.add("timestamp");
        columns.addAll(FeatureLibrary.names());
        columns.addAll(BAR_COLUMNS);
        for (int h : RETURN_HORIZONS) {
            columns.add("ret_" + h + "m");
        }
        columns.add("will_peak_" + BARRIER_HORIZON + "m");
        columns.add("will_valley_" + BARRIER_HORIZON + "m");
        return List.copyOf(columns);
    }

    /**
     * Writes the header and one row per bar of every symbol (symbols in map order, bars oldest
     * first) that closes before {@code options.cutoff()}.
     *
     * @param bars per symbol, oldest first with increasing close times (as {@code CsvBars} holds them)
     */
    public static Summary write(Map<Symbol, List<Bar>> bars, Options options, Writer out) throws IOException {
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(options, "options");
        out.write(String.join(",", header()));
        out.write('\n');
        int rows = 0;
        int symbols = 0;
        int atCutoff = 0;
        Instant first = null;
        Instant last = null;
        for (Map.Entry<Symbol, List<Bar>> entry : bars.entrySet()) {
            List<Bar> series = entry.getValue();
            int n = barsBefore(series, options.cutoff());
            atCutoff += series.size() - n;
            if (n == 0) {
                continue;
            }
            writeSymbol(entry.getKey(), series, n, options, out);
            rows += n;
            symbols++;
            Instant start = series.get(0).closeTime();
            Instant end = series.get(n - 1).closeTime();
            first = first == null || start.isBefore(first) ? start : first;
            last = last == null || end.isAfter(last) ? end : last;
        }
        out.flush();
        return new Summary(rows, symbols, first, last, atCutoff);
    }

    /** Exports the bundled BTC/USD minute bars ({@link DemoData#bitcoinMinuteBars()}) to {@code file}. */
    public static Summary writeDemo(Path file, Options options) {
        Map<Symbol, List<Bar>> bars = DemoData.bitcoinMinuteBars().bars();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
                return write(bars, options, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training set " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code TrainingSetExport <out.csv> [--cutoff <ISO instant>] [--barrier-k <k>]}: exports the
     * demo's training window (defaults: before 2013-11-29T00:00:00Z, k = 1).
     */
    public static void main(String[] args) {
        try {
            Path file = null;
            Options options = Options.demo();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--cutoff" -> options = options.withCutoff(Instant.parse(value(args, ++i, "--cutoff")));
                    case "--barrier-k" -> options = options.withBarrierK(Double.parseDouble(value(args, ++i,
                            "--barrier-k")));
                    default -> {
                        if (args[i].startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                        }
                        file = Path.of(args[i]);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("name the CSV to write");
            }
            Summary s = writeDemo(file, options);
            System.out.printf("wrote %d rows of %d symbol(s), bars %s .. %s, to %s (%d bars from the cutoff %s on"
                    + " left out)%n", s.rows(), s.symbols(), s.firstBar(), s.lastBar(), file, s.barsAtCutoff(),
                    options.cutoff());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println("training-set export: " + e.getMessage()
                    + " (usage: TrainingSetExport <out.csv> [--cutoff <ISO instant>] [--barrier-k <k>])");
            System.exit(2);
        } catch (UncheckedIOException e) {
            System.err.println("training-set export: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** How many bars close strictly before the cutoff (they are in time order). */
    static int barsBefore(List<Bar> bars, Instant cutoff) {
        int n = 0;
        while (n < bars.size() && bars.get(n).closeTime().isBefore(cutoff)) {
            n++;
        }
        return n;
    }

    private static void writeSymbol(Symbol symbol, List<Bar> bars, int n, Options options, Writer out)
            throws IOException {
        // Only the first n bars are copied: nothing from the cutoff on can reach a feature or label.
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            Bar bar = bars.get(i);
            open[i] = bar.open();
            high[i] = bar.high();
            low[i] = bar.low();
            close[i] = bar.close();
            volume[i] = bar.volume();
        }
        double[][] returns = new double[RETURN_HORIZONS.size()][];
        for (int j = 0; j < returns.length; j++) {
            returns[j] = TrainingLabels.forwardReturns(close, n,
                    TrainingLabels.horizonBars(RETURN_HORIZONS.get(j), options.barMinutes()));
        }
        int barrierBars = TrainingLabels.horizonBars(BARRIER_HORIZON, options.barMinutes());
        double[] sigma = TrainingLabels.horizonSigmas(close, n, new Volatility(options.volLookback()),
                BARRIER_HORIZON, options.barMinutes());
        double[] peaks = TrainingLabels.peaks(high, close, sigma, options.barrierK(), n, barrierBars);
        double[] valleys = TrainingLabels.valleys(low, close, sigma, options.barrierK(), n, barrierBars);

        String name = symbol.value();
        StringBuilder line = new StringBuilder(1024);
        IOException[] failure = new IOException[1];
        new RollingFeatures(options.historyBars()).forEachBar(open, high, low, close, volume, n, (i, features) -> {
            if (failure[0] != null) {
                return;
            }
            line.setLength(0);
            line.append(name).append(',').append(bars.get(i).closeTime());
            for (int f = 0; f < FeatureLibrary.size(); f++) {
                line.append(',').append(features[f]);
            }
            line.append(',').append(open[i]).append(',').append(high[i]).append(',').append(low[i])
                    .append(',').append(close[i]).append(',').append(volume[i]);
            for (double[] r : returns) {
                line.append(',').append(r[i]);
            }
            appendLabel(line, peaks[i]);
            appendLabel(line, valleys[i]);
            line.append('\n');
            try {
                out.append(line);
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void appendLabel(StringBuilder line, double label) {
        line.append(',');
        if (Double.isNaN(label)) {
            line.append("NaN");
        } else {
            line.append(label == 1.0 ? '1' : '0');
        }
    }
}
