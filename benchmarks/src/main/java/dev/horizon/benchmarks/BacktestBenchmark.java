package dev.horizon.benchmarks;

import dev.horizon.application.backtest.BacktestResult;
import dev.horizon.application.backtest.BacktestRunner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole backtest of the reference scenario — {@code symbols × bars} GBM bars replayed by the
 * {@link BacktestRunner} through the engine, paper broker and in-memory state — timed once per
 * fork from a cold JVM (no warm-up: a backtest pays its own JIT). Throughput in symbol-bars/s is
 * {@code symbols × bars / score}. Feed generation and engine assembly are outside the timing.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar BacktestBenchmark -p models=STUB
 * java -jar benchmarks/target/benchmarks.jar BacktestBenchmark -p models=ONNX,BUNDLED
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class BacktestBenchmark {

    @Param({"STUB", "ONNX", "BUNDLED"})
    public String models;

    @Param({"100"})
    public int symbols;

    @Param({"20000"})
    public int bars;

    private EngineFixture fixture;

    @Setup(Level.Iteration)
    public void setUp() {
        fixture = EngineFixture.backtest(symbols, bars, EngineFixture.Models.valueOf(models), EngineFixture.Store.MEMORY);
    }

    @Benchmark
    public BacktestResult backtest() {
        return fixture.runBacktest(BacktestRunner.silent());
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        fixture.close();
    }
}
