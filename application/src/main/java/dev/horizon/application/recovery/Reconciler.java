package dev.horizon.application.recovery;

import dev.horizon.application.execution.StateJournal;
import dev.horizon.application.port.BrokerAccount;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.BrokerPosition;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.state.EngineState;
import dev.horizon.domain.state.PositionState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the engine's positions and cash with the broker's and acts on differences according
 * to the {@link ReconciliationMode}. Runs at startup, every few cycles and after any ambiguous
 * order outcome.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final BrokerPort broker;
    private final ReconciliationMode mode;
    private final BigDecimal cashTolerance;

    /** @param cashTolerance the largest cash difference still counted as equal (e.g. 0.01) */
    public Reconciler(BrokerPort broker, ReconciliationMode mode, BigDecimal cashTolerance) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.cashTolerance = Objects.requireNonNull(cashTolerance, "cashTolerance");
    }

    public ReconciliationMode mode() {
        return mode;
    }

    /**
     * Reconciles and applies the mode.
     *
     * @throws ReconciliationException in {@code STRICT} mode when the two sides differ
     */
    public ReconciliationReport reconcile(StateJournal journal, Instant now) {
        List<BrokerPosition> brokerPositions = broker.positions();
        BrokerAccount account = broker.account();
        ReconciliationReport report = compare(journal.state(), brokerPositions, account.cash());
        if (report.clean()) {
            return report;
        }
        switch (mode) {
            case STRICT -> throw new ReconciliationException(
                    "engine and broker disagree (reconciliation.mode strict); fix the account or restart with"
                            + " reconciliation.mode adopt:\n" + report.table());
            case ADOPT -> {
                journal.update(adopt(journal.state(), brokerPositions, account.cash(), now));
                journal.riskEvent("reconciliation_adopted", report.table().strip(), now);
                LOG.warn("adopted the broker's positions and cash:\n{}", report.table());
            }
            case WARN -> {
                journal.riskEvent("reconciliation_mismatch", report.table().strip(), now);
                LOG.warn("engine and broker disagree (reconciliation.mode warn):\n{}", report.table());
            }
        }
        return report;
    }

    ReconciliationReport compare(EngineState state, List<BrokerPosition> brokerPositions, BigDecimal brokerCash) {
        Map<Symbol, BigDecimal> theirs = new TreeMap<>();
        brokerPositions.forEach(p -> theirs.put(p.symbol(), p.quantity()));
        TreeSet<Symbol> symbols = new TreeSet<>(theirs.keySet());
        symbols.addAll(state.positions().keySet());
        List<ReconciliationReport.PositionDifference> differences = new ArrayList<>();
        for (Symbol symbol : symbols) {
            BigDecimal ours = state.position(symbol).shares();
            BigDecimal broker = theirs.getOrDefault(symbol, BigDecimal.ZERO);
            if (ours.compareTo(broker) != 0) {
                differences.add(new ReconciliationReport.PositionDifference(symbol, ours, broker));
            }
        }
        boolean cashMatches = state.cash().subtract(brokerCash).abs().compareTo(cashTolerance) <= 0;
        return new ReconciliationReport(differences, state.cash(), brokerCash, cashMatches);
    }

    private static EngineState adopt(EngineState state, List<BrokerPosition> brokerPositions, BigDecimal cash,
                                     Instant now) {
        Map<Symbol, PositionState> positions = new TreeMap<>();
        for (BrokerPosition p : brokerPositions) {
            if (p.quantity().signum() == 0) {
                continue;
            }
            PositionState ours = state.positions().get(p.symbol());
            boolean same = ours != null && ours.shares().compareTo(p.quantity()) == 0;
            positions.put(p.symbol(), same ? ours
                    : new PositionState(p.symbol(), p.quantity(), p.averageEntryPrice(), now,
                            ours != null ? ours.markPrice() : p.averageEntryPrice()));
        }
        return state.toBuilder().cash(cash).positions(positions).build();
    }
}
