package dev.horizon.bootstrap.observability;

import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.order.OrderType;
import dev.horizon.domain.order.TimeInForce;
import dev.horizon.domain.state.Decision;
import dev.horizon.domain.state.DecisionTrace;
import dev.horizon.domain.state.TradeDecision;
import java.math.BigDecimal;
import java.time.Instant;

/** Journal entries of each kind, as the engine publishes them. */
final class Entries {

    static final Instant T = Instant.parse("2024-03-11T14:30:00Z");
    static final Symbol AAPL = Symbol.of("AAPL");
    static final ClientOrderId ID = ClientOrderId.of("demo", 7, AAPL, OrderSide.BUY);

    private Entries() {
    }

    static JournalEntry trade(long cycle) {
        return new JournalEntry.DecisionRecorded(cycle, T, new TradeDecision(AAPL, Decision.TRADE,
                new Horizon("15m", 15), 0.125, 0.0625, 8.2e-4, new BigDecimal("10"), "score 8.20bps >= 4.00bps",
                DecisionTrace.empty()));
    }

    static JournalEntry hold(long cycle, String symbol) {
        return new JournalEntry.DecisionRecorded(cycle, T, TradeDecision.hold(Symbol.of(symbol), 0.01,
                "no_trade_band", DecisionTrace.empty()));
    }

    static JournalEntry blocked(long cycle) {
        return new JournalEntry.DecisionRecorded(cycle, T, TradeDecision.blocked(AAPL, new Horizon("15m", 15), 0.0,
                1e-4, "spread_gate", DecisionTrace.empty()));
    }

    static JournalEntry intent(long cycle) {
        return new JournalEntry.OrderIntent(cycle, T, Order.intent(ID, AAPL, OrderSide.BUY, OrderType.LIMIT,
                new BigDecimal("10"), new BigDecimal("173.20"), TimeInForce.DAY, T));
    }

    static JournalEntry update(long cycle, OrderStatus status) {
        return new JournalEntry.OrderUpdate(cycle, T, ID, status, "b-1", status == OrderStatus.REJECTED
                ? "insufficient buying power" : null);
    }

    static JournalEntry fill(long cycle) {
        return new JournalEntry.FillRecorded(cycle, T, new Fill("f-1", ID, AAPL, OrderSide.BUY, new BigDecimal("10"),
                new BigDecimal("173.19"), new BigDecimal("0.35"), T));
    }

    static JournalEntry risk(long cycle, String kind) {
        return new JournalEntry.RiskEvent(cycle, T, kind, "drawdown: -6.10% (limit -6.00%)");
    }
}
