package dev.horizon.application.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The portfolio after one backtest cycle.
 *
 * @param grossExposure Σ|position value| / PV
 * @param netExposure   Σ position value / PV (signed)
 */
public record EquityPoint(Instant time, BigDecimal portfolioValue, BigDecimal cash, double grossExposure,
                          double netExposure) {
}
