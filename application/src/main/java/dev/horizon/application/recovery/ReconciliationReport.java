package dev.horizon.application.recovery;

import dev.horizon.domain.market.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The differences between the engine's ledger and the broker's.
 *
 * @param positions positions whose quantity differs (missing on one side = zero)
 */
public record ReconciliationReport(List<PositionDifference> positions, BigDecimal engineCash, BigDecimal brokerCash,
                                   boolean cashMatches) {

    /** One symbol's quantity on each side. */
    public record PositionDifference(Symbol symbol, BigDecimal engine, BigDecimal broker) {
    }

    public ReconciliationReport {
        positions = List.copyOf(positions);
    }

    /** True when both sides agree. */
    public boolean clean() {
        return positions.isEmpty() && cashMatches;
    }

    /** The differences as a small fixed-width table. */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-12s %18s %18s%n", "item", "engine", "broker"));
        for (PositionDifference d : positions) {
            out.append(String.format(Locale.ROOT, "%-12s %18s %18s%n", d.symbol(), d.engine().toPlainString(),
                    d.broker().toPlainString()));
        }
        if (!cashMatches) {
            out.append(String.format(Locale.ROOT, "%-12s %18s %18s%n", "cash", engineCash.toPlainString(),
                    brokerCash.toPlainString()));
        }
        return out.toString();
    }
}
