package dev.horizon.domain.state;

/**
 * Why the kill switch tripped, which decides how it clears: a daily-loss trip clears at the next
 * session; drawdown and manual trips stay until an explicit reset.
 */
public enum KillSwitchKind {
    DAILY_LOSS,
    DRAWDOWN,
    MANUAL;

    /** True when the trip clears by itself at the start of the next session. */
    public boolean clearsAtNextSession() {
        return this == DAILY_LOSS;
    }
}
