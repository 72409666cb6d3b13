package dev.horizon.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.adapters.broker.paper.PaperBroker;
import dev.horizon.adapters.broker.paper.PaperBrokerConfig;
import dev.horizon.adapters.data.replay.DemoData;
import dev.horizon.adapters.data.replay.ReplayFeed;
import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.application.port.BrokerPosition;
import dev.horizon.application.port.StateStore;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.snapshot.EngineSnapshot;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash loop of TARGETS.md: {@code horizon run} on a paper account whose books live in their
 * own file (the broker outlives the engine, as a real one does) is SIGKILLed at seeded random
 * moments and restarted each time; at the end the broker's books and the engine's journal are
 * audited — no duplicate order, no lost or double-counted fill, positions and cash equal.
 *
 * <p>In the suite: 10 kills over 400 bars. The full run of the targets:
 * {@code -Dhorizon.crashloop.kills=50 -Dhorizon.crashloop.bars=2000}.
 */
class CrashLoopProcessTest {

    private static final int KILLS = Integer.getInteger("horizon.crashloop.kills", 10);
    private static final int BARS = Integer.getInteger("horizon.crashloop.bars", 400);
    private static final long SEED = Long.getLong("horizon.crashloop.seed", 20131129L);
    private static final Instant FROM = Instant.parse("2013-11-29T00:00:00Z");

    @TempDir
    Path dir;

    private Path config() throws Exception {
        Instant to = FROM.plus(Duration.ofMinutes(BARS));
        String yaml = """
                engine:
                  id: crashloop
                  universe: [BTC/USD]
                  bar_interval: 1m
                  calendar: always_open
                  lot_size: 0.0001
                horizons: [5m, 10m, 15m, 30m, 60m]
                broker:
                  type: paper
                  initial_cash: 100000
                  fee_bps: 1
                  account_file: books/broker.json
                market_data:
                  type: replay
                  demo: bitstamp_btc_usd
                  spread_bps: 1
                  trade_from: %s
                  trade_to: %s
                state:
                  type: sqlite
                  path: state/horizon.db
                models:
                  type: onnx
                  run_root: models
                  extract_demo_run: true
                reconciliation:
                  mode: strict
                """.formatted(FROM, to);
        return Files.writeString(dir.resolve("crashloop.yaml"), yaml);
    }

    @Test
    void sigkill_at_random_moments_never_duplicates_an_order_or_loses_a_fill() throws Exception {
        Path config = config();
        Random random = new Random(SEED);
        int killedRunning = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            // paced at 50 bars a second, so a run outlasts the kill window however fast the machine is
            try (HorizonProcess run = HorizonProcess.start(dir, Map.of(), "run", "--config", config.toString(),
                    "--speed", "3000")) {
                // startup (JVM, models, recovery) takes ~2 s: kills land in startup, recovery and cycles alike
                long delay = 500 + random.nextInt(4000);
                if (run.process.waitFor(delay, TimeUnit.MILLISECONDS)) {
                    assertThat(run.process.exitValue()).as(run.await().toString()).isZero();
                    break; // the replay finished before this kill
                }
                run.process.destroyForcibly(); // SIGKILL: no hook, no cleanup
                run.process.waitFor(30, TimeUnit.SECONDS);
                killedRunning++;
            }
        }
        HorizonProcess.Result last = HorizonProcess.run(dir, Map.of(), "run", "--config", config.toString());
        assertThat(last.exitCode()).as(last.toString()).isZero();
        assertThat(killedRunning).isPositive();

        audit(killedRunning);
    }

    private void audit(int kills) throws Exception {
        EngineSnapshot snapshot;
        List<JournalEntry> journal;
        try (StateStore store = SqliteStateStore.openReadOnly(dir.resolve("state/horizon.db"))) {
            snapshot = store.load().orElseThrow();
            journal = store.journal(0, Long.MAX_VALUE);
        }
        List<Order> intents = journal.stream().filter(e -> e instanceof JournalEntry.OrderIntent)
                .map(e -> ((JournalEntry.OrderIntent) e).order()).toList();
        List<String> journaledFills = journal.stream().filter(e -> e instanceof JournalEntry.FillRecorded)
                .map(e -> ((JournalEntry.FillRecorded) e).fill().fillId()).toList();
        assertThat(intents).as("the engine traded").isNotEmpty();
        assertThat(snapshot.state().hasUnfinishedCycle()).isFalse();
        assertThat(snapshot.state().openOrders()).isEmpty();

        SimulatedClock clock = new SimulatedClock(FROM.plus(Duration.ofMinutes(BARS)), MarketCalendar.alwaysOpen());
        ReplayFeed feed = ReplayFeed.builder(clock).spreadBps(1).add(DemoData.bitcoinMinuteBars()).build();
        try (PaperBroker broker = new PaperBroker(PaperBrokerConfig.of(new BigDecimal("100000"))
                .withStore(dir.resolve("books/broker.json")), feed, clock)) {
            List<Fill> brokerFills = broker.fillsSince(Instant.EPOCH);
            // no lost fill, none counted twice
            assertThat(journaledFills).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(brokerFills.stream().map(Fill::fillId).toList());
            // no duplicate order: client ids unique, every broker fill belongs to a journaled intent,
            // and no bar saw two orders for the same symbol and side (a crashed bar is never re-traded)
            assertThat(intents).extracting(Order::clientOrderId).doesNotHaveDuplicates();
            assertThat(brokerFills).allMatch(f -> intents.stream().anyMatch(i -> i.clientOrderId().equals(f.clientOrderId())));
            List<Order> placed = new ArrayList<>();
            intents.forEach(i -> broker.orderByClientId(i.clientOrderId()).ifPresent(placed::add));
            Map<String, Long> perBar = placed.stream().collect(Collectors.groupingBy(
                    o -> o.createdAt() + " " + o.symbol() + " " + o.side(), Collectors.counting()));
            assertThat(perBar.values()).allMatch(n -> n == 1);
            // the ledgers agree
            Map<Symbol, BigDecimal> engine = new TreeMap<>();
            snapshot.state().positions().forEach((s, p) -> engine.put(s, p.shares().stripTrailingZeros()));
            Map<Symbol, BigDecimal> books = new TreeMap<>();
            for (BrokerPosition p : broker.positions()) {
                books.put(p.symbol(), p.quantity().stripTrailingZeros());
            }
            assertThat(engine).isEqualTo(books);
            assertThat(snapshot.state().cash()).isEqualByComparingTo(broker.account().cash());
            System.out.printf("crash loop: %d SIGKILLs, %d cycles, %d orders, %d fills; 0 duplicate orders, 0 lost"
                    + " fills, positions and cash equal%n", kills, snapshot.state().cycleSeq(), placed.size(),
                    brokerFills.size());
        }
    }
}
