package dev.horizon.application.engine;

import dev.horizon.application.port.ModelException;
import dev.horizon.application.port.ModelPort;
import dev.horizon.domain.blending.BlendInput;
import dev.horizon.domain.blending.FamilyOrder;
import dev.horizon.domain.features.FeatureCalculator;
import dev.horizon.domain.features.FeatureLibrary;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.prediction.ConfidenceScorer;
import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.MaturityRule;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelQuality;
import dev.horizon.domain.prediction.ModelSpec;
import dev.horizon.domain.prediction.ModelTracker;
import dev.horizon.domain.prediction.PredictionTrackers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1 for the whole universe at once: features once per symbol, one batch inference per model,
 * standardization, confidence and calibrated scores of the return models, and the barrier
 * probabilities of the shortest horizon (PIPELINE.md §1).
 *
 * <p>Buffers are allocated once and reused every cycle. Not thread-safe.
 */
final class PredictionStage {

    private static final Logger LOG = LoggerFactory.getLogger(PredictionStage.class);

    /** One horizon's return models, in blending row order. */
    record HorizonModels(Horizon horizon, List<ModelSpec> specs, List<String> labels) {
    }

    /** Per blending row of one horizon: the model's tracker and its index in {@link #allModels}. */
    private record HorizonRows(ModelTracker[] trackers, int[] indices) {
    }

    private final ModelPort models;
    private final int symbols;
    private final int barMinutes;
    private final Map<Horizon, HorizonModels> byHorizon = new LinkedHashMap<>();
    private final List<ModelSpec> peakModels;
    private final List<ModelSpec> valleyModels;
    private final List<ModelSpec> allModels;
    /** Ids of {@link #allModels}, in order: a model's index is its row in {@link Predictions}. */
    private final List<String> modelIds;
    private final Map<String, Integer> modelIndex = new LinkedHashMap<>();
    /** Each model's input batch by model index, shared by the models of one input shape. */
    private final ModelInputs[] inputs;
    /** Per horizon, in {@link #byHorizon} order: its rows' trackers and model indices, looked up once. */
    private final List<HorizonRows> rows = new ArrayList<>();
    private final int[] peakIndices;
    private final int[] valleyIndices;
    private final PredictionTrackers trackers;
    private final Map<Horizon, BlendBuffers> blendBuffers = new LinkedHashMap<>();
    private final ConfidenceScorer scorer;
    private final FeatureCalculator calculator = new FeatureCalculator();

    private final double[][] features;
    private final boolean needsFeatures;
    private final int[] batchSymbols;
    private final double[] batchOut;
    private final double[] batchRaw;
    private final double[] batchScores;
    private final double[] batchConfidence;
    private final double[] batchCalibrated;
    private final double[] freshness;
    private final double[] capacity;
    private final long[] lastBarMillis;
    private final boolean[] featuresReady;
    private final double[] barrierSum;
    private final int[] barrierCount;
    /** Counts {@link #run} calls: each input batch is built once per cycle. */
    private long cycle;

    PredictionStage(EngineSettings settings, ModelPort models, MarketCalendar calendar) {
        this.models = models;
        this.symbols = settings.universe().size();
        this.barMinutes = settings.barMinutes();
        List<ModelSpec> specs = models.models();
        Horizon shortest = settings.horizons().get(0);
        List<ModelSpec> returnModels = new ArrayList<>();
        for (Horizon h : settings.horizons()) {
            List<ModelSpec> ofH = specs.stream()
                    .filter(s -> s.kind() == ModelKind.REGRESSION && s.horizon().minutes() == h.minutes())
                    .sorted(Comparator.comparing(ModelSpec::family, FamilyOrder.CODE_POINT)
                            .thenComparing(ModelSpec::id, FamilyOrder.CODE_POINT))
                    .toList();
            if (!ofH.isEmpty()) {
                byHorizon.put(h, new HorizonModels(h, ofH, labels(ofH)));
                returnModels.addAll(ofH);
            }
        }
        specs.stream()
                .filter(s -> s.kind() == ModelKind.REGRESSION && !returnModels.contains(s))
                .forEach(s -> LOG.warn("model {} predicts {} which is not a configured horizon; it is not used",
                        s.id(), s.horizon()));
        this.peakModels = specs.stream()
                .filter(s -> s.isPeakBarrier() && s.horizon().minutes() == shortest.minutes()).toList();
        this.valleyModels = specs.stream()
                .filter(s -> s.isValleyBarrier() && s.horizon().minutes() == shortest.minutes()).toList();
        List<ModelSpec> used = new ArrayList<>(returnModels);
        used.addAll(peakModels);
        used.addAll(valleyModels);
        this.allModels = List.copyOf(used);
        this.modelIds = allModels.stream().map(ModelSpec::id).toList();
        for (int i = 0; i < modelIds.size(); i++) {
            modelIndex.put(modelIds.get(i), i);
        }
        Map<ModelInputs.Shape, ModelInputs> shapes = new LinkedHashMap<>();
        boolean anyFeatures = false;
        this.inputs = new ModelInputs[allModels.size()];
        for (int i = 0; i < allModels.size(); i++) {
            ModelSpec spec = allModels.get(i);
            inputs[i] = shapes.computeIfAbsent(ModelInputs.Shape.of(spec), k -> new ModelInputs(k, symbols));
            anyFeatures |= spec.inputMode() == InputMode.FEATURES;
        }
        this.needsFeatures = anyFeatures;
        this.trackers = new PredictionTrackers(settings.prediction(), settings.universe(), barMinutes,
                MaturityRule.sessionTime(calendar), returnModels);
        for (HorizonModels hm : byHorizon.values()) {
            int m = hm.specs().size();
            ModelTracker[] rowTrackers = new ModelTracker[m];
            int[] rowIndices = new int[m];
            for (int row = 0; row < m; row++) {
                rowTrackers[row] = trackers.model(hm.specs().get(row).id());
                rowIndices[row] = modelIndex.get(hm.specs().get(row).id());
            }
            rows.add(new HorizonRows(rowTrackers, rowIndices));
        }
        this.peakIndices = peakModels.stream().mapToInt(s -> modelIndex.get(s.id())).toArray();
        this.valleyIndices = valleyModels.stream().mapToInt(s -> modelIndex.get(s.id())).toArray();
        this.scorer = ConfidenceScorer.of(settings.prediction());
        this.features = new double[symbols][FeatureLibrary.size()];
        this.batchSymbols = new int[symbols];
        this.batchOut = new double[symbols];
        this.batchRaw = new double[symbols];
        this.batchScores = new double[symbols];
        this.batchConfidence = new double[symbols];
        this.batchCalibrated = new double[symbols];
        this.freshness = new double[symbols];
        this.capacity = new double[symbols];
        this.lastBarMillis = new long[symbols];
        this.featuresReady = new boolean[symbols];
        this.barrierSum = new double[symbols];
        this.barrierCount = new int[symbols];
    }

    /** Family names as blending labels, or model ids where a family repeats within the horizon. */
    private static List<String> labels(List<ModelSpec> specs) {
        List<String> families = specs.stream().map(ModelSpec::family).toList();
        boolean distinct = families.stream().distinct().count() == families.size();
        return distinct ? families : specs.stream().map(ModelSpec::id).toList();
    }

    Map<Horizon, HorizonModels> horizonModels() {
        return byHorizon;
    }

    boolean hasBarrierModels() {
        return !peakModels.isEmpty() || !valleyModels.isEmpty();
    }

    PredictionTrackers trackers() {
        return trackers;
    }

    /**
     * Runs stage 1.
     *
     * @param eligible       symbols with data, a tradable quote and a valid σ this cycle
     * @param sigmaBar       σ_bar per symbol (NaN where not eligible)
     * @param closes         the newest close per symbol
     * @param advDollars     average daily dollar volume per symbol, NaN when unknown
     * @param plannedDollars max_weight × PV
     */
    Predictions run(Instant t, BarHistory bars, boolean[] eligible, double[] sigmaBar, double[] closes,
                    double[] advDollars, double plannedDollars) {
        trackers.mature(t, bars);
        long tMillis = t.toEpochMilli();
        cycle++;
        for (int u = 0; u < symbols; u++) {
            lastBarMillis[u] = bars.lastBarMillis(u);
            featuresReady[u] = false;
            if (eligible[u] && needsFeatures) {
                calculator.compute(bars.window(u), features[u]);
                featuresReady[u] = true;
            }
        }
        scorer.capacity(advDollars, symbols, plannedDollars, capacity);
        Predictions out = new Predictions(symbols, modelIds);
        int horizonIndex = 0;
        for (HorizonModels hm : byHorizon.values()) {
            HorizonRows hr = rows.get(horizonIndex++);
            Horizon h = hm.horizon();
            int m = hm.specs().size();
            // The blend inputs live for this cycle only: each horizon reuses its matrices.
            BlendBuffers buffers = blendBuffers.computeIfAbsent(h, k -> new BlendBuffers(m, symbols));
            buffers.reset();
            double[][] standardized = buffers.standardized;
            double[][] calibrated = buffers.calibrated;
            double[][] confidence = buffers.confidence;
            double[] ic = buffers.ic;
            double[] sigmaH = buffers.sigmaH;
            double horizonScale = Math.sqrt((double) h.minutes() / barMinutes);
            for (int u = 0; u < symbols; u++) {
                sigmaH[u] = eligible[u] ? sigmaBar[u] * horizonScale : Double.NaN;
            }
            scorer.freshness(h, tMillis, lastBarMillis, symbols, freshness);
            for (int row = 0; row < m; row++) {
                ModelSpec spec = hm.specs().get(row);
                ModelTracker tracker = hr.trackers()[row];
                ModelQuality quality = tracker.quality();
                ic[row] = quality.ic();
                int index = hr.indices()[row];
                int n = predictBatch(spec, index, bars, eligible, featuresReady, out);
                if (n == 0) {
                    continue;
                }
                tracker.standardize(batchRaw, n, batchScores);
                scorer.score(quality, freshness, capacity, batchSymbols, batchScores, n, batchConfidence, batchCalibrated);
                tracker.record(t, batchSymbols, batchRaw, batchScores, closes, sigmaH, n);
                double[] standardizedRow = standardized[row];
                double[] calibratedRow = calibrated[row];
                double[] confidenceRow = confidence[row];
                for (int i = 0; i < n; i++) {
                    int u = batchSymbols[i];
                    standardizedRow[u] = batchScores[i];
                    calibratedRow[u] = batchCalibrated[i];
                    confidenceRow[u] = batchConfidence[i];
                }
                out.recordBatch(index, batchSymbols, batchRaw, batchScores, batchConfidence, n);
            }
            out.putHorizon(h, new BlendInput(standardized, calibrated, confidence, ic, null, sigmaH));
        }
        if (hasBarrierModels()) {
            double[] peak = barrierMean(peakModels, peakIndices, bars, eligible, featuresReady, out);
            double[] valley = barrierMean(valleyModels, valleyIndices, bars, eligible, featuresReady, out);
            out.putBarriers(peak, valley);
        }
        return out;
    }

    /** Mean probability per symbol over {@code specs}; NaN where any of them gave no valid value. */
    private double[] barrierMean(List<ModelSpec> specs, int[] indices, BarHistory bars, boolean[] eligible,
                                 boolean[] featuresReady, Predictions out) {
        double[] sum = barrierSum;
        int[] count = barrierCount;
        Arrays.fill(sum, 0.0);
        Arrays.fill(count, 0);
        for (int k = 0; k < specs.size(); k++) {
            ModelSpec spec = specs.get(k);
            int index = indices[k];
            int n = predictBatch(spec, index, bars, eligible, featuresReady, out);
            for (int i = 0; i < n; i++) {
                sum[batchSymbols[i]] += batchRaw[i];
                count[batchSymbols[i]]++;
                out.recordModel(index, batchSymbols[i], batchRaw[i], Double.NaN, Double.NaN);
            }
        }
        double[] mean = new double[symbols];
        for (int u = 0; u < symbols; u++) {
            mean[u] = count[u] == specs.size() && count[u] > 0 ? sum[u] / count[u] : Double.NaN;
        }
        return mean;
    }

    /**
     * Builds the model's batch over the eligible symbols with complete inputs, runs it once, and
     * leaves the finite outputs in {@code batchRaw}/{@code batchSymbols}; returns their count.
     */
    private int predictBatch(ModelSpec spec, int index, BarHistory bars, boolean[] eligible, boolean[] featuresReady,
                             Predictions out) {
        ModelInputs in = inputs[index];
        in.build(cycle, bars, eligible, features, featuresReady);
        for (int i = 0; i < in.incompleteCount(); i++) {
            out.markIncomplete(index, in.incomplete(i));
        }
        int n = in.rows();
        if (n == 0) {
            return 0;
        }
        try {
            models.predict(spec.id(), in.batch(), n, batchOut);
        } catch (ModelException e) {
            LOG.warn("model {} failed this cycle and is left out: {}", spec.id(), e.getMessage());
            return 0;
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(batchOut[i])) {
                batchSymbols[kept] = in.symbol(i);
                batchRaw[kept] = batchOut[i];
                kept++;
            }
        }
        return kept;
    }

    /** One horizon's blend input matrices, reused every cycle (the blend does not keep them). */
    private static final class BlendBuffers {
        final double[][] standardized;
        final double[][] calibrated;
        final double[][] confidence;
        final double[] ic;
        final double[] sigmaH;

        BlendBuffers(int models, int symbols) {
            standardized = new double[models][symbols];
            calibrated = new double[models][symbols];
            confidence = new double[models][symbols];
            ic = new double[models];
            sigmaH = new double[symbols];
        }

        void reset() {
            for (int row = 0; row < ic.length; row++) {
                Arrays.fill(standardized[row], Double.NaN);
                Arrays.fill(calibrated[row], Double.NaN);
                Arrays.fill(confidence[row], Double.NaN);
            }
        }
    }

    /** Ids of every model used, for traces. */
    List<String> modelIds() {
        return modelIds;
    }
}
