package dev.horizon.domain.risk;

import dev.horizon.domain.gating.Exposure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The per-order guardrails (PIPELINE §6), run after sizing and gross normalisation. The caller
 * submits a cycle's orders sells first, so that reductions free gross and cash for the buys.
 *
 * <p>Checks, in this order; the first failure blocks the order ({@code BLOCKED <check>: <message>}):
 * <ol>
 *   <li>{@code max_position}: |w after| ≤ max_position — passed by any reduction (same side, smaller)
 *       <b>(fix: one legacy breach used to block everything)</b>;</li>
 *   <li>{@code max_gross}: gross after ≤ max_gross — passed by any order that does not grow the
 *       symbol's |exposure| (which covers every reduction) <b>(fix)</b>;</li>
 *   <li>{@code max_order_notional}: |quantity| × price ≤ max_order_notional;</li>
 *   <li>{@code max_orders_per_cycle};</li>
 *   <li>{@code cooldown}: at least cooldown_seconds since the symbol's last order;</li>
 *   <li>{@code max_orders_per_minute}: orders in (t − 60 s, t] ≤ the limit;</li>
 *   <li>{@code buying_power}: a buy needs notional + fee ≤ the cash available.</li>
 * </ol>
 * Weights are market-value weights at the order's price: shares × price / PV.
 *
 * <p>Buying power starts at the value the caller gives for the cycle (cash after fees for a cash
 * account); each admitted buy consumes notional + fee, and each admitted sell that closes long
 * shares adds those shares' proceeds less the fee. Sells that open a short add nothing and are not
 * checked against buying power (they are margin business and shorting is off by default).
 *
 * <p>Holds the {@link OrderThrottle} between cycles. Not thread-safe; one cycle at a time.
 */
public final class RiskGuardrails {

    private final RiskLimits limits;
    private final OrderThrottle throttle;

    /** Guardrails with an empty throttle. */
    public RiskGuardrails(RiskLimits limits) {
        this(limits, OrderThrottleSnapshot.empty());
    }

    /** Guardrails restoring the throttle from {@code snapshot}. */
    public RiskGuardrails(RiskLimits limits, OrderThrottleSnapshot snapshot) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.throttle = OrderThrottle.restore(limits, snapshot);
    }

    /**
     * Starts checking one cycle's orders.
     *
     * @param cycleTime      the cycle time, the time of every order of the cycle
     * @param portfolioValue the marked portfolio value, positive
     * @param buyingPower    cash available for buys (after fees for a cash account)
     * @param grossWeight    Σ|w| of the positions before any order of the cycle
     */
    public Cycle beginCycle(Instant cycleTime, BigDecimal portfolioValue, BigDecimal buyingPower, double grossWeight) {
        Objects.requireNonNull(cycleTime, "cycleTime");
        Objects.requireNonNull(buyingPower, "buyingPower");
        if (portfolioValue.signum() <= 0) {
            throw new IllegalArgumentException("portfolio value must be positive to check orders, was " + portfolioValue);
        }
        if (!(grossWeight >= 0) || Double.isInfinite(grossWeight)) {
            throw new IllegalArgumentException("gross weight must be a number >= 0, was " + grossWeight);
        }
        throttle.prune(cycleTime);
        return new Cycle(cycleTime, portfolioValue, buyingPower, grossWeight);
    }

    /** The throttle's memory, to persist between cycles. */
    public OrderThrottleSnapshot snapshot() {
        return throttle.snapshot();
    }

    /** The checks of one cycle; an admitted order counts against every limit of the cycle. */
    public final class Cycle {
        private final Instant time;
        private final BigDecimal portfolioValue;
        private final double pv;
        private BigDecimal buyingPower;
        private double gross;
        private int orders;

        private Cycle(Instant time, BigDecimal portfolioValue, BigDecimal buyingPower, double gross) {
            this.time = time;
            this.portfolioValue = portfolioValue;
            this.pv = portfolioValue.doubleValue();
            this.buyingPower = buyingPower;
            this.gross = gross;
        }

        /**
         * Checks {@code order}; when it passes, it is admitted: counted for the cycle and the
         * rate limits, its exposure added to the gross and its cash to the buying power. Send every
         * admitted order.
         */
        public RiskCheck admit(OrderProposal order) {
            RiskCheck check = check(order);
            if (check.passed()) {
                record(order);
            }
            return check;
        }

        /** Gross Σ|w| after the orders admitted so far. */
        public double gross() {
            return gross;
        }

        /** Buying power left after the orders admitted so far. */
        public BigDecimal buyingPower() {
            return buyingPower;
        }

        /** The portfolio value the cycle's weights are taken against. */
        public BigDecimal portfolioValue() {
            return portfolioValue;
        }

        private RiskCheck check(OrderProposal order) {
            BigDecimal before = order.currentShares();
            BigDecimal after = order.sharesAfter();
            double price = order.price().doubleValue();
            double weightAfter = after.doubleValue() * price / pv;
            boolean reduction = Exposure.isReduction(before, after);
            if (!reduction && Math.abs(weightAfter) > limits.maxPosition()) {
                return RiskCheck.fail("max_position",
                        String.format(Locale.ROOT, "|w| %.2f > %.2f", Math.abs(weightAfter), limits.maxPosition()));
            }
            boolean growsExposure = after.abs().compareTo(before.abs()) > 0;
            double grossAfter = grossAfter(order);
            if (growsExposure && grossAfter > limits.maxGross()) {
                return RiskCheck.fail("max_gross",
                        String.format(Locale.ROOT, "gross %.2f > %.2f", grossAfter, limits.maxGross()));
            }
            BigDecimal notional = order.notional();
            if (notional.compareTo(limits.maxOrderNotional()) > 0) {
                return RiskCheck.fail("max_order_notional", money(notional) + " > " + money(limits.maxOrderNotional()));
            }
            if (orders + 1 > limits.maxOrdersPerCycle()) {
                return RiskCheck.fail("max_orders_per_cycle", (orders + 1) + " > " + limits.maxOrdersPerCycle());
            }
            Duration since = throttle.coolingDown(order.symbol(), time);
            if (since != null) {
                return RiskCheck.fail("cooldown", String.format(Locale.ROOT, "last order %.1fs ago < %ds",
                        since.toNanos() / 1e9, limits.cooldownSeconds()));
            }
            int inMinute = throttle.ordersInLastMinute(time) + 1;
            if (inMinute > limits.maxOrdersPerMinute()) {
                return RiskCheck.fail("max_orders_per_minute", inMinute + " > " + limits.maxOrdersPerMinute());
            }
            if (order.isBuy()) {
                BigDecimal need = notional.add(order.estimatedFee());
                if (need.compareTo(buyingPower) > 0) {
                    return RiskCheck.fail("buying_power", "need " + money(need) + " > available " + money(buyingPower));
                }
            }
            return RiskCheck.pass();
        }

        private double grossAfter(OrderProposal order) {
            double price = order.price().doubleValue();
            double before = Math.abs(order.currentShares().doubleValue() * price / pv);
            double after = Math.abs(order.sharesAfter().doubleValue() * price / pv);
            return gross - before + after;
        }

        private void record(OrderProposal order) {
            gross = Math.max(0.0, grossAfter(order));
            orders++;
            throttle.record(order.symbol(), time);
            if (order.isBuy()) {
                buyingPower = buyingPower.subtract(order.notional().add(order.estimatedFee()));
            } else {
                BigDecimal closingLong = order.signedQuantity().abs().min(order.currentShares().max(BigDecimal.ZERO));
                if (closingLong.signum() > 0) {
                    BigDecimal proceeds = closingLong.multiply(order.price()).subtract(order.estimatedFee());
                    buyingPower = buyingPower.add(proceeds.max(BigDecimal.ZERO));
                }
            }
        }

        private String money(BigDecimal value) {
            return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
    }
}
