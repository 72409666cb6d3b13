package dev.horizon.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where one cycle's time goes, by stage: runs the reference scenario's cycles under a Java Flight
 * Recorder recording (execution and native-method samples of the engine thread every 1 ms plus GC
 * pauses), then attributes every sample to a stage by the innermost frame of its stack that belongs
 * to one (table {@link #STAGES}: the first stage, in table order, that matches any frame from the
 * leaf outwards). GC pauses are measured from the recording's GC events; the rest of the mean
 * cycle time is split between the stages by their share of the samples.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.horizon.benchmarks.CycleProfile \
 *     --models stub|onnx --store memory|sqlite --warmup 1500 --measure 1500 [--jfr out.jfr]
 * </pre>
 */
public final class CycleProfile {

    /** Stage → frame prefixes ({@code SimpleClass.method}, or {@code SimpleClass.} for any method). */
    static final Map<String, List<String>> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("persistence: StateStore.save/append", List.of("SqliteStateStore.", "InMemoryStateStore.",
                "JsonFileStateStore."));
        STAGES.put("learned-state checkpoint for the save", List.of("TradingEngine.learned", "LearnedCheckpoint."));
        STAGES.put("inference (ModelPort.predict)", List.of("OnnxModelRegistry.predict", "StubModelPort.predict",
                "LoadedModel."));
        STAGES.put("features (FeatureCalculator)", List.of("FeatureCalculator."));
        STAGES.put("model inputs (sequence windows, feature gather)", List.of("SequenceWindow.", "FeatureLibrary.gather"));
        STAGES.put("maturation (ledgers → IC, stability)", List.of("PredictionTrackers.mature"));
        STAGES.put("standardization", List.of("ModelTracker.standardize", "Standardizer."));
        STAGES.put("confidence (IC, stability, scorer)", List.of("ModelTracker.quality", "ConfidenceScorer.",
                "IcTracker.", "StabilityTracker."));
        STAGES.put("ledger record", List.of("ModelTracker.record", "PredictionLedger.record"));
        STAGES.put("prediction stage, rest", List.of("PredictionStage.", "Predictions.recordModel",
                "Predictions.markIncomplete", "Predictions.<init>"));
        STAGES.put("blending", List.of("HorizonBlender.", "BlendingHistory.", "RidgeRiskParity."));
        STAGES.put("decision traces", List.of("Predictions.trace", "DecisionTrace", "SymbolState.<init>"));
        STAGES.put("decision records (TradeDecision, journal entries)", List.of("DecisionStage.toDecision"));
        STAGES.put("volatility", List.of("Volatility."));
        STAGES.put("decisions (spread gate, arbitration, barrier gate, sizing, band, risk)",
                List.of("DecisionStage.", "HorizonArbiter.", "PositionSizer.", "GrossNormalizer."));
        STAGES.put("execution (orders, paper broker)", List.of("OrderExecutor.", "PaperBroker."));
        STAGES.put("reconciliation", List.of("Reconciler."));
        STAGES.put("market data (feed, bar history)", List.of("BarHistory.", "TradingEngine.fetchMarket",
                "StreamingGbmFeed.", "ReplayFeed.", "SimulatedFeed."));
        STAGES.put("mark to market", List.of("TradingEngine.markToMarket", "TradingEngine.remark"));
        STAGES.put("engine, rest", List.of("TradingEngine.", "StateJournal.", "KillSwitch."));
    }

    private CycleProfile() {
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv);
        String focus = args.text("focus", "");
        if (!args.text("analyze", "").isEmpty()) {
            // re-reads a recording: --analyze file.jfr --cycle-ms <mean cycle> --cycles <n>
            report(Path.of(args.text("analyze", "")), (long) (Double.parseDouble(args.text("cycle-ms", "1")) * 1e6),
                    args.integer("cycles", 1), "recording " + args.text("analyze", ""), focus);
            return;
        }
        EngineFixture.Models models = args.models("stub");
        EngineFixture.Store store = args.store("memory");
        int symbols = args.integer("symbols", ReferenceScenario.CYCLE_SYMBOLS);
        int warmup = args.integer("warmup", 1500);
        int measure = args.integer("measure", 1500);
        Path jfr = Path.of(args.text("jfr", Files.createTempFile("cycle", ".jfr").toString()));
        long cycleNanos;
        try (EngineFixture fixture = EngineFixture.streaming(symbols, models, store)) {
            for (int i = 0; i < warmup; i++) {
                fixture.runNextCycle();
            }
            try (Recording recording = recording()) {
                recording.start();
                long t0 = System.nanoTime();
                for (int i = 0; i < measure; i++) {
                    fixture.runNextCycle();
                }
                cycleNanos = (System.nanoTime() - t0) / measure;
                recording.stop();
                recording.dump(jfr);
            }
        }
        report(jfr, cycleNanos, measure, String.format(Locale.ROOT, "%s models, %s store, %d symbols, %d cycles after %d warm-up",
                models, store, symbols, measure, warmup), focus);
    }

    /** A recording of execution and native samples every millisecond, and GC pauses; not started. */
    static Recording recording() {
        Recording recording = new Recording();
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1)).withStackTrace();
        recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(1)).withStackTrace();
        recording.enable("jdk.GCPhasePause");
        return recording;
    }

    /**
     * Prints the stage table and the hottest methods (of every stage, or of the stages whose name
     * starts with {@code focus}).
     */
    static void report(Path jfr, long cycleNanos, int cycles, String title, String focus) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Integer> leaves = new HashMap<>();
        STAGES.keySet().forEach(s -> counts.put(s, 0));
        counts.put("other", 0);
        int total = 0;
        double gcMillis = 0;
        int gcs = 0;
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.GCPhasePause")) {
                    gcMillis += event.getDuration().toNanos() / 1e6;
                    gcs++;
                    continue;
                }
                if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
                    continue;
                }
                if (event.getThread("sampledThread") == null
                        || !"main".equals(event.getThread("sampledThread").getJavaName())) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null) {
                    continue;
                }
                String stage = stage(stack.getFrames());
                counts.merge(stage, 1, Integer::sum);
                if (focus.isEmpty() || stage.startsWith(focus)) {
                    leaves.merge(leaf(stack.getFrames()), 1, Integer::sum);
                }
                total++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double cycleMillis = cycleNanos / 1e6;
        double gcPerCycle = gcMillis / cycles;
        double running = Math.max(0, cycleMillis - gcPerCycle);
        System.out.println("## cycle profile: " + title);
        System.out.printf(Locale.ROOT, "mean cycle %.3f ms; %d samples of the engine thread; %d GCs, %.1f ms of pauses"
                + " (%.3f ms per cycle); stages share the rest, %.3f ms, by their samples%n%n",
                cycleMillis, total, gcs, gcMillis, gcPerCycle, running);
        System.out.println("| stage | share of samples | ms per cycle |");
        System.out.println("|---|---:|---:|");
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            double share = total == 0 ? 0 : (double) e.getValue() / total;
            System.out.printf(Locale.ROOT, "| %s | %.1f %% | %.3f |%n", e.getKey(), 100 * share, share * running);
        }
        System.out.printf(Locale.ROOT, "| GC pauses | | %.3f |%n", gcPerCycle);
        System.out.println();
        System.out.println("| hottest methods (own time, leaf frame with its caller) | share |");
        System.out.println("|---|---:|");
        int shown = 0;
        for (Map.Entry<String, Integer> e : leaves.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList()) {
            if (shown++ == 25) {
                break;
            }
            System.out.printf(Locale.ROOT, "| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / Math.max(1, total));
        }
        System.out.println("recording: " + jfr);
    }

    private static String stage(List<RecordedFrame> frames) {
        for (Map.Entry<String, List<String>> stage : STAGES.entrySet()) {
            for (RecordedFrame frame : frames) {
                if (frame.getMethod() == null) {
                    continue;
                }
                String name = simpleName(frame.getMethod().getType().getName()) + "." + frame.getMethod().getName();
                for (String prefix : stage.getValue()) {
                    if (name.startsWith(prefix)) {
                        return stage.getKey();
                    }
                }
            }
        }
        return "other";
    }

    private static String leaf(List<RecordedFrame> frames) {
        String leaf = frames.isEmpty() || frames.get(0).getMethod() == null ? "?" : name(frames.get(0));
        String caller = frames.size() < 2 || frames.get(1).getMethod() == null ? "" : " ← " + name(frames.get(1));
        return leaf + caller;
    }

    private static String name(RecordedFrame frame) {
        return simpleName(frame.getMethod().getType().getName()) + "." + frame.getMethod().getName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
