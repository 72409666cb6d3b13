package dev.horizon.adapters.persistence.jsonfile;

import dev.horizon.adapters.persistence.json.LearnedStatistics;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.snapshot.EngineSnapshot;
import dev.horizon.domain.state.EngineState;
import dev.horizon.domain.state.PositionState;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code engine_state.json} (without its trailing {@code checksum}). The first six
 * fields are the original schema, derived from the state for tools that read it; Horizon itself
 * reads only {@code horizon_state}.
 *
 * @param portfolioValue PV: cash + positions at their marks
 * @param positions      by symbol, in symbol order
 * @param lastUpdate     close time of the last cycle
 * @param cycleCount     the last cycle's sequence number
 * @param dailyPnl       PV − PV at the start of the session day (0 before the first cycle)
 * @param horizonFormat  version of this document's layout
 * @param horizonState   the engine snapshot: ledger, control state and order-rate counters; from
 *                       format 2 without the learned statistics when {@code learnedSeq} is set
 * @param pendingJournal the journal entries saved with this state, kept here until the journal
 *                       has them (they are re-appended after a crash between the two writes)
 * @param learnedSeq     the {@code learned-<seq>.bin} file holding this state's learned statistics
 *                       ({@link LearnedFiles}); null when {@code horizonState} holds them (format 1)
 */
record StateFile(BigDecimal portfolioValue, BigDecimal cash, Map<String, SeedPosition> positions,
                 Instant lastUpdate, long cycleCount, BigDecimal dailyPnl, int horizonFormat,
                 EngineSnapshot horizonState, PendingSave pendingJournal, Long learnedSeq) {

    /** The layout written by this version: 2 keeps the learned statistics in their own file. */
    static final int FORMAT = 2;

    /** Weights are a ratio: 16 significant digits are plenty and keep the file readable. */
    private static final MathContext WEIGHT_PRECISION = MathContext.DECIMAL64;

    /**
     * One position in the original schema.
     *
     * @param weight        shares × mark / PV (0 when PV is 0)
     * @param entryPrice    the average entry price
     * @param unrealizedPnl shares × (mark − entry price)
     */
    record SeedPosition(BigDecimal weight, BigDecimal shares, BigDecimal entryPrice, Instant entryTime,
                        BigDecimal unrealizedPnl) {
    }

    /** The entries of one {@code save}, numbered by {@code generation} so recovery can find them in the journal. */
    record PendingSave(long generation, List<JournalEntry> entries) {
        PendingSave {
            entries = List.copyOf(entries);
        }
    }

    /**
     * The document for {@code snapshot}, saved together with {@code pending}, its learned
     * statistics in file {@code learnedSeq}.
     */
    static StateFile of(EngineSnapshot snapshot, PendingSave pending, long learnedSeq) {
        EngineState state = snapshot.state();
        BigDecimal pv = state.portfolioValue();
        Map<String, SeedPosition> positions = new LinkedHashMap<>();
        for (PositionState p : state.positions().values()) {
            BigDecimal weight = pv.signum() == 0 ? BigDecimal.ZERO : p.marketValue().divide(pv, WEIGHT_PRECISION);
            positions.put(p.symbol().value(), new SeedPosition(weight, p.shares(), p.averageEntryPrice(),
                    p.entryTime(), p.unrealizedPnl()));
        }
        BigDecimal dailyPnl = state.startOfDayValue() == null ? BigDecimal.ZERO : pv.subtract(state.startOfDayValue());
        return new StateFile(pv, state.cash(), positions, state.lastCycleTime(), state.cycleSeq(), dailyPnl, FORMAT,
                LearnedStatistics.withoutStatistics(snapshot), pending, learnedSeq);
    }
}
