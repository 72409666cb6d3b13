package dev.horizon.domain.risk;

import dev.horizon.domain.state.EngineState;
import dev.horizon.domain.state.KillSwitchState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The kill switch's persisted bookkeeping, the same fields as in {@link EngineState}.
 *
 * @param sessionDay      the session day of the last cycle; {@code null} before the first
 * @param startOfDayValue PV_sod, the portfolio value at the first cycle of {@code sessionDay}
 * @param highWaterMark   the highest portfolio value seen; {@code null} before the first cycle
 * @param killSwitch      the switch
 */
public record SessionRiskState(LocalDate sessionDay, BigDecimal startOfDayValue, BigDecimal highWaterMark,
                               KillSwitchState killSwitch) {

    public SessionRiskState {
        Objects.requireNonNull(killSwitch, "killSwitch");
        if ((sessionDay == null) != (startOfDayValue == null)) {
            throw new IllegalArgumentException("session day " + sessionDay + " and start-of-day value "
                    + startOfDayValue + " must be set together");
        }
    }

    /** Before the first cycle: no session, no high-water mark, switch inactive. */
    public static SessionRiskState initial() {
        return new SessionRiskState(null, null, null, KillSwitchState.inactive());
    }

    /** The bookkeeping held in {@code state}. */
    public static SessionRiskState of(EngineState state) {
        return new SessionRiskState(state.sessionDay(), state.startOfDayValue(), state.highWaterMark(),
                state.killSwitch());
    }

    /** {@code state} with this bookkeeping. */
    public EngineState applyTo(EngineState state) {
        return state.toBuilder().session(sessionDay, startOfDayValue).highWaterMark(highWaterMark)
                .killSwitch(killSwitch).build();
    }
}
