/**
 * Prediction: what the engine knows about its models ({@link dev.horizon.domain.prediction.ModelSpec}),
 * standardization of their raw outputs (PIPELINE §1.4) and their confidence (§1.5).
 *
 * <p>Per cycle, in engine order:
 * <ol>
 *   <li>{@link dev.horizon.domain.prediction.PredictionTrackers#mature} — predictions whose
 *       horizon has passed get their realised return and feed each model's IC and stability
 *       trackers (OPERATIONS cycle step 5);</li>
 *   <li>per return model: {@link dev.horizon.domain.prediction.ModelTracker#standardize} the raw
 *       batch, {@link dev.horizon.domain.prediction.ModelTracker#record} it for later maturation,
 *       and {@link dev.horizon.domain.prediction.ModelTracker#quality()} for IC and stability;</li>
 *   <li>{@link dev.horizon.domain.prediction.ConfidenceScorer}: capacity once per cycle, freshness
 *       once per horizon, then {@code c} and {@code s̃ = s × c} per model batch;</li>
 *   <li>persist {@link dev.horizon.domain.prediction.PredictionTrackers#snapshot()}.</li>
 * </ol>
 *
 * <p>Indexing convention: a model's batch arrays (raw predictions, scores, outputs) are aligned
 * with the batch, {@code [0, n)}; {@code symbols[i]} gives the universe index of the batch's i-th
 * symbol; per-symbol market arrays (closes, σ_h, freshness, capacity, last bar times, ADV) are
 * indexed by universe symbol. Probability (barrier) models are not standardized and have no
 * confidence; the engine leaves them out by {@link dev.horizon.domain.prediction.ModelSpec#kind()}.
 */
package dev.horizon.domain.prediction;
