package dev.horizon.bootstrap.cli;

import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.engine.TradingEngine;
import dev.horizon.application.port.Clock;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.bootstrap.config.CoreConfig;
import dev.horizon.bootstrap.config.HorizonConfig;
import dev.horizon.bootstrap.spi.ReplaySchedule;
import dev.horizon.bootstrap.wiring.EngineAssembly;
import dev.horizon.domain.state.TradeDecision;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code horizon cycle --config F}: start (crash recovery), run exactly one cycle, persist, exit —
 * for cron. Live data: the cycle of the last closed bar. Replayed data: the next bar after the
 * last one traded.
 */
@Command(name = "cycle", mixinStandardHelpOptions = true,
        description = {"Run exactly one cycle, then exit (cron-friendly): recovery, one bar, persist.",
                "Live data: the last closed bar. Replayed data: the bar after the last one this state traded."})
final class CycleCommand extends CommandBase implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The config (YAML).")
    Path config;

    @Option(names = "--i-understand-live-trading", description = "Allow a config that trades real money (also: HORIZON_LIVE=1).")
    boolean live;

    @Override
    public Integer call() {
        HorizonConfig cfg = loadConfig(config);
        requireLiveConsent(cfg, live);
        applyLogging(cfg);
        EngineAssembly assembly;
        EngineServices services = new EngineServices();
        try {
            assembly = EngineAssembly.open(cfg, new EngineAssembly.Options(services.events(), true));
        } catch (RuntimeException e) {
            services.close();
            throw withSource(e, config.toString());
        }
        try (services; assembly) {
            services.watch(assembly);
            TradingEngine engine = assembly.engine();
            Optional<Instant> bar;
            if (cfg.replay()) {
                SimulatedClock clock = assembly.simulatedClock().orElseThrow();
                ReplaySchedule schedule = assembly.schedule().orElseThrow();
                List<Instant> closes = RunCommand.tradable(schedule, null, null);
                if (closes.isEmpty()) {
                    throw CliError.usage(config + ": market_data: no bars to trade");
                }
                clock.set(closes.get(0).minusMillis(1));
                engine.start();
                Instant last = engine.state().lastCycleTime();
                bar = closes.stream().filter(t -> last == null || t.isAfter(last)).findFirst();
                if (bar.isEmpty()) {
                    out().println("no cycle: every bar of the replay was already traded (last " + last + ")");
                    return ExitCodes.OK;
                }
                clock.set(bar.get());
            } else {
                engine.start();
                bar = Optional.of(lastClosedBar(assembly.clock(), cfg.core().engine()));
                if (!cfg.core().engine().tradeOutsideSession() && !assembly.clock().calendar().isOpen(bar.get())) {
                    out().println("no cycle: the bar closing at " + bar.get() + " is outside the market session");
                    return ExitCodes.OK;
                }
            }
            Optional<CycleResult> result;
            try {
                result = engine.runCycle(bar.get());
            } finally {
                // the breakers' readings for `status`, whether the cycle ran or failed
                services.publish(engine.state());
            }
            if (result.isEmpty()) {
                out().println("no cycle: the bar closing at " + bar.get() + " was already traded");
                return ExitCodes.OK;
            }
            print(result.get());
            return ExitCodes.OK;
        }
    }

    private static Instant lastClosedBar(Clock clock, CoreConfig.Engine engine) {
        long step = engine.barInterval().toMillis();
        long settled = clock.now().minus(engine.barCloseDelay()).toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(settled, step) * step);
    }

    private void print(CycleResult r) {
        out().printf(Locale.ROOT, "cycle %d at %s: PV %s, cash %s, %d order(s)%s%n", r.cycleSeq(), r.time(),
                r.portfolioValue().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                r.cash().setScale(2, RoundingMode.HALF_EVEN).toPlainString(), r.orders().size(),
                r.tradingAllowed() ? "" : " (trading halted" + (r.killReason() != null ? ": " + r.killReason() : ": paused") + ")");
        for (TradeDecision d : r.decisions()) {
            out().printf(Locale.ROOT, "  %-10s %-7s %s%s%n", d.symbol(), d.decision(), d.reason(),
                    d.shares().signum() == 0 ? "" : " (" + d.shares().toPlainString() + " shares)");
        }
        out().flush();
    }
}
