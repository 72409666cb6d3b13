package dev.horizon.domain.risk;

/** What the engine does while the kill switch is tripped ({@code risk.on_kill}). */
public enum OnKill {
    /** No new risk: reductions and exits still go through. */
    HALT,
    /** Close every position: every target becomes 0. */
    FLATTEN
}
