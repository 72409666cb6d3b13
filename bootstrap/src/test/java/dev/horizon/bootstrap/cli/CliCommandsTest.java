package dev.horizon.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.bootstrap.spi.AdapterRegistry;
import dev.horizon.bootstrap.testsupport.DemoReplayConfig;
import dev.horizon.bootstrap.training.DemoModelRun;
import dev.horizon.domain.features.FeatureLibrary;
import dev.horizon.domain.features.RollingFeatures;
import dev.horizon.domain.journal.JournalEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that need no process of their own, run in this JVM against a temporary working directory. */
class CliCommandsTest {

    /** The demo data replayed with a paper broker and SQLite state in the working directory. */
    static final String REPLAY_CONFIG = DemoReplayConfig.of("replay", """
            broker:
              account_file: var/broker.json
            """);

    @TempDir
    Path dir;

    private record Outcome(int exitCode, String out, String err) {
    }

    private Outcome horizon(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                Map.<String, String>of()::get, dir, AdapterRegistry.discover(getClass().getClassLoader())));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void features_prints_every_feature_at_every_bar_exactly_as_the_engine_library_computes_it() throws Exception {
        int n = 90;
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        double price = 100;
        Instant t = Instant.parse("2024-01-02T14:31:00Z");
        for (int i = 0; i < n; i++) {
            open[i] = price;
            close[i] = price * (1 + 0.002 * random.nextGaussian());
            high[i] = Math.max(open[i], close[i]) + 0.05;
            low[i] = Math.min(open[i], close[i]) - 0.05;
            volume[i] = 1000 + random.nextInt(500);
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s%n", t.plusSeconds(60L * i), open[i], high[i],
                    low[i], close[i], volume[i]));
            price = close[i];
        }
        Files.writeString(dir.resolve("bars.csv"), csv);

        Outcome r = horizon("features", "--bars", "bars.csv", "--out", "features.csv", "--history-bars", "80");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("features.csv"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(n + 1);
        assertThat(lines.get(0)).isEqualTo("timestamp," + String.join(",", FeatureLibrary.names()));
        double[][] expected = new RollingFeatures(80).computeAll(open, high, low, close, volume, n);
        for (int bar : new int[] {0, 25, 60, 89}) {
            String[] cells = lines.get(bar + 1).split(",");
            assertThat(cells[0]).isEqualTo(t.plusSeconds(60L * bar).toString());
            for (int f = 0; f < FeatureLibrary.size(); f++) {
                double value = Double.parseDouble(cells[f + 1]);
                assertThat(Double.compare(value, expected[bar][f])).as("bar %d %s", bar, FeatureLibrary.names().get(f))
                        .isZero();
            }
        }
        assertThat(lines.get(n).split(",")).noneMatch(c -> c.equals("NaN"));
    }

    @Test
    void features_of_a_missing_file_is_one_line_and_exit_2() {
        Outcome r = horizon("features", "--bars", "nope.csv");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("horizon: features: --bars nope.csv: no such file");
    }

    @Test
    void models_verify_lists_every_bundled_model_and_a_tampered_one_is_one_line_and_exit_2() throws Exception {
        DemoModelRun.extractTo(dir.resolve("run"));

        Outcome ok = horizon("models", "verify", "--run-root", "run");

        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("ret_5m/Conv1d", "ret_60m/GradientBoosting", "will_peak_5m/Logistic")
                .contains("13 model(s) verified in run");
        Path model = dir.resolve("run/targets/ret_15m/models/view=CROSS_SECTIONAL/family=Ridge/model.onnx");
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length - 1] ^= 1;
        Files.write(model, bytes);

        Outcome bad = horizon("models", "verify", "--run-root", "run");

        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err().lines().toList()).hasSize(1);
        assertThat(bad.err()).contains("family=Ridge").containsIgnoringCase("checksum");
    }

    @Test
    void backtest_writes_the_five_report_files_prints_the_metrics_and_leaves_the_configured_state_alone() throws Exception {
        Files.writeString(dir.resolve("replay.yaml"), REPLAY_CONFIG);

        Outcome r = horizon("backtest", "--config", "replay.yaml", "--from", "2013-11-29", "--report", "report",
                "--max-bars", "300");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("done: 300 cycles")
                .contains("report: report (metrics.json, report.html, trades.csv, equity.csv, decisions.jsonl)")
                .containsPattern("(?m)^Sharpe \\(annualised\\) .* × √525,600 \\(1m bars, 24/7\\); risk-free rate 0$")
                .contains("per horizon (by the decision that opened each lot):");
        List<String> decisions = Files.readAllLines(dir.resolve("report/decisions.jsonl"));
        assertThat(decisions).hasSize(300).allMatch(l -> l.startsWith("{\"type\":\"decision\""));
        List<String> trades = Files.readAllLines(dir.resolve("report/trades.csv"));
        assertThat(trades.get(0)).isEqualTo("time,symbol,side,quantity,price,fee,notional,client_order_id,cycle,horizon,"
                + "reason,fill_id");
        assertThat(trades.size() - 1L).as("fills").isPositive();
        assertThat(trades.get(1)).contains(",BTC/USD,", ",hz-replay-");
        List<String> equity = Files.readAllLines(dir.resolve("report/equity.csv"));
        assertThat(equity).hasSize(301);
        assertThat(equity.get(1)).startsWith("2013-11-29T00:00:00Z,");
        assertThat(dir.resolve("report/report.html")).isNotEmptyFile();
        assertThat(dir.resolve("var/state.db")).doesNotExist();
        assertThat(dir.resolve("var/broker.json")).doesNotExist();

        // the files agree with each other: every fill carries the horizon of its cycle's TRADE decision,
        // and metrics.json counts the fills, fees and final PV of trades.csv and equity.csv
        ObjectMapper json = new ObjectMapper();
        Map<Long, String> tradeHorizons = new HashMap<>();
        for (String line : decisions) {
            JsonNode d = json.readTree(line);
            if (d.at("/decision/decision").asText().equals("TRADE")) {
                tradeHorizons.put(d.get("cycle_seq").asLong(), d.at("/decision/horizon/label").asText());
            }
        }
        BigDecimal fees = BigDecimal.ZERO;
        for (String row : trades.subList(1, trades.size())) {
            String[] cells = row.split(",");
            assertThat(cells[9]).as(row).isEqualTo(tradeHorizons.get(Long.parseLong(cells[8])));
            fees = fees.add(new BigDecimal(cells[5]));
        }
        JsonNode metrics = json.readTree(dir.resolve("report/metrics.json").toFile());
        assertThat(metrics.get("cycles").asInt()).isEqualTo(300);
        assertThat(metrics.at("/annualisation/periods_per_year").asLong()).isEqualTo(525_600);
        assertThat(metrics.at("/trades/fills").asInt()).isEqualTo(trades.size() - 1);
        assertThat(metrics.at("/trades/fees").decimalValue()).isEqualByComparingTo(fees);
        assertThat(metrics.get("final_value").asDouble())
                .isEqualTo(Double.parseDouble(equity.get(300).split(",")[1]));
        int attributed = 0;
        for (JsonNode h : metrics.get("horizons")) {
            attributed += h.get("trades").asInt();
        }
        assertThat(attributed).as("every lot opened is attributed to a horizon").isPositive()
                .isLessThanOrEqualTo(trades.size() - 1);
    }

    @Test
    void the_aapl_daily_example_backtests_with_252_sessions_a_year() throws Exception {
        // the example as shipped, copied so its ../var paths land in the temporary directory
        Files.createDirectories(dir.resolve("examples"));
        Files.copy(Path.of("../examples/aapl-daily.yaml"), dir.resolve("examples/aapl-daily.yaml"));

        Outcome r = horizon("backtest", "--config", "examples/aapl-daily.yaml", "--report", "aapl");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("done: 148 cycles from 2013-06-03 20:00Z to 2013-12-31 21:00Z")
                .containsPattern("(?m)^Sharpe \\(annualised\\) .* × √252 \\(1d bars, 252 sessions a year\\)");
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("aapl/metrics.json").toFile());
        assertThat(metrics.at("/annualisation/periods_per_year").asLong()).isEqualTo(252);
        assertThat(metrics.at("/trades/fills").asInt()).as("the example trades").isPositive();
        assertThat(metrics.get("horizons").findValuesAsText("horizon")).isNotEmpty().allMatch(h -> h.endsWith("d"));
    }

    @Test
    void backtest_with_a_missing_config_is_one_line_and_exit_2() throws Exception {
        Outcome r = horizon("backtest", "--config", "missing.yaml", "--report", "r");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("horizon: missing.yaml: no such file; pass an existing config with --config");
    }

    @Test
    void operator_commands_on_a_stopped_engine_change_its_saved_state_and_are_journaled() throws Exception {
        Files.writeString(dir.resolve("replay.yaml"), REPLAY_CONFIG);
        Outcome cycle = horizon("cycle", "--config", "replay.yaml");
        assertThat(cycle.exitCode()).as(cycle.err()).isZero();
        assertThat(cycle.out()).startsWith("cycle 1 at 2013-11-29T00:00:00Z");

        Outcome paused = horizon("pause", "--config", "replay.yaml");
        assertThat(paused.exitCode()).as(paused.err()).isZero();
        assertThat(paused.out()).contains("pause: applied to the stopped engine's state");
        assertThat(horizon("status", "--config", "replay.yaml").out()).contains("paused       yes")
                .contains("engine stopped").contains("last cycle   1 at 2013-11-29T00:00:00Z");

        Outcome killed = horizon("kill", "--config", "replay.yaml", "--reason", "maintenance window");
        assertThat(killed.exitCode()).isZero();
        assertThat(horizon("status", "--config", "replay.yaml").out())
                .contains("kill switch  ACTIVE since").contains("maintenance window");

        assertThat(horizon("reset-kill", "--config", "replay.yaml").exitCode()).isZero();
        assertThat(horizon("resume", "--config", "replay.yaml").exitCode()).isZero();
        String status = horizon("status", "--config", "replay.yaml").out();
        assertThat(status).contains("kill switch  off").contains("paused       no");

        Outcome next = horizon("cycle", "--config", "replay.yaml");
        assertThat(next.out()).startsWith("cycle 2 at 2013-11-29T00:01:00Z");
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("var/state.db"))) {
            List<String> operator = new ArrayList<>();
            for (JournalEntry e : store.journal(0, Long.MAX_VALUE)) {
                if (e instanceof JournalEntry.RiskEvent re && re.kind().equals("operator")) {
                    operator.add(re.message());
                }
            }
            assertThat(operator).containsExactly("pause", "kill: maintenance window", "reset-kill", "resume");
        }
    }

    @Test
    void status_where_no_engine_ever_ran_says_so_in_one_line() {
        Outcome r = horizon("status");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).startsWith("horizon: status: no engine state at ")
                .endsWith("run the engine first (or pass the --config it runs with)");
    }

    @Test
    void config_validate_prints_the_effective_config() throws Exception {
        Files.writeString(dir.resolve("replay.yaml"), REPLAY_CONFIG);
        Outcome r = horizon("config", "validate", "replay.yaml");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("# effective config of replay.yaml (valid)")
                .contains("  max_daily_loss: 0.02").contains("  type: paper").contains("  trade_from: 2013-11-29T00:00:00Z");
    }
}
