package dev.horizon.benchmarks;

import dev.horizon.domain.features.BarWindow;
import dev.horizon.domain.market.BarSeries;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The feature side of one cycle in isolation: every symbol gets its next bar, then the whole
 * feature row ({@code features}) or the reference run's Conv1d window — 32 bars × 5 channels, log
 * returns — ({@code sequences}) is computed for every symbol. {@code path=SERIES} recomputes from
 * the {@link BarSeries} (what the engine did before {@link BarWindow}), {@code path=WINDOW} goes
 * through each symbol's {@link BarWindow}. {@code volatility} is σ_bar over 60 log returns per
 * symbol: {@code SERIES} takes the 60 logarithms from the closes every cycle (as
 * {@code Volatility} did before the series kept each bar's log return), {@code WINDOW} reads the
 * series' cached log returns. Time per cycle of {@code symbols} symbols.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar FeatureBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FeatureBenchmark {

    /** Where the features are computed from. */
    public enum Path { SERIES, WINDOW }

    @Param({"SERIES", "WINDOW"})
    public Path path;

    @Param({"500"})
    public int symbols;

    @Param({"300"})
    public int historyBars;

    private FeatureWorkload work;

    @Setup
    public void setUp() {
        work = new FeatureWorkload(symbols, historyBars);
    }

    @Benchmark
    public double features() {
        work.nextBars();
        return work.features(path == Path.WINDOW);
    }

    @Benchmark
    public int sequences() {
        work.nextBars();
        return work.sequences(path == Path.WINDOW);
    }

    @Benchmark
    public double volatility() {
        work.nextBars();
        return work.volatility(path == Path.WINDOW);
    }

    /** The cost of the bars alone, to subtract from the two above. */
    @Benchmark
    public double barsOnly() {
        return work.nextBars();
    }
}
