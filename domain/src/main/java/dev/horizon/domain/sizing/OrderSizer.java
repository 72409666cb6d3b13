package dev.horizon.domain.sizing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * From target weight to shares (PIPELINE §5 step 7): floor(|w_target − w_current| × PV / mid),
 * rounded down to the lot size; below one lot or below {@code min_order_notional} →
 * {@code HOLD below_min_order}.
 *
 * <p>Computed exactly: with w_current = shares × mid / PV the order is
 * |w_target × PV − shares × mid| / mid shares, evaluated in {@link BigDecimal} and floored to whole
 * lots, so lots may be fractional (0.0001 BTC) without drift. Doubles enter through their shortest
 * decimal representation ({@link BigDecimal#valueOf(double)}).
 *
 * <p>A target of exactly 0 closes the whole position — all held shares, even a remainder that is
 * not a whole lot — so an exit never leaves dust behind. A reduction never sells more than is held.
 */
public final class OrderSizer {

    /** Reason for an order below one lot or below the minimum notional. */
    public static final String BELOW_MIN_ORDER = "below_min_order";

    private final BigDecimal minOrderNotional;

    public OrderSizer(SizingConfig config) {
        this.minOrderNotional = Objects.requireNonNull(config, "config").minOrderNotional();
    }

    /**
     * The order from {@code currentShares} toward {@code targetWeight}.
     *
     * @param targetWeight   the target market-value weight (signed)
     * @param currentShares  shares held (negative = short)
     * @param mid            the mid price, positive
     * @param portfolioValue the portfolio value, positive
     * @param lotSize        the smallest tradable quantity step, positive (1 for shares, 0.0001 for BTC)
     */
    public OrderSize size(double targetWeight, BigDecimal currentShares, double mid, BigDecimal portfolioValue,
                          BigDecimal lotSize) {
        if (!Double.isFinite(targetWeight)) {
            throw new IllegalArgumentException("target weight must be finite, was " + targetWeight);
        }
        if (!(mid > 0) || Double.isInfinite(mid)) {
            throw new IllegalArgumentException("mid price must be a positive number, was " + mid);
        }
        if (portfolioValue.signum() <= 0) {
            throw new IllegalArgumentException("portfolio value must be positive, was " + portfolioValue);
        }
        if (lotSize.signum() <= 0) {
            throw new IllegalArgumentException("lot size must be positive, was " + lotSize);
        }
        BigDecimal price = BigDecimal.valueOf(mid);
        BigDecimal quantity;
        int side;
        if (targetWeight == 0.0) {
            quantity = currentShares.abs();
            side = -currentShares.signum();
        } else {
            // (w_target × PV − shares × mid) / mid: the signed share change, kept exact until the floor.
            BigDecimal valueChange = BigDecimal.valueOf(targetWeight).multiply(portfolioValue)
                    .subtract(currentShares.multiply(price));
            side = valueChange.signum();
            BigDecimal lots = valueChange.abs().divide(price.multiply(lotSize), 0, RoundingMode.FLOOR);
            quantity = lots.multiply(lotSize);
        }
        BigDecimal notional = quantity.multiply(price);
        if (side == 0 || quantity.signum() == 0 || notional.compareTo(minOrderNotional) < 0) {
            return new OrderSize(BigDecimal.ZERO, notional, BELOW_MIN_ORDER);
        }
        return new OrderSize(side > 0 ? quantity : quantity.negate(), notional, "");
    }
}
