package dev.horizon.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.bootstrap.testsupport.DemoReplayConfig;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.snapshot.EngineSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code horizon} run as a real process, in a fresh working directory, as a user would. */
class CliProcessTest {

    private static final Pattern TRADES = Pattern.compile("(?m)^trades: (\\d+), fees ");
    private static final String SECRET = "planted-5ecret-8c41d2e7";

    /** A replay of the demo data with the test-only {@code counting} broker: a team's adapter. */
    static final String COUNTING_CONFIG = DemoReplayConfig.of("test", """
            broker:
              type: counting
              api_key: ${COUNTING_API_KEY}
            """) + """
            admin:
              bind: 127.0.0.1:0
              token: ${COUNTING_API_KEY}
            """;

    @TempDir
    Path dir;

    @Test
    void the_demo_trades_exits_0_and_writes_its_state_and_a_rerun_archives_it_and_trades_again() throws Exception {
        HorizonProcess.Result first = HorizonProcess.run(dir, Map.of(), "run", "--max-bars", "150");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        long trades = trades(first);
        assertThat(trades).as("the demo must trade").isPositive();
        Path state = dir.resolve("var/demo/state.db");
        try (SqliteStateStore store = SqliteStateStore.open(state)) {
            EngineSnapshot saved = store.load().orElseThrow();
            assertThat(saved.state().cycleSeq()).isEqualTo(150);
            assertThat(saved.state().completedCycleSeq()).isEqualTo(150);
            List<JournalEntry> journal = store.journal(0, Long.MAX_VALUE);
            assertThat(journal.stream().filter(e -> e instanceof JournalEntry.FillRecorded).count()).isEqualTo(trades);
            assertThat(journal.stream().filter(e -> e instanceof JournalEntry.OrderIntent).count()).isPositive();
            assertThat(journal.stream().filter(e -> e instanceof JournalEntry.DecisionRecorded).count()).isEqualTo(150);
        }
        assertThat(dir.resolve("var/demo/broker.json")).exists();

        HorizonProcess.Result again = HorizonProcess.run(dir, Map.of(), "run", "--max-bars", "100");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).contains("previous run archived to var/demo/previous");
        assertThat(dir.resolve("var/demo/previous/state.db")).exists();
        assertThat(trades(again)).as("a re-run starts fresh and trades again").isPositive();
        try (SqliteStateStore store = SqliteStateStore.open(state)) {
            assertThat(store.load().orElseThrow().state().cycleSeq()).isEqualTo(100);
        }
    }

    @Test
    void a_second_run_on_the_same_state_refuses_naming_the_pid_and_sigterm_stops_the_first_after_its_cycle()
            throws Exception {
        try (HorizonProcess first = HorizonProcess.start(dir, Map.of(), "run", "--speed", "600")) {
            first.awaitOutput("cycle ");

            HorizonProcess.Result second = HorizonProcess.run(dir, Map.of(), "run", "--max-bars", "5");
            assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(second.errorLines()).hasSize(1);
            assertThat(second.errorLines().get(0)).contains("in use by another engine (pid " + first.process.pid());

            first.process.destroy(); // SIGTERM on Linux
            HorizonProcess.Result stopped = first.await();

            assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
            assertThat(stopped.stdout()).contains("stopped (signal)");
            assertThat(stopped.stderr()).contains("SIGTERM received");
        }
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("var/demo/state.db"))) {
            EngineSnapshot saved = store.load().orElseThrow();
            assertThat(saved.state().cycleSeq()).isPositive();
            assertThat(saved.state().completedCycleSeq()).isEqualTo(saved.state().cycleSeq());
        }
    }

    /** A replay of simulated bars for 100 symbols: enough state that the engine checkpoints only every few cycles. */
    private static String simulatedConfig() {
        StringBuilder universe = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            universe.append(i == 0 ? "" : ", ").append(String.format("S%03d", i));
        }
        return """
                engine:
                  id: sim
                  universe: [%s]
                  calendar: always_open
                horizons: [5m, 10m, 15m, 30m, 60m]
                broker:
                  account_file: var/broker.json
                market_data:
                  type: simulated
                  bars: 5000
                state:
                  path: var/state.db
                models:
                  run_root: var/models
                  extract_demo_run: true
                """.formatted(universe);
    }

    /** The snapshot's cycle and the cycle the learned statistics were saved at. */
    private static long[] savedCycles(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT s.cycle, l.cycle FROM snapshot s JOIN learned l ON l.seq = s.learned_seq")) {
            return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : new long[] {0, 0};
        }
    }

    @Test
    void sigterm_saves_every_learned_statistic_before_the_engine_exits() throws Exception {
        Files.writeString(dir.resolve("sim.yaml"), simulatedConfig());
        Path db = dir.resolve("var/state.db");
        try (HorizonProcess engine = HorizonProcess.start(dir, Map.of(), "run", "--config", "sim.yaml", "--speed", "600")) {
            engine.awaitOutput("cycle ");
            // Between checkpoints the saved statistics lag the ledger (wait until a save shows it).
            long deadline = System.nanoTime() + HorizonProcess.TIMEOUT.toNanos();
            long[] cycles = savedCycles(db);
            while (cycles[1] >= cycles[0] && System.nanoTime() < deadline) {
                Thread.sleep(20);
                cycles = savedCycles(db);
            }
            assertThat(cycles[1]).as("statistics saved at cycle %d, ledger at %d", cycles[1], cycles[0])
                    .isLessThan(cycles[0]);

            engine.process.destroy(); // SIGTERM on Linux
            HorizonProcess.Result stopped = engine.await();

            assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
            assertThat(stopped.stdout()).contains("stopped (signal)");
        }
        long[] cycles = savedCycles(db);
        assertThat(cycles[0]).isPositive();
        assertThat(cycles[1]).as("the statistics are as of the last cycle").isEqualTo(cycles[0]);
    }

    @Test
    void each_bad_config_gives_one_line_on_stderr_naming_the_key_and_exit_2() throws Exception {
        Map<String, String> env = Map.of("COUNTING_API_KEY", SECRET);
        assertBadConfig(COUNTING_CONFIG.replace("  spread_bps: 1", "  spread_bsp: 1"), env,
                "horizon: bad.yaml: market_data.spread_bsp: unknown key; did you mean spread_bps?");
        assertBadConfig(COUNTING_CONFIG + "risk:\n  max_daily_loss: 50\n", env,
                "horizon: bad.yaml: risk.max_daily_loss: 50 looks like a percent; fractions are written as 0.5");
        assertBadConfig(COUNTING_CONFIG, Map.of(),
                "horizon: bad.yaml: broker.api_key: environment variable COUNTING_API_KEY is not set");
        assertBadConfig(COUNTING_CONFIG.replace("type: counting", "type: ibkr"), env,
                "horizon: bad.yaml: broker.type: unknown broker adapter 'ibkr'; known: alpaca, counting, paper");
        assertBadConfig(COUNTING_CONFIG.replace("  api_key: ${COUNTING_API_KEY}",
                        "  api_key: ${COUNTING_API_KEY}\n  environment: live"), env,
                "horizon: bad.yaml: broker.environment: this config trades real money;"
                        + " pass --i-understand-live-trading or set HORIZON_LIVE=1 to go live");
        assertBadConfig(COUNTING_CONFIG + "risk:\n  cooldown: 30\n", env,
                "horizon: bad.yaml: risk.cooldown: 30 needs a unit: write it as e.g. 30s or 30m (ms, s, m, h, d)");
    }

    private void assertBadConfig(String yaml, Map<String, String> env, String line) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), yaml);
        HorizonProcess.Result r = HorizonProcess.run(dir, env, "run", "--config", "bad.yaml");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errorLines()).as(r.toString()).containsExactly(line);
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void a_team_adapter_is_selected_by_name_and_its_planted_secret_appears_in_no_output_state_or_file()
            throws Exception {
        Files.writeString(dir.resolve("counting.yaml"), COUNTING_CONFIG);
        Map<String, String> env = Map.of("COUNTING_API_KEY", SECRET);
        StringBuilder outputs = new StringBuilder();

        HorizonProcess.Result run = HorizonProcess.run(dir, env, "run", "--config", "counting.yaml", "--max-bars", "120");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        outputs.append(run.stdout()).append(run.stderr());
        List<String> counted = Files.readAllLines(dir.resolve("var/counting.log"));
        assertThat(counted.get(0)).isEqualTo("opened with a key of " + SECRET.length() + " characters");
        assertThat(counted).as("the counting broker placed the orders").anyMatch(l -> l.startsWith("submit hz-test-"));
        assertThat(trades(run)).isPositive();

        for (String[] args : List.of(new String[] {"config", "validate", "counting.yaml"},
                new String[] {"status", "--config", "counting.yaml"},
                new String[] {"cycle", "--config", "counting.yaml"},
                new String[] {"run", "--config", "counting.yaml", "--max-bars", "2", "--debug"})) {
            HorizonProcess.Result r = HorizonProcess.run(dir, env, args);
            assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r).isZero();
            outputs.append(r.stdout()).append(r.stderr());
        }
        HorizonProcess.Result validate = HorizonProcess.run(dir, env, "config", "validate", "counting.yaml");
        assertThat(validate.stdout()).contains("api_key: '****'").contains("token: '****'");

        assertThat(outputs.toString()).doesNotContain(SECRET);
        try (Stream<Path> files = Files.walk(dir.getParent())) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.startsWith(dir)
                    || f.getParent().getFileName().toString().equals(dir.getFileName() + "-output")).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(content).as(f.toString()).doesNotContain(SECRET);
            }
        }
    }

    @Test
    void help_on_every_command_and_version_exit_0() throws Exception {
        List<List<String>> commands = List.of(List.of(), List.of("run"), List.of("backtest"), List.of("cycle"),
                List.of("status"), List.of("pause"), List.of("resume"), List.of("kill"), List.of("reset-kill"),
                List.of("features"), List.of("models", "verify"), List.of("config", "validate"));
        for (List<String> command : commands) {
            String[] args = Stream.concat(command.stream(), Stream.of("--help")).toArray(String[]::new);
            HorizonProcess.Result r = HorizonProcess.run(dir, Map.of(), args);
            assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r).isZero();
            assertThat(r.stdout()).contains("Usage: horizon" + (command.isEmpty() ? "" : " " + String.join(" ", command)));
        }
        HorizonProcess.Result version = HorizonProcess.run(dir, Map.of(), "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).startsWith("horizon 0.1.0");
    }

    @Test
    void an_unknown_option_is_one_line_and_exit_2() throws Exception {
        HorizonProcess.Result r = HorizonProcess.run(dir, Map.of(), "run", "--sped", "3");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errorLines()).hasSize(1);
        assertThat(r.errorLines().get(0)).startsWith("horizon run: Unknown option").endsWith("(see 'horizon run --help')");
    }

    private static long trades(HorizonProcess.Result r) {
        Matcher m = TRADES.matcher(r.stdout());
        assertThat(m.find()).as("summary line 'trades: N' in\n" + r).isTrue();
        return Long.parseLong(m.group(1));
    }
}
