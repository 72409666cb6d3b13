package dev.horizon.domain.sizing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The no-trade band (PIPELINE §5 step 5): a move |w_raw − w_current| below {@code no_trade_band}
 * is not worth its costs, so the symbol is held ({@code HOLD no_trade_band}) at its current weight.
 *
 * <p>w_current is the <em>market-value</em> weight, shares × mid / PV <b>(fix: the original used
 * the weight stored at fill time)</b>; {@link #marketValueWeight} computes it.
 */
public final class NoTradeBand {

    /** Reason for a move inside the band. */
    public static final String NO_TRADE_BAND = "no_trade_band";

    private final double band;

    public NoTradeBand(SizingConfig config) {
        this.band = Objects.requireNonNull(config, "config").noTradeBand();
    }

    /** True when the move from {@code currentWeight} to {@code rawWeight} is too small to trade. */
    public boolean holds(double rawWeight, double currentWeight) {
        return Math.abs(rawWeight - currentWeight) < band;
    }

    /** The target after the band: {@code currentWeight} inside it, {@code rawWeight} outside. */
    public double target(double rawWeight, double currentWeight) {
        return holds(rawWeight, currentWeight) ? currentWeight : rawWeight;
    }

    /**
     * The market-value weight shares × mid / PV (signed like the shares).
     *
     * @throws IllegalArgumentException when the portfolio value is not positive (weights are undefined)
     */
    public static double marketValueWeight(BigDecimal shares, double mid, BigDecimal portfolioValue) {
        if (portfolioValue.signum() <= 0) {
            throw new IllegalArgumentException("portfolio value must be positive to compute weights, was "
                    + portfolioValue);
        }
        if (shares.signum() == 0) {
            return 0.0;
        }
        return shares.doubleValue() * mid / portfolioValue.doubleValue();
    }
}
