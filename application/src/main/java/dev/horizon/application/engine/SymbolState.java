package dev.horizon.application.engine;

import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.state.Decision;
import dev.horizon.domain.state.DecisionTrace;
import java.math.BigDecimal;

/**
 * One symbol's working record through a cycle: what is known about it, the target the stages
 * have arrived at so far, and the decision with its reason. Mutable, owned by the cycle thread.
 */
final class SymbolState {

    final int index;
    final Symbol symbol;
    final BigDecimal shares;
    final Quote quote;
    /** mid of a valid quote, else the last close (flagged in the trace), NaN when neither exists */
    final double price;
    final boolean tradablePrice;
    final double currentWeight;
    final DecisionTrace.Builder trace = DecisionTrace.builder();

    double sigmaBar = Double.NaN;
    double sigmaDay = Double.NaN;
    double spreadBps = Double.NaN;
    Horizon horizon;
    double alpha = Double.NaN;
    double target;
    Decision decision = Decision.HOLD;
    String reason = "";
    /** Settled: no later stage may change the decision (no data, bad quote, paused...). */
    boolean settled;

    SymbolState(int index, Symbol symbol, BigDecimal shares, Quote quote, double price, boolean tradablePrice,
                double currentWeight) {
        this.index = index;
        this.symbol = symbol;
        this.shares = shares;
        this.quote = quote;
        this.price = price;
        this.tradablePrice = tradablePrice;
        this.currentWeight = currentWeight;
        this.target = currentWeight;
    }

    /** Holds the symbol at its current weight for good this cycle. */
    void settle(Decision outcome, String why) {
        decision = outcome;
        reason = why;
        target = currentWeight;
        settled = true;
    }

    /** Proposes a new target with the decision and reason that explain it. */
    void propose(double newTarget, Decision outcome, String why) {
        target = newTarget;
        decision = outcome;
        reason = why;
    }

    boolean wantsChange() {
        return !settled && target != currentWeight;
    }
}
