package dev.horizon.bootstrap.cli;

import dev.horizon.application.engine.ControlCommands;
import dev.horizon.application.port.ControlCommand;
import dev.horizon.application.port.StateLockedException;
import dev.horizon.application.port.StateStore;
import dev.horizon.application.time.SystemClock;
import dev.horizon.bootstrap.spi.StateStoreFactory;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.snapshot.EngineSnapshot;
import dev.horizon.domain.state.EngineState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code horizon pause | resume | kill --reason R | reset-kill}: operator commands, for a stopped
 * or a running engine. Stopped (its lock is free): the command is applied to the saved state at
 * once and journaled as a risk event. Running: it is queued beside the state and the engine
 * applies it at the start of its next cycle.
 */
final class ControlCommandLine {

    private ControlCommandLine() {
    }

    /** What the four commands share. */
    abstract static class Base extends CommandBase implements Callable<Integer> {

        @Option(names = "--config", paramLabel = "FILE", description = "The config the engine runs with (default: the demo).")
        Path config;

        abstract ControlCommand command();

        @Override
        public Integer call() {
            ControlCommand command = command();
            StateStoreFactory state = StateAccess.of(this, config);
            StateAccess.requireExisting(state, command.name());
            StateStore store;
            try {
                store = state.open();
            } catch (StateLockedException running) {
                return queue(state, command, running);
            }
            try (StateStore s = store) {
                EngineSnapshot snapshot = s.load().orElseThrow(() -> CliError.usage(command.name()
                        + ": no engine state saved yet at " + state.location()));
                Instant now = new SystemClock(MarketCalendar.alwaysOpen()).now();
                EngineState before = snapshot.state();
                EngineState after = ControlCommands.apply(before, command, now);
                String what = ControlCommands.describe(command);
                s.save(new EngineSnapshot(after, snapshot.learned()),
                        List.of(new JournalEntry.RiskEvent(after.cycleSeq(), now, "operator", what)));
                out().println(what + ": applied to the stopped engine's state at " + state.location() + " ("
                        + summary(after) + ")");
                out().flush();
            }
            return ExitCodes.OK;
        }

        private int queue(StateStoreFactory state, ControlCommand command, StateLockedException running) {
            state.controlInbox().post(command);
            java.util.regex.Matcher pid = java.util.regex.Pattern.compile("pid (\\d+)").matcher(
                    String.valueOf(running.getMessage()));
            out().println(ControlCommands.describe(command) + ": queued for the running engine ("
                    + (pid.find() ? "pid " + pid.group(1) : Failures.oneLine(running.getMessage()))
                    + "); it applies it at the start of its next cycle");
            out().flush();
            return ExitCodes.OK;
        }

        private static String summary(EngineState s) {
            return "paused " + (s.paused() ? "yes" : "no") + ", kill switch "
                    + (s.killSwitch().active() ? "ACTIVE: " + s.killSwitch().reason() : "off");
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Stop placing orders; cycles still run, mark to market and persist.")
    static final class Pause extends Base {
        @Override
        ControlCommand command() {
            return new ControlCommand.Pause();
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Place orders again after a pause.")
    static final class Resume extends Base {
        @Override
        ControlCommand command() {
            return new ControlCommand.Resume();
        }
    }

    @Command(name = "kill", mixinStandardHelpOptions = true,
            description = "Trip the kill switch by hand: no new risk until reset-kill (reductions still allowed).")
    static final class Kill extends Base {
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the journal).")
        String reason;

        @Override
        ControlCommand command() {
            if (reason.isBlank()) {
                throw CliError.usage("kill: --reason must say why");
            }
            return new ControlCommand.Kill(reason);
        }
    }

    @Command(name = "reset-kill", mixinStandardHelpOptions = true,
            description = "Clear a tripped kill switch, re-basing the loss limits on the current portfolio value.")
    static final class ResetKill extends Base {
        @Override
        ControlCommand command() {
            return new ControlCommand.ResetKill();
        }
    }
}
