package dev.horizon.application.engine;

import dev.horizon.application.port.ControlCommand;
import dev.horizon.domain.risk.KillSwitch;
import dev.horizon.domain.risk.SessionRiskState;
import dev.horizon.domain.state.EngineState;
import java.time.Instant;

/** How an operator command changes the engine state — the same for a running or a stopped engine. */
public final class ControlCommands {

    private ControlCommands() {
    }

    /** The state after {@code command} at {@code at}. */
    public static EngineState apply(EngineState state, ControlCommand command, Instant at) {
        if (command instanceof ControlCommand.Pause) {
            return state.toBuilder().paused(true).build();
        }
        if (command instanceof ControlCommand.Resume) {
            return state.toBuilder().paused(false).build();
        }
        if (command instanceof ControlCommand.Kill kill) {
            return KillSwitch.tripManually(SessionRiskState.of(state), kill.reason(), at).applyTo(state);
        }
        if (command instanceof ControlCommand.ResetKill) {
            return KillSwitch.reset(SessionRiskState.of(state), state.portfolioValue()).applyTo(state);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    /** One line for the journal, e.g. {@code kill: manual stop before FOMC}. */
    public static String describe(ControlCommand command) {
        return command instanceof ControlCommand.Kill k ? "kill: " + k.reason() : command.name();
    }
}
