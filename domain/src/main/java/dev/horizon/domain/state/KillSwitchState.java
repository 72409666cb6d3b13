package dev.horizon.domain.state;

import java.time.Instant;
import java.util.Objects;

/**
 * The persisted kill switch. A restart never clears it; only a new session (for a daily-loss
 * trip) or an explicit reset does.
 *
 * @param kind      why it tripped, {@code null} while inactive
 * @param reason    the human reason, e.g. {@code daily_loss: -2.01% (limit -2.00%)}; {@code null} while inactive
 * @param trippedAt when it tripped, {@code null} while inactive
 */
public record KillSwitchState(boolean active, KillSwitchKind kind, String reason, Instant trippedAt) {

    private static final KillSwitchState INACTIVE = new KillSwitchState(false, null, null, null);

    public KillSwitchState {
        if (active) {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(trippedAt, "trippedAt");
        } else if (kind != null || reason != null || trippedAt != null) {
            throw new IllegalArgumentException("an inactive kill switch carries no kind, reason or time");
        }
    }

    public static KillSwitchState inactive() {
        return INACTIVE;
    }

    /** Trips the switch; an already tripped switch keeps its first reason. */
    public KillSwitchState trip(KillSwitchKind kind, String reason, Instant at) {
        return active ? this : new KillSwitchState(true, kind, reason, at);
    }
}
