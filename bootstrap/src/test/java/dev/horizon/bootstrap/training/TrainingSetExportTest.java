package dev.horizon.bootstrap.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.adapters.data.replay.DemoData;
import dev.horizon.bootstrap.training.TrainingSetExport.Options;
import dev.horizon.bootstrap.training.TrainingSetExport.Summary;
import dev.horizon.domain.features.FeatureCalculator;
import dev.horizon.domain.features.FeatureLibrary;
import dev.horizon.domain.features.Volatility;
import dev.horizon.domain.features.VolatilityEstimate;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.BarSeries;
import dev.horizon.domain.market.Symbol;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSetExportTest {

    private static final List<String> HEADER = TrainingSetExport.header();
    private static final int FIRST_FEATURE = 2;
    private static final int OPEN = HEADER.indexOf("open");
    private static final int CLOSE = HEADER.indexOf("close");
    private static final int RET_5M = HEADER.indexOf("ret_5m");
    private static final int RET_60M = HEADER.indexOf("ret_60m");
    private static final int PEAK = HEADER.indexOf("will_peak_5m");
    private static final int VALLEY = HEADER.indexOf("will_valley_5m");

    private static final Symbol SYN = Symbol.of("SYN");
    private static final Instant T0 = Instant.parse("2024-01-01T00:01:00Z");

    @Test
    void header_is_what_train_py_reads_features_then_raw_bar_then_targets() {
        List<String> expected = new ArrayList<>(List.of("symbol", "timestamp"));
        expected.addAll(FeatureLibrary.names());
        expected.addAll(List.of("open", "high", "low", "close", "volume",
                "ret_5m", "ret_10m", "ret_15m", "ret_30m", "ret_60m", "will_peak_5m", "will_valley_5m"));
        assertThat(HEADER).isEqualTo(expected);
        assertThat(FeatureLibrary.names()).hasSize(29);
    }

    @Test
    void export_features_equal_the_engine_calculator_over_its_history_ring_train_serve_parity() throws IOException {
        List<Bar> bars = DemoData.bitcoinMinuteBars().barsOf(DemoData.BTC_USD);
        StringWriter out = new StringWriter();
        Summary summary = TrainingSetExport.write(Map.of(DemoData.BTC_USD, bars), Options.demo(), out);
        List<String[]> rows = parse(out.toString());

        // The engine: a ring of history_bars bars, the calculator over whatever the ring holds.
        BarSeries ring = new BarSeries(DemoData.BTC_USD, FeatureLibrary.DEFAULT_HISTORY_BARS);
        FeatureCalculator calculator = new FeatureCalculator();
        double[] live = new double[FeatureLibrary.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            Bar bar = bars.get(i);
            ring.add(bar);
            calculator.compute(ring, live);
            assertThat(row[0]).isEqualTo("BTC/USD");
            assertThat(Instant.parse(row[1])).isEqualTo(bar.closeTime());
            for (int f = 0; f < live.length; f++) {
                double exported = Double.parseDouble(row[FIRST_FEATURE + f]);
                assertThat(Double.doubleToLongBits(exported)).as("bar %d %s: exported %s, live %s", i,
                        FeatureLibrary.names().get(f), exported, live[f]).isEqualTo(Double.doubleToLongBits(live[f]));
            }
            assertThat(Double.parseDouble(row[OPEN])).isEqualTo(bar.open());
            assertThat(Double.parseDouble(row[CLOSE])).isEqualTo(bar.close());
        }
        // The ring wrapped many times: steady-state rows are covered, not only the warm-up.
        assertThat(rows).hasSize(5621);
        assertThat(summary.rows()).isEqualTo(5621);
        assertThat(summary.barsAtCutoff()).isEqualTo(bars.size() - 5621);
        assertThat(summary.lastBar()).isEqualTo(Instant.parse("2013-11-28T23:59:00Z"));
    }

    @Test
    void demo_targets_are_forward_returns_and_one_sigma_barriers_over_the_next_bars() throws IOException {
        List<Bar> bars = DemoData.bitcoinMinuteBars().barsOf(DemoData.BTC_USD);
        StringWriter out = new StringWriter();
        TrainingSetExport.write(Map.of(DemoData.BTC_USD, bars), Options.demo(), out);
        List<String[]> rows = parse(out.toString());
        Volatility volatility = Volatility.withDefaultLookback();
        double[] closes = bars.stream().mapToDouble(Bar::close).toArray();

        int peaks = 0;
        int valleys = 0;
        for (int t = 0; t + 5 < rows.size(); t++) {
            String[] row = rows.get(t);
            assertThat(Double.parseDouble(row[RET_5M])).isEqualTo(closes[t + 5] / closes[t] - 1);
            VolatilityEstimate sigma = volatility.estimate(closes, t + 1);
            if (!sigma.isValid()) {
                assertThat(row[PEAK]).isEqualTo("NaN");
                continue;
            }
            double s5 = sigma.sigmaBar() * Math.sqrt(5);
            double maxHigh = bars.subList(t + 1, t + 6).stream().mapToDouble(Bar::high).max().orElseThrow();
            double minLow = bars.subList(t + 1, t + 6).stream().mapToDouble(Bar::low).min().orElseThrow();
            assertThat(row[PEAK]).as("bar %d", t).isEqualTo(maxHigh >= closes[t] * (1 + s5) ? "1" : "0");
            assertThat(row[VALLEY]).as("bar %d", t).isEqualTo(minLow <= closes[t] * (1 - s5) ? "1" : "0");
            peaks += row[PEAK].equals("1") ? 1 : 0;
            valleys += row[VALLEY].equals("1") ? 1 : 0;
        }
        // Both classes occur, so the barrier models have something to learn.
        assertThat(peaks).isBetween(100, rows.size() / 2);
        assertThat(valleys).isBetween(100, rows.size() / 2);
    }

    @Test
    void no_row_or_label_uses_a_bar_at_or_after_the_cutoff() throws IOException {
        List<Bar> bars = syntheticBars(240, 11, UnaryOperator.identity());
        // Bar 180 closes exactly at the cutoff: it is already out.
        Instant cutoff = T0.plusSeconds(60L * 180);
        Options options = Options.demo().withCutoff(cutoff);

        String csv = export(Map.of(SYN, bars), options);
        List<String[]> rows = parse(csv);

        assertThat(rows).hasSize(180);
        assertThat(Instant.parse(rows.get(179)[1])).isEqualTo(cutoff.minusSeconds(60)).isBefore(cutoff);
        for (int t = 0; t < 180; t++) {
            String[] row = rows.get(t);
            assertThat(Double.isNaN(Double.parseDouble(row[RET_5M]))).as("ret_5m at %d", t).isEqualTo(t + 5 >= 180);
            assertThat(Double.isNaN(Double.parseDouble(row[RET_60M]))).as("ret_60m at %d", t).isEqualTo(t + 60 >= 180);
            if (t + 5 >= 180) {
                assertThat(row[PEAK]).isEqualTo("NaN");
                assertThat(row[VALLEY]).isEqualTo("NaN");
            }
        }
        // The last complete 60-bar window ends on bar 179, the last bar before the cutoff.
        assertThat(Double.parseDouble(rows.get(119)[RET_60M])).isEqualTo(bars.get(179).close() / bars.get(119).close() - 1);

        // Wrecking every bar from the cutoff on changes nothing at all...
        List<Bar> wrecked = new ArrayList<>(bars.subList(0, 180));
        for (Bar bar : bars.subList(180, 240)) {
            wrecked.add(new Bar(SYN, bar.closeTime(), 1e6, 2e6, 1, 1e6, 1e9));
        }
        assertThat(export(Map.of(SYN, wrecked), options)).isEqualTo(csv);
        // ...while changing the last bar before it does (the check can fail).
        List<Bar> lastChanged = new ArrayList<>(bars);
        Bar last = bars.get(179);
        lastChanged.set(179, new Bar(SYN, last.closeTime(), last.open(), last.high() * 1.5, last.low(),
                last.high() * 1.4, last.volume()));
        assertThat(export(Map.of(SYN, lastChanged), options)).isNotEqualTo(csv);
    }

    @Test
    void every_symbol_is_exported_and_counted() throws IOException {
        Map<Symbol, List<Bar>> bars = new LinkedHashMap<>();
        bars.put(SYN, syntheticBars(100, 1, UnaryOperator.identity()));
        Symbol other = Symbol.of("OTHER");
        bars.put(other, syntheticBars(100, 2, bar -> new Bar(other, bar.closeTime(), bar.open(), bar.high(),
                bar.low(), bar.close(), bar.volume())));
        StringWriter out = new StringWriter();

        Summary summary = TrainingSetExport.write(bars, Options.demo().withCutoff(T0.plusSeconds(60L * 90)), out);

        List<String[]> rows = parse(out.toString());
        assertThat(summary.rows()).isEqualTo(180);
        assertThat(summary.symbols()).isEqualTo(2);
        assertThat(summary.barsAtCutoff()).isEqualTo(20);
        assertThat(rows.subList(0, 90)).allSatisfy(row -> assertThat(row[0]).isEqualTo("SYN"));
        assertThat(rows.subList(90, 180)).allSatisfy(row -> assertThat(row[0]).isEqualTo("OTHER"));
    }

    @Test
    void write_demo_creates_the_file(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nested/features.csv");

        Summary summary = TrainingSetExport.writeDemo(file, Options.demo());

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(String.join(",", HEADER));
        assertThat(lines).hasSize(summary.rows() + 1);
        assertThat(summary.firstBar()).isEqualTo(Instant.parse("2013-11-25T00:01:00Z"));
    }

    private static String export(Map<Symbol, List<Bar>> bars, Options options) {
        StringWriter out = new StringWriter();
        try {
            TrainingSetExport.write(bars, options, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A one-minute random walk with intrabar ranges and varying volume. */
    private static List<Bar> syntheticBars(int count, long seed, UnaryOperator<Bar> edit) {
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>(count);
        double price = 100;
        for (int i = 0; i < count; i++) {
            double open = price;
            price *= 1 + 0.003 * random.nextGaussian();
            double high = Math.max(open, price) * (1 + 0.001 * random.nextDouble());
            double low = Math.min(open, price) * (1 - 0.001 * random.nextDouble());
            bars.add(edit.apply(new Bar(SYN, T0.plusSeconds(60L * i), open, high, low, price,
                    1 + 10 * random.nextDouble())));
        }
        return bars;
    }

    private static List<String[]> parse(String csv) {
        List<String> lines = Arrays.asList(csv.split("\n"));
        assertThat(lines.get(0)).isEqualTo(String.join(",", HEADER));
        List<String[]> rows = new ArrayList<>(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(HEADER.size());
            rows.add(cells);
        }
        return rows;
    }
}
