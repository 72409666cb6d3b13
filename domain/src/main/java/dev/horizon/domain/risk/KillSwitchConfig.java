package dev.horizon.domain.risk;

import java.util.Objects;

/**
 * Parameters of the {@link KillSwitch} ({@code [risk.*]}); fractions, never percent.
 *
 * @param maxDailyLoss {@code risk.max_daily_loss}: trip when the day's return is below −this; default 0.02
 * @param maxDrawdown  {@code risk.max_drawdown}: trip when the drawdown from the high-water mark is
 *                     above this; default 0.10
 * @param onKill       {@code risk.on_kill}: halt (default) or flatten
 */
public record KillSwitchConfig(double maxDailyLoss, double maxDrawdown, OnKill onKill) {

    public KillSwitchConfig {
        if (!(maxDailyLoss > 0 && maxDailyLoss < 1)) {
            throw new IllegalArgumentException("risk.max_daily_loss must be a fraction in (0, 1) (e.g. 0.02), was "
                    + maxDailyLoss);
        }
        if (!(maxDrawdown > 0 && maxDrawdown < 1)) {
            throw new IllegalArgumentException("risk.max_drawdown must be a fraction in (0, 1) (e.g. 0.10), was "
                    + maxDrawdown);
        }
        Objects.requireNonNull(onKill, "risk.on_kill");
    }

    /** The design defaults: 2% daily loss, 10% drawdown, halt. */
    public static KillSwitchConfig defaults() {
        return new KillSwitchConfig(0.02, 0.10, OnKill.HALT);
    }
}
