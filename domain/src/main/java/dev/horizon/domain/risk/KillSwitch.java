package dev.horizon.domain.risk;

import dev.horizon.domain.gating.Exposure;
import dev.horizon.domain.state.KillSwitchKind;
import dev.horizon.domain.state.KillSwitchState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The portfolio kill switch (PIPELINE §6), evaluated once per cycle before the symbol loop.
 *
 * <p>{@link #evaluate} first does the session bookkeeping, then the checks:
 * <ol>
 *   <li>A new session day (any day other than the stored one): PV_sod = PV, and a daily-loss trip
 *       clears. Drawdown and manual trips never clear by themselves.</li>
 *   <li>HWM = max(HWM, PV).</li>
 *   <li>Drawdown: (HWM − PV)/HWM &gt; max_drawdown → trip {@code drawdown: -10.50% (limit -10.00%)}.
 *       A drawdown breach replaces a standing daily-loss trip, because it is the one that must
 *       outlive the session.</li>
 *   <li>Daily loss: (PV − PV_sod)/PV_sod &lt; −max_daily_loss → trip
 *       {@code daily_loss: -2.01% (limit -2.00%)}.</li>
 * </ol>
 * Both inequalities are strict and decided exactly on the {@link BigDecimal} values (the limit taken
 * at its shortest decimal form, 0.02), so a loss of exactly 2.000% does not trip; the reported
 * ratios are doubles. Reasons show the return from the reference value (negative for a loss) and
 * the limit, both in percent with two decimals. Nothing here ever clears a trip on restart: the
 * state is persisted and only a new session (daily loss) or {@link #reset} clears it.
 */
public final class KillSwitch {

    /** Prefix of every decision taken while the switch is tripped. */
    public static final String REASON_PREFIX = "kill_switch: ";

    private final KillSwitchConfig config;
    private final BigDecimal maxDailyLoss;
    private final BigDecimal maxDrawdown;

    public KillSwitch(KillSwitchConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.maxDailyLoss = BigDecimal.valueOf(config.maxDailyLoss());
        this.maxDrawdown = BigDecimal.valueOf(config.maxDrawdown());
    }

    /**
     * Books this cycle's portfolio value and checks both limits.
     *
     * @param before         the persisted bookkeeping
     * @param sessionDay     the session day of this cycle (market calendar, exchange time zone)
     * @param portfolioValue this cycle's marked portfolio value
     * @param at             the cycle time, recorded as the trip time
     */
    public KillSwitchCheck evaluate(SessionRiskState before, LocalDate sessionDay, BigDecimal portfolioValue,
                                    Instant at) {
        Objects.requireNonNull(sessionDay, "sessionDay");
        Objects.requireNonNull(portfolioValue, "portfolioValue");
        Objects.requireNonNull(at, "at");
        boolean newSession = !sessionDay.equals(before.sessionDay());
        BigDecimal startOfDay = newSession ? portfolioValue : before.startOfDayValue();
        KillSwitchState kill = before.killSwitch();
        if (newSession && kill.active() && kill.kind().clearsAtNextSession()) {
            kill = KillSwitchState.inactive();
        }
        BigDecimal hwm = before.highWaterMark() == null ? portfolioValue : before.highWaterMark().max(portfolioValue);

        double dailyReturn = ratio(portfolioValue.subtract(startOfDay), startOfDay);
        double drawdown = ratio(hwm.subtract(portfolioValue), hwm);
        boolean wasActive = kill.active();
        KillSwitchKind kindBefore = kill.kind();

        // HWM − PV > max_drawdown × HWM, exactly.
        if (hwm.signum() > 0 && hwm.subtract(portfolioValue).compareTo(maxDrawdown.multiply(hwm)) > 0
                && kill.kind() != KillSwitchKind.DRAWDOWN) {
            String reason = String.format(Locale.ROOT, "drawdown: %.2f%% (limit %.2f%%)",
                    -drawdown * 100.0, -config.maxDrawdown() * 100.0);
            kill = kill.active() && kill.kind().clearsAtNextSession()
                    ? new KillSwitchState(true, KillSwitchKind.DRAWDOWN, reason, at)
                    : kill.trip(KillSwitchKind.DRAWDOWN, reason, at);
        }
        // PV − PV_sod < −max_daily_loss × PV_sod, exactly.
        if (startOfDay.signum() > 0
                && portfolioValue.subtract(startOfDay).compareTo(maxDailyLoss.multiply(startOfDay).negate()) < 0) {
            String reason = String.format(Locale.ROOT, "daily_loss: %.2f%% (limit %.2f%%)",
                    dailyReturn * 100.0, -config.maxDailyLoss() * 100.0);
            kill = kill.trip(KillSwitchKind.DAILY_LOSS, reason, at);
        }
        boolean trippedNow = kill.active() && (!wasActive || kill.kind() != kindBefore);
        return new KillSwitchCheck(new SessionRiskState(sessionDay, startOfDay, hwm, kill), newSession,
                dailyReturn, drawdown, trippedNow);
    }

    /**
     * The explicit reset (CLI {@code reset-kill} or the admin endpoint): clears a trip of any kind
     * and re-bases the high-water mark and the start-of-day value on {@code portfolioValue}, the
     * value the operator accepted — otherwise the next cycle would measure the same loss and trip
     * again at once. The session day is kept.
     */
    public static SessionRiskState reset(SessionRiskState state, BigDecimal portfolioValue) {
        Objects.requireNonNull(portfolioValue, "portfolioValue");
        LocalDate day = state.sessionDay();
        return new SessionRiskState(day, day == null ? null : portfolioValue, portfolioValue,
                KillSwitchState.inactive());
    }

    /** A manual trip (CLI {@code kill --reason R}); stays until {@link #reset}. */
    public static SessionRiskState tripManually(SessionRiskState state, String reason, Instant at) {
        return new SessionRiskState(state.sessionDay(), state.startOfDayValue(), state.highWaterMark(),
                state.killSwitch().trip(KillSwitchKind.MANUAL, reason, at));
    }

    /**
     * The target a symbol may move to while {@code kill} is as given: {@code proposed} while
     * inactive; under {@code halt} only its reducing part (reductions and exits pass, new risk does
     * not); under {@code flatten} 0.
     */
    public double allowedTarget(KillSwitchState kill, double current, double proposed) {
        if (!kill.active()) {
            return proposed;
        }
        return config.onKill() == OnKill.FLATTEN ? 0.0 : Exposure.reductionOnly(current, proposed);
    }

    /** The decision reason while tripped: {@code kill_switch: <reason>}. */
    public static String decisionReason(KillSwitchState kill) {
        if (!kill.active()) {
            throw new IllegalArgumentException("the kill switch is not tripped");
        }
        return REASON_PREFIX + kill.reason();
    }

    private static double ratio(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0 ? Double.NaN : numerator.doubleValue() / denominator.doubleValue();
    }
}
