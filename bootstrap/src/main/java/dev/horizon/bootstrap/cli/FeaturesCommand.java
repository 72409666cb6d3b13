package dev.horizon.bootstrap.cli;

import dev.horizon.adapters.data.replay.BarStamp;
import dev.horizon.adapters.data.replay.CsvBarFormat;
import dev.horizon.adapters.data.replay.CsvBarReader;
import dev.horizon.adapters.data.replay.CsvBars;
import dev.horizon.bootstrap.config.Durations;
import dev.horizon.domain.features.FeatureLibrary;
import dev.horizon.domain.features.RollingFeatures;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Symbol;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code horizon features --bars F.csv [--out F.csv]}: every feature of the engine's library at
 * every bar, each computed from the trailing {@code history_bars} bars exactly as the engine sees
 * them live (for training-data export and parity checks).
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Print every feature of the engine's feature library for every bar of a bar file:"
                + " header timestamp + every feature name, one row per bar (NaN while history is short).",
                "Each row uses the trailing --history-bars bars only, exactly as the engine computes it live."})
final class FeaturesCommand extends CommandBase implements Callable<Integer> {

    @Option(names = "--bars", required = true, paramLabel = "FILE",
            description = "Bars CSV: timestamp|date, open, high, low, close, volume (symbol optional).")
    Path bars;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here instead of stdout.")
    Path output;

    @Option(names = "--symbol", paramLabel = "SYMBOL",
            description = "The symbol to take from a file with a symbol column (default: the file holds one symbol).")
    String symbol;

    @Option(names = "--history-bars", defaultValue = "300", paramLabel = "N",
            description = "Trailing bars per row, as engine.history_bars (default: ${DEFAULT-VALUE}).")
    int historyBars;

    @Option(names = "--stamp", defaultValue = "close", paramLabel = "close|open",
            description = "Whether a row's timestamp is the bar's close (default) or its open.")
    String stamp;

    @Option(names = "--interval", defaultValue = "1m", paramLabel = "DURATION",
            description = "Bar length, to find the close of open-stamped bars (default: ${DEFAULT-VALUE}).")
    String interval;

    @Override
    public Integer call() {
        if (historyBars < 2) {
            throw CliError.usage("features: --history-bars must be >= 2, was " + historyBars);
        }
        Path file = context().resolve(bars);
        if (!Files.isReadable(file)) {
            throw CliError.usage("features: --bars " + bars + ": no such file");
        }
        List<Bar> series = read(file);
        if (output == null) {
            write(series, out());
            out().flush();
        } else {
            Path target = context().resolve(output);
            try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                 PrintWriter pw = new PrintWriter(new BufferedWriter(w))) {
                write(series, pw);
                if (pw.checkError()) {
                    throw new IOException("write failed");
                }
            } catch (IOException e) {
                throw CliError.failure("features: cannot write " + output + ": " + e.getMessage(), e);
            }
            err().println("features: " + series.size() + " rows × " + FeatureLibrary.size() + " features written to "
                    + output);
        }
        return ExitCodes.OK;
    }

    private List<Bar> read(Path file) {
        Duration length;
        try {
            length = Durations.parse(interval);
        } catch (IllegalArgumentException e) {
            throw CliError.usage("features: --interval: " + e.getMessage());
        }
        BarStamp barStamp = switch (stamp) {
            case "close" -> BarStamp.CLOSE;
            case "open" -> BarStamp.OPEN;
            default -> throw CliError.usage("features: --stamp: '" + stamp + "' is not one of close, open");
        };
        CsvBarReader reader = new CsvBarReader(new CsvBarFormat(barStamp, length, ZoneOffset.UTC, null, false));
        if (symbol != null) {
            Symbol s;
            try {
                s = Symbol.of(symbol);
            } catch (IllegalArgumentException e) {
                throw CliError.usage("features: --symbol: " + e.getMessage());
            }
            CsvBars csv = reader.read(file);
            List<Bar> list = csv.barsOf(s);
            if (list.isEmpty()) {
                throw CliError.usage("features: " + bars + " has no bars of " + s + "; it holds " + csv.bars().keySet());
            }
            return list;
        }
        return reader.read(file, new Symbol("BARS")).barsOf(new Symbol("BARS"));
    }

    private void write(List<Bar> series, PrintWriter w) {
        int n = series.size();
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = series.get(i);
            open[i] = b.open();
            high[i] = b.high();
            low[i] = b.low();
            close[i] = b.close();
            volume[i] = b.volume();
        }
        StringBuilder header = new StringBuilder("timestamp");
        for (String name : FeatureLibrary.names()) {
            header.append(',').append(name);
        }
        w.println(header);
        StringBuilder row = new StringBuilder(512);
        new RollingFeatures(historyBars).forEachBar(open, high, low, close, volume, n, (bar, features) -> {
            row.setLength(0);
            row.append(series.get(bar).closeTime());
            for (double f : features) {
                row.append(',').append(f);
            }
            w.println(row);
        });
        if (w.checkError()) {
            throw new UncheckedIOException(new IOException("write failed"));
        }
    }
}
