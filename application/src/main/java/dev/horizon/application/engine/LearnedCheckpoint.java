package dev.horizon.application.engine;

import dev.horizon.domain.blending.BlendingHistory;
import dev.horizon.domain.blending.BlendingHistorySnapshot;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.prediction.ModelTracker;
import dev.horizon.domain.prediction.PredictionState;
import dev.horizon.domain.prediction.PredictionTrackers;
import dev.horizon.domain.risk.OrderThrottleSnapshot;
import dev.horizon.domain.risk.RiskGuardrails;
import dev.horizon.domain.sizing.PositionSizer;
import dev.horizon.domain.sizing.PositionSizerSnapshot;
import dev.horizon.domain.snapshot.LearnedState;
import java.util.Map;
import java.util.TreeMap;

/**
 * The learned statistics handed to every save, with their copying cost bounded.
 *
 * <p>A snapshot of what the pipeline has learned copies every window and every pending
 * prediction: with 500 symbols, 1-minute bars and four 1d models that is ~3 million ledger entries
 * (~150 MB), far too much to copy every cycle. So the statistics — prediction trackers, blending
 * histories and sizing ρ windows — are <em>checkpointed</em>: taken afresh when enough cycles have
 * passed to pay for them at {@value #VALUES_PER_CYCLE} values per cycle on average, and at the
 * latest every {@value #MAX_CYCLES} cycles; in between, every save hands on the last checkpoint
 * (the same objects, so a store can tell they did not change). A small state (a few symbols) is
 * checkpointed every cycle. The order-rate counters of the risk checks are not statistics: they
 * are taken afresh whenever the cycle admitted an order.
 *
 * <p>What a crash costs: the state store's ledger (cash, positions, orders, cycle) is always
 * current; the statistics restart from the last checkpoint, so the predictions recorded since then
 * never mature, and the windows miss those cycles until they refill (standardizer 20 cycles,
 * blending 50, IC and stability as soon as the next predictions mature). They are statistics: the
 * engine is as correct as before, only its confidence is a little older.
 *
 * <p>Owned by the cycle thread; not thread-safe.
 */
final class LearnedCheckpoint {

    /** Values (doubles and longs) a checkpoint may copy per cycle, on average. */
    static final long VALUES_PER_CYCLE = 10_000;
    /** Cycles between two checkpoints at most. */
    static final int MAX_CYCLES = 240;
    /** Values one pending prediction holds: time, due time, symbol, raw, score, close, σ_h. */
    private static final int LEDGER_VALUES = 7;

    private PredictionState prediction;
    private Map<String, BlendingHistorySnapshot> blending;
    private PositionSizerSnapshot sizing;
    private OrderThrottleSnapshot throttle;
    private long credit;
    private int cyclesSince;
    private long checkpoints;

    /** Takes every part afresh (at startup, and on request). */
    LearnedState refresh(PredictionTrackers trackers, Map<Horizon, BlendingHistory> histories, PositionSizer sizer,
                         RiskGuardrails guardrails) {
        prediction = trackers.snapshot();
        Map<String, BlendingHistorySnapshot> snapshots = new TreeMap<>();
        histories.forEach((h, history) -> snapshots.put(h.label(), history.snapshot()));
        blending = snapshots;
        sizing = sizer.snapshot();
        throttle = guardrails.snapshot();
        credit = 0;
        cyclesSince = 0;
        checkpoints++;
        return current();
    }

    /** The order-rate counters changed (orders were admitted): takes them afresh. */
    LearnedState ordersAdmitted(RiskGuardrails guardrails) {
        throttle = guardrails.snapshot();
        return current();
    }

    /**
     * Ends a cycle: checkpoints the statistics when they are due, and returns what to save.
     */
    LearnedState endCycle(PredictionTrackers trackers, Map<Horizon, BlendingHistory> histories, PositionSizer sizer,
                          RiskGuardrails guardrails) {
        credit += VALUES_PER_CYCLE;
        cyclesSince++;
        if (cyclesSince >= MAX_CYCLES || credit >= size(trackers, histories)) {
            return refresh(trackers, histories, sizer, guardrails);
        }
        return current();
    }

    /** The last checkpoint with the current order-rate counters. */
    LearnedState current() {
        return new LearnedState(prediction, blending, sizing, throttle);
    }

    /** Checkpoints taken so far. */
    long checkpoints() {
        return checkpoints;
    }

    /** Values a checkpoint of these statistics copies: every window and pending prediction. */
    static long size(PredictionTrackers trackers, Map<Horizon, BlendingHistory> histories) {
        long values = 0;
        for (ModelTracker t : trackers.models().values()) {
            values += (long) t.ledger().pending() * LEDGER_VALUES + t.standardizer().pooledValues()
                    + 2L * t.icTracker().size() + 2L * t.stabilityTracker().size();
        }
        for (BlendingHistory history : histories.values()) {
            values += (long) history.rows() * history.families().size();
        }
        return values;
    }
}
