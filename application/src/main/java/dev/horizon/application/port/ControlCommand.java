package dev.horizon.application.port;

import java.util.Objects;

/** An operator's instruction to the engine: pause, resume, kill with a reason, reset the kill switch. */
public sealed interface ControlCommand {

    /** The command's name as the CLI and journal spell it. */
    String name();

    /** Stop placing orders; cycles still run, mark to market and persist. */
    record Pause() implements ControlCommand {
        @Override
        public String name() {
            return "pause";
        }
    }

    /** Place orders again after a pause. */
    record Resume() implements ControlCommand {
        @Override
        public String name() {
            return "resume";
        }
    }

    /** Trip the kill switch by hand; it stays until {@link ResetKill}. */
    record Kill(String reason) implements ControlCommand {
        public Kill {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a kill needs a reason");
            }
        }

        @Override
        public String name() {
            return "kill";
        }
    }

    /** Clear a tripped kill switch of any kind, re-basing the loss limits on the current value. */
    record ResetKill() implements ControlCommand {
        @Override
        public String name() {
            return "reset-kill";
        }
    }
}
