package dev.horizon.benchmarks;

import dev.horizon.application.engine.CycleResult;
import java.util.Optional;
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
 * One full trading cycle of the reference scenario ({@code runCycle}: market data, mark to market,
 * kill switch, maturation, features, inference, standardization and confidence, blending,
 * arbitration, gates, sizing, risk, paper execution, the save), sampled per invocation for
 * p50/p99. Each invocation is the next bar of an endless GBM feed.
 *
 * <p>Setup runs {@code fillCycles} cycles first, so the engine is measured in its steady state: every
 * prediction ledger (1d: 1,452 cycles of 500 symbols) and window full, positions open.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CycleBenchmark -p models=STUB -p store=MEMORY
 * java -jar benchmarks/target/benchmarks.jar CycleBenchmark -p models=ONNX -p store=MEMORY
 * java -jar benchmarks/target/benchmarks.jar CycleBenchmark -p models=STUB -p store=SQLITE
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class CycleBenchmark {

    @Param({"STUB", "ONNX"})
    public String models;

    @Param({"MEMORY"})
    public String store;

    @Param({"500"})
    public int symbols;

    /** Cycles run in setup: 1,460 fill the 1d prediction ledgers (1,452 cycles). */
    @Param({"1460"})
    public int fillCycles;

    private EngineFixture fixture;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = EngineFixture.streaming(symbols, EngineFixture.Models.valueOf(models),
                EngineFixture.Store.valueOf(store));
        for (int i = 0; i < fillCycles; i++) {
            fixture.runNextCycle();
        }
    }

    @Benchmark
    public Optional<CycleResult> cycle() {
        return fixture.runNextCycle();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }
}
