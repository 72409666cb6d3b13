package dev.horizon.domain.state;

import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.Symbol;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the engine decided for one symbol in one cycle, and why.
 *
 * @param horizon       the chosen horizon, {@code null} when none was chosen
 * @param targetWeight  the target market-value weight (fraction of portfolio value, signed)
 * @param currentWeight the market-value weight before the decision
 * @param alpha         expected decimal return over the chosen horizon ({@code NaN} when none)
 * @param shares        shares to trade, signed (+ buy, − sell); zero unless {@code TRADE}
 * @param reason        one short line, e.g. {@code score 8.20bps >= threshold 4.00bps} or
 *                      {@code no_trade_band}
 */
public record TradeDecision(Symbol symbol, Decision decision, Horizon horizon, double targetWeight,
                            double currentWeight, double alpha, BigDecimal shares, String reason,
                            DecisionTrace trace) {

    public TradeDecision {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(trace, "trace");
        if (decision != Decision.TRADE && shares.signum() != 0) {
            throw new IllegalArgumentException(symbol + ": a " + decision + " decision trades no shares");
        }
        if (decision == Decision.TRADE && shares.signum() == 0) {
            throw new IllegalArgumentException(symbol + ": a TRADE decision needs a non-zero quantity");
        }
    }

    /** A HOLD with the current weight kept as target. */
    public static TradeDecision hold(Symbol symbol, double currentWeight, String reason, DecisionTrace trace) {
        return new TradeDecision(symbol, Decision.HOLD, null, currentWeight, currentWeight, Double.NaN,
                BigDecimal.ZERO, reason, trace);
    }

    /** A BLOCKED decision with the current weight kept as target. */
    public static TradeDecision blocked(Symbol symbol, Horizon horizon, double currentWeight, double alpha,
                                        String reason, DecisionTrace trace) {
        return new TradeDecision(symbol, Decision.BLOCKED, horizon, currentWeight, currentWeight, alpha,
                BigDecimal.ZERO, reason, trace);
    }
}
