package dev.horizon.bootstrap.cli;

import dev.horizon.application.daemon.EngineDaemon;
import dev.horizon.application.engine.TradingEngine;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.bootstrap.config.CoreConfig;
import dev.horizon.bootstrap.config.HorizonConfig;
import dev.horizon.bootstrap.demo.DemoSetup;
import dev.horizon.bootstrap.observability.Logging;
import dev.horizon.bootstrap.observability.LoggingEventSink;
import dev.horizon.bootstrap.spi.ReplaySchedule;
import dev.horizon.bootstrap.wiring.EngineAssembly;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code horizon run [--config F]}: the engine until stopped. With a config whose market data is
 * live, the daemon (bar-aligned cycles on the wall clock); with replayed data, a replay on a
 * simulated clock; with no config, the embedded demo.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the engine until stopped (SIGTERM/SIGINT finish the current cycle, then exit 0).",
                "With no --config: the embedded demo, a paper account trading a replay of real BTC/USD minute bars"
                        + " with the bundled models; state in ./var/demo/ (the previous demo moves to ./var/demo/previous/)."})
final class RunCommand extends CommandBase implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "The config (YAML). Omit it for the embedded demo.")
    Path config;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "0",
            description = "Replays only: pace bars at N times real time (e.g. 60: a 1-minute bar per second)."
                    + " Default: as fast as possible.")
    double speed;

    @Option(names = "--max-bars", paramLabel = "N",
            description = "Replays only: stop after N cycles (a quick look; tests).")
    Long maxBars;

    @Option(names = "--i-understand-live-trading",
            description = "Allow a config that trades real money (also: HORIZON_LIVE=1).")
    boolean live;

    @Override
    public Integer call() {
        if (speed < 0 || Double.isNaN(speed)) {
            throw CliError.usage("run: --speed must be >= 0, was " + speed);
        }
        if (maxBars != null && maxBars < 1) {
            throw CliError.usage("run: --max-bars must be >= 1, was " + maxBars);
        }
        Signals signals = Signals.install(err());
        boolean demo = config == null;
        DemoSetup.Session session = null;
        HorizonConfig cfg;
        String source;
        if (demo) {
            if (!global().debug()) {
                Logging.quiet(LoggingEventSink.LOGGER_NAME);
            }
            session = DemoSetup.prepare(context().workingDirectory());
            source = DemoSetup.CONFIG;
            try {
                cfg = DemoSetup.config(loader(), context().workingDirectory());
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        } else {
            cfg = loadConfig(config);
            source = config.toString();
            requireLiveConsent(cfg, live);
            applyLogging(cfg);
        }
        try (DemoSetup.Session held = session) {
            return run(cfg, source, demo, signals, held);
        }
    }

    private int run(HorizonConfig cfg, String source, boolean demo, Signals signals, DemoSetup.Session session) {
        EngineServices services = new EngineServices();
        EngineAssembly assembly;
        try {
            assembly = EngineAssembly.open(cfg, new EngineAssembly.Options(services.events(), true));
        } catch (RuntimeException e) {
            services.close();
            throw withSource(e, source);
        }
        try (services; assembly) {
            services.watch(assembly);
            try {
                services.startAdmin(cfg.core().admin(), assembly.controlInbox()).ifPresent(a -> {
                    out().println("admin endpoint on http://" + a.getHostString() + ":" + a.getPort()
                            + " (GET /health /metrics /status; POST /pause /resume /kill /reset-kill with the token)");
                    out().flush();
                });
            } catch (RuntimeException e) {
                throw withSource(e, source);
            }
            String location = displayPath(assembly.stateStoreFactory().location());
            if (demo) {
                out().println("horizon demo: paper account on BTC/USD minute bars replayed from Bitstamp trades,"
                        + " bundled models; state in " + location
                        + (session.archived() != null ? " (previous run archived to "
                        + displayPath(session.archived()) + ")" : ""));
                out().flush();
            }
            if (cfg.replay()) {
                return replay(assembly, cfg, signals, location, services);
            }
            return daemon(assembly, cfg.core(), signals, location, services);
        }
    }

    private int replay(EngineAssembly assembly, HorizonConfig cfg, Signals signals, String location,
                       EngineServices services) {
        SimulatedClock clock = assembly.simulatedClock().orElseThrow();
        ReplaySchedule schedule = assembly.schedule().orElseThrow(() ->
                new IllegalStateException("market data " + cfg.adapter(dev.horizon.bootstrap.spi.AdapterKind.MARKET_DATA)
                        .name() + " replays history but binds no ReplaySchedule"));
        List<Instant> closes = tradable(schedule, null, null);
        if (closes.isEmpty()) {
            throw CliError.usage(cfg.source() + ": market_data: no bars to trade between trade_from and trade_to");
        }
        clock.set(closes.get(0).minusMillis(1));
        TradingEngine engine = assembly.engine();
        engine.start();
        services.publish(engine.state());
        RunReport report = new RunReport(out(), engine.state().portfolioValue(), 500);
        ReplayLoop loop = new ReplayLoop(engine, clock, closes, speed, maxBars == null ? Long.MAX_VALUE : maxBars, r -> {
            report.onCycle(r);
            services.publish(engine.state());
        });
        signals.onStop(() -> {
            services.stopping();
            loop.requestStop();
        });
        loop.run();
        report.summary(location, signals.requested() ? "signal" : null);
        return ExitCodes.OK;
    }

    private int daemon(EngineAssembly assembly, CoreConfig core, Signals signals, String location,
                       EngineServices services) {
        if (maxBars != null || speed > 0) {
            throw CliError.usage("run: --speed and --max-bars apply to replayed market data only");
        }
        TradingEngine engine = assembly.engine();
        engine.start();
        services.publish(engine.state());
        RunReport report = new RunReport(out(), engine.state().portfolioValue(), 0);
        EngineDaemon daemon = new EngineDaemon(assembly.clock(), engine, core.engine().barInterval(),
                core.engine().barCloseDelay(), core.engine().tradeOutsideSession(), r -> {
                    report.onCycle(r);
                    services.publish(engine.state());
                });
        signals.onStop(() -> {
            services.stopping();
            daemon.requestStop();
        });
        out().println("engine running: a cycle at every " + core.engine().barInterval().toMinutes()
                + "m bar close; SIGTERM or Ctrl-C stops it after the current cycle");
        out().flush();
        daemon.run();
        report.summary(location, signals.requested() ? "signal" : null);
        return ExitCodes.OK;
    }

    /** The closes in the schedule's trading window, narrowed to {@code [from, to]} when given. */
    static List<Instant> tradable(ReplaySchedule schedule, Instant from, Instant to) {
        Instant lo = from != null ? from : schedule.tradeFrom();
        Instant hi = to != null ? to : schedule.tradeTo();
        return schedule.closeTimes().stream()
                .filter(t -> (lo == null || !t.isBefore(lo)) && (hi == null || !t.isAfter(hi)))
                .toList();
    }

    String displayPath(Path p) {
        Path wd = context().workingDirectory();
        return p.startsWith(wd) ? wd.relativize(p).toString() : p.toString();
    }
}
