package dev.horizon.bootstrap.cli;

import dev.horizon.application.backtest.BacktestResult;
import dev.horizon.application.backtest.BacktestRunner;
import dev.horizon.application.engine.TradingEngine;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.bootstrap.config.HorizonConfig;
import dev.horizon.bootstrap.config.SelectedAdapter;
import dev.horizon.bootstrap.demo.DemoSetup;
import dev.horizon.bootstrap.report.BacktestMetrics;
import dev.horizon.bootstrap.report.BacktestReport;
import dev.horizon.bootstrap.report.MetricsTable;
import dev.horizon.bootstrap.report.ProgressBar;
import dev.horizon.bootstrap.report.ReportFiles;
import dev.horizon.bootstrap.report.TradeOrigins;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterProvider;
import dev.horizon.bootstrap.spi.ReplaySchedule;
import dev.horizon.bootstrap.wiring.EngineAssembly;
import dev.horizon.bootstrap.wiring.EngineSettingsFactory;
import dev.horizon.bootstrap.wiring.PaperBrokerProvider;
import dev.horizon.bootstrap.wiring.SqliteStateProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code horizon backtest [--config F] [--from --to] --report DIR}: the config's replayed history
 * (no config: the embedded demo's) through the same engine, against a paper broker and a scratch
 * state (the configured broker and state are never touched), with its report files written to DIR
 * and its metrics table printed.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Replay the config's market data (no --config: the demo's) through the engine against a"
                + " paper broker and a scratch state (the configured broker and state are not touched).",
                "Writes metrics.json, report.html, trades.csv, equity.csv and decisions.jsonl into --report DIR"
                        + " and prints the metrics table."})
final class BacktestCommand extends CommandBase implements Callable<Integer> {

    /** Least time between two progress lines when stdout is not a terminal. */
    private static final long PROGRESS_LINE_MILLIS = 2000;
    private static final DateTimeFormatter BAR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    @Option(names = "--config", paramLabel = "FILE", description = "The config (YAML); its market data must replay"
            + " (default: the embedded demo, its models extracted to a scratch directory).")
    Path config;

    @Option(names = "--from", paramLabel = "WHEN", description = "First bar close to trade: 2013-11-29 or 2013-11-29T12:00:00Z"
            + " (default: market_data.trade_from, else the first bar).")
    String from;

    @Option(names = "--to", paramLabel = "WHEN", description = "Last bar close to trade (a date means its end; default: the last bar).")
    String to;

    @Option(names = "--report", required = true, paramLabel = "DIR", description = "Where the report files go (created).")
    Path report;

    @Option(names = "--max-bars", paramLabel = "N", description = "Stop after N cycles.")
    Long maxBars;

    @Override
    public Integer call() throws IOException {
        String source = config != null ? config.toString() : DemoSetup.CONFIG;
        Instant fromTime = when("--from", from, false);
        Instant toTime = when("--to", to, true);
        if (maxBars != null && maxBars < 1) {
            throw CliError.usage("backtest: --max-bars must be >= 1, was " + maxBars);
        }
        HorizonConfig loaded = config != null ? loadConfig(config) : null;
        if (loaded != null && !loaded.replay()) {
            throw CliError.usage(config + ": market_data.type: " + loaded.adapter(AdapterKind.MARKET_DATA).name()
                    + " is live data; a backtest needs replayed data (market_data.type: replay or simulated)");
        }
        Path reportDir = context().resolve(report);
        Files.createDirectories(reportDir);
        Path scratch = Files.createTempDirectory("horizon-backtest-");
        try {
            // the demo's relative paths (its extracted models) resolve inside the scratch directory
            HorizonConfig cfg = loaded != null ? loaded : DemoSetup.config(loader(), scratch);
            return run(scratchConfig(cfg, scratch), source, reportDir, fromTime, toTime);
        } finally {
            deleteTree(scratch);
        }
    }

    private int run(HorizonConfig cfg, String source, Path reportDir, Instant fromTime, Instant toTime) throws IOException {
        EngineAssembly assembly;
        try {
            assembly = EngineAssembly.open(cfg, EngineAssembly.Options.quiet());
        } catch (RuntimeException e) {
            throw withSource(e, source);
        }
        try (assembly) {
            SimulatedClock clock = assembly.simulatedClock().orElseThrow();
            ReplaySchedule schedule = assembly.schedule().orElseThrow();
            List<Instant> closes = RunCommand.tradable(schedule, fromTime, toTime);
            if (maxBars != null && closes.size() > maxBars) {
                closes = closes.subList(0, (int) (long) maxBars);
            }
            if (closes.isEmpty()) {
                throw CliError.usage("backtest: no bars of " + source + "'s market data between "
                        + (fromTime != null ? fromTime : schedule.tradeFrom()) + " and " + (toTime != null ? toTime : "the end"));
            }
            clock.set(closes.get(0).minusMillis(1));
            TradingEngine engine = assembly.engine();
            engine.start();
            BigDecimal initialValue = engine.state().portfolioValue();
            Instant start = previousClose(schedule.closeTimes(), closes.get(0), assembly.settings().barInterval());
            TradeOrigins origins = new TradeOrigins();
            ProgressBar progress = new ProgressBar(out(), System.console() != null, PROGRESS_LINE_MILLIS, System::nanoTime);
            BacktestResult result;
            try (ReportFiles.Decisions decisions = new ReportFiles.Decisions(reportDir)) {
                result = new BacktestRunner(engine, clock).run(closes, closes.get(0), closes.get(closes.size() - 1),
                        (r, state, done, total) -> {
                            decisions.onCycle(r);
                            origins.record(r.cycleSeq(), r.decisions());
                            progress.update(done, total, r.time(), r.portfolioValue());
                        });
            } finally {
                progress.finish();
            }
            if (result.equity().isEmpty()) {
                throw new IllegalStateException("backtest: the engine ran no cycle between " + closes.get(0) + " and "
                        + closes.get(closes.size() - 1));
            }
            BacktestReport report = BacktestReport.of(reportDir, Path.of(source).getFileName().toString(), assembly.settings(),
                    EngineSettingsFactory.calendar(cfg.core().engine()), result, start, initialValue, origins);
            StringBuilder files = new StringBuilder();
            for (BacktestReport.Writer w : ReportFiles.writers()) {
                w.write(report);
                files.append(w.fileName()).append(", ");
            }
            files.append(ReportFiles.Decisions.FILE);
            BacktestMetrics m = report.metrics();
            out().printf(Locale.ROOT, "done: %d cycles from %s to %s in %.1f s%n", result.cycles(),
                    BAR_TIME.format(result.equity().get(0).time()), BAR_TIME.format(m.end()),
                    result.elapsed().toMillis() / 1000.0);
            out().println();
            out().print(MetricsTable.render(m));
            out().println();
            out().printf("report: %s (%s)%n", displayPath(reportDir), files);
            out().flush();
            return ExitCodes.OK;
        }
    }

    /**
     * When the initial portfolio value held: the bar close before {@code first} in the data, else
     * one bar before it.
     */
    static Instant previousClose(List<Instant> closes, Instant first, Duration barInterval) {
        int i = Collections.binarySearch(closes, first);
        return i > 0 ? closes.get(i - 1) : first.minus(barInterval);
    }

    /** The config with its broker replaced by a paper account and its state by SQLite, both in {@code scratch}. */
    private HorizonConfig scratchConfig(HorizonConfig cfg, Path scratch) {
        Map<AdapterKind, SelectedAdapter> adapters = new EnumMap<>(cfg.adapters());
        SelectedAdapter broker = cfg.adapter(AdapterKind.BROKER);
        PaperBrokerProvider.Settings paper = broker.config() instanceof PaperBrokerProvider.Settings p ? p
                : new PaperBrokerProvider.Settings(null, null, null, null, null, null, null);
        paper = new PaperBrokerProvider.Settings(paper.initialCash(), paper.feeBps(), paper.minFee(), paper.slippageBps(),
                paper.allowShort(), paper.partialFillFraction(), scratch.resolve("broker.json").toString());
        adapters.put(AdapterKind.BROKER, new SelectedAdapter(provider(AdapterKind.BROKER, "paper"), paper, "broker"));
        adapters.put(AdapterKind.STATE_STORE, new SelectedAdapter(provider(AdapterKind.STATE_STORE, "sqlite"),
                new SqliteStateProvider.Settings(scratch.resolve("state.db").toString()), "state"));
        return new HorizonConfig(cfg.source(), cfg.baseDirectory(), cfg.core(), adapters);
    }

    private AdapterProvider<?> provider(AdapterKind kind, String name) {
        return context().registry().find(kind, name).orElseThrow(() ->
                new IllegalStateException("the built-in " + name + " " + kind.label() + " adapter is not on the class path"));
    }

    private static Instant when(String option, String text, boolean endOfDay) {
        if (text == null) {
            return null;
        }
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(text);
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw CliError.usage("backtest: " + option + ": '" + text + "' is not a date or instant"
                    + " (2013-11-29 or 2013-11-29T12:00:00Z)");
        }
    }

    private String displayPath(Path p) {
        Path wd = context().workingDirectory();
        return p.startsWith(wd) ? wd.relativize(p).toString() : p.toString();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a scratch directory left in the temp dir is harmless
        }
    }
}
