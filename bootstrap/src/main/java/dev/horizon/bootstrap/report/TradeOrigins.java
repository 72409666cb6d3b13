package dev.horizon.bootstrap.report;

import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.state.Decision;
import dev.horizon.domain.state.TradeDecision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The TRADE decisions of a backtest, kept as the cycles run so each fill can be traced to the
 * decision that placed its order: the same cycle (read from the client order id) and symbol.
 * Only TRADE decisions are kept (a few per thousand cycles), not the millions of HOLDs.
 */
public final class TradeOrigins {

    private record Key(long cycle, Symbol symbol) {
    }

    private record Origin(Horizon horizon, String reason) {
    }

    private final Map<Key, Origin> trades = new HashMap<>();

    /** Keeps the TRADE decisions among one cycle's {@code decisions}. */
    public void record(long cycle, List<TradeDecision> decisions) {
        for (TradeDecision d : decisions) {
            if (d.decision() == Decision.TRADE) {
                trades.put(new Key(cycle, d.symbol()), new Origin(d.horizon(), d.reason()));
            }
        }
    }

    /** {@code fill} with the decision that placed its order, if one was recorded. */
    public AttributedFill attribute(Fill fill) {
        long cycle = cycleOf(fill.clientOrderId());
        Origin origin = cycle < 0 ? null : trades.get(new Key(cycle, fill.symbol()));
        return origin == null ? AttributedFill.unattributed(fill, cycle)
                : new AttributedFill(fill, cycle, origin.horizon(), origin.reason());
    }

    /** Every fill attributed, in order. */
    public List<AttributedFill> attribute(List<Fill> fills) {
        List<AttributedFill> out = new ArrayList<>(fills.size());
        for (Fill f : fills) {
            out.add(attribute(f));
        }
        return out;
    }

    /**
     * The cycle in an engine's client order id {@code hz-<engine>-<cycle>-<symbol>-<B|S>} (the engine
     * id has no dashes), or {@code -1} for an id of another shape.
     */
    static long cycleOf(ClientOrderId id) {
        String[] parts = id.value().split("-");
        if (parts.length != 5 || !parts[0].equals("hz")) {
            return -1;
        }
        try {
            return Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
