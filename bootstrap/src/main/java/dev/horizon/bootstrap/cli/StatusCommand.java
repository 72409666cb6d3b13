package dev.horizon.bootstrap.cli;

import dev.horizon.application.port.StateLockedException;
import dev.horizon.application.port.StateStore;
import dev.horizon.bootstrap.observability.CircuitBreakerMetrics;
import dev.horizon.bootstrap.spi.StateStoreFactory;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.snapshot.EngineSnapshot;
import dev.horizon.domain.state.EngineState;
import dev.horizon.domain.state.PositionState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code horizon status}: the engine's state as last saved, running or stopped. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the engine state as last saved: last cycle, PV, cash, P&L today, positions,"
                + " kill switch, pause, open orders, and the circuit breakers of remote adapters (Alpaca)."
                + " Works while the engine runs (read-only) or is stopped.",
                "Without --config: the demo's state in ./var/demo/."})
final class StatusCommand extends CommandBase implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "The config the engine runs with (default: the demo).")
    Path config;

    @Override
    public Integer call() {
        StateStoreFactory state = StateAccess.of(this, config);
        StateAccess.requireExisting(state, "status");
        Optional<EngineSnapshot> snapshot;
        boolean running = false;
        StateStore store;
        try {
            store = state.open();
        } catch (StateLockedException e) {
            running = true;
            store = state.openReadOnly();
        }
        try (StateStore s = store) {
            snapshot = s.load();
        }
        if (snapshot.isEmpty()) {
            throw CliError.usage("status: no engine state saved yet at " + state.location());
        }
        print(snapshot.get().state(), state.location(), running);
        AdapterHealthFile.read(AdapterHealthFile.beside(state.location())).ifPresent(this::printBreakers);
        return ExitCodes.OK;
    }

    private void print(EngineState s, Path location, boolean running) {
        var out = out();
        out.printf(Locale.ROOT, "state        %s (%s)%n", location, running ? "engine running" : "engine stopped");
        out.printf(Locale.ROOT, "last cycle   %d at %s%s%n", s.cycleSeq(), s.lastCycleTime() == null ? "-" : s.lastCycleTime(),
                s.hasUnfinishedCycle() ? " (unfinished: recovery resolves it at the next start)" : "");
        out.printf(Locale.ROOT, "PV           %s%n", money(s.portfolioValue()));
        out.printf(Locale.ROOT, "cash         %s%n", money(s.cash()));
        if (s.startOfDayValue() != null) {
            BigDecimal pnl = s.portfolioValue().subtract(s.startOfDayValue());
            out.printf(Locale.ROOT, "P&L today    %s%s (session %s)%n", pnl.signum() >= 0 ? "+" : "", money(pnl),
                    s.sessionDay());
        }
        if (s.highWaterMark() != null) {
            out.printf(Locale.ROOT, "high water   %s%n", money(s.highWaterMark()));
        }
        out.printf(Locale.ROOT, "kill switch  %s%n", s.killSwitch().active()
                ? "ACTIVE since " + s.killSwitch().trippedAt() + ": " + s.killSwitch().reason() : "off");
        out.printf(Locale.ROOT, "paused       %s%n", s.paused() ? "yes" : "no");
        out.printf(Locale.ROOT, "positions    %d%n", s.positions().size());
        for (PositionState p : s.positions().values()) {
            out.printf(Locale.ROOT, "  %-10s %16s @ %-14s mark %-14s value %s  unrealized %s%n", p.symbol(),
                    p.shares().stripTrailingZeros().toPlainString(), p.averageEntryPrice().setScale(4, RoundingMode.HALF_EVEN),
                    p.markPrice().setScale(4, RoundingMode.HALF_EVEN), money(p.marketValue()), money(p.unrealizedPnl()));
        }
        out.printf(Locale.ROOT, "open orders  %d%n", s.openOrders().size());
        for (Order o : s.openOrders().values()) {
            out.printf(Locale.ROOT, "  %s %s %s %s %s%n", o.clientOrderId(), o.side(), o.quantity().toPlainString(),
                    o.symbol(), o.status());
        }
        out.flush();
    }

    /** The circuit breakers of the remote adapters, as the engine saw them at its last cycle. */
    private void printBreakers(AdapterHealthFile.Saved saved) {
        var out = out();
        saved.components().forEach((component, entry) -> {
            CircuitBreakerMetrics.Health h = entry.health();
            out.printf(Locale.ROOT, "%-12s %s: circuit breaker %s%s, %d refused, %d retries, %d HTTP 429%s (as of cycle %d)%n",
                    component.replace('_', ' '), entry.adapter(), h.state(),
                    h.failureRatePercent() < 0 ? "" : String.format(Locale.ROOT, " (%.0f%% of the last %d calls failed)",
                            h.failureRatePercent(), h.bufferedCalls()),
                    h.refusedCalls(), h.retries(), h.rateLimited(),
                    h.lastFailure().equals("none") ? "" : "; last failure: " + h.lastFailure(), saved.cycle());
        });
        out.flush();
    }

    private static String money(BigDecimal v) {
        return String.format(Locale.ROOT, "%,.2f", v.setScale(2, RoundingMode.HALF_EVEN));
    }
}
