package dev.horizon.domain.risk;

import java.util.Objects;

/**
 * The outcome of one cycle's kill-switch evaluation.
 *
 * @param state       the bookkeeping after this cycle (to persist)
 * @param newSession  true when this cycle started a session day (PV_sod was set)
 * @param dailyReturn (PV − PV_sod)/PV_sod
 * @param drawdown    (HWM − PV)/HWM, ≥ 0
 * @param trippedNow  true when this cycle tripped the switch (or escalated a daily-loss trip to drawdown)
 */
public record KillSwitchCheck(SessionRiskState state, boolean newSession, double dailyReturn, double drawdown,
                              boolean trippedNow) {

    public KillSwitchCheck {
        Objects.requireNonNull(state, "state");
    }

    /** True while the switch is tripped after this cycle. */
    public boolean tripped() {
        return state.killSwitch().active();
    }
}
