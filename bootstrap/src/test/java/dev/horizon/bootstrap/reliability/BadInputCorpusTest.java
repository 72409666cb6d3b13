package dev.horizon.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.bootstrap.cli.Cli;
import dev.horizon.bootstrap.cli.CliContext;
import dev.horizon.bootstrap.spi.AdapterRegistry;
import dev.horizon.bootstrap.training.DemoModelRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus of TARGETS.md, at the command line: every case is exactly one line on
 * stderr naming the file or key and what to do, exit code 2, no stack trace, and no order sent
 * (the paper account holds no order). Bad market data inside a running engine —
 * NaN, zero, negative, crossed and stale quotes, gaps — is held with a reason instead; those cases
 * are in the engine's {@code BadMarketDataTest}.
 */
class BadInputCorpusTest {

    @TempDir
    Path dir;

    private static final String CONFIG = """
            engine:
              id: corpus
              universe: [BTC/USD]
              calendar: always_open
              lot_size: 0.0001
            horizons: [5m, 10m, 15m, 30m, 60m]
            broker:
              account_file: books/broker.json
            market_data:
              type: replay
              %s
              spread_bps: 1
              trade_from: 2013-11-29T00:00:00Z
            state:
              %s
            models:
              run_root: %s
              extract_demo_run: %s
            """;

    private record Outcome(int exitCode, String out, String err) {
        String line() {
            return err.strip();
        }
    }

    @BeforeEach
    void cleanSlate() throws Exception {
        Files.createDirectories(dir.resolve("state"));
    }

    private Outcome horizon(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), env::get, dir,
                AdapterRegistry.discover(getClass().getClassLoader())));
        return new Outcome(code, out.toString(), err.toString());
    }

    private Path config(String data, String state, String runRoot, boolean extract) throws Exception {
        return Files.writeString(dir.resolve("horizon.yaml"), CONFIG.formatted(data, state, runRoot, extract));
    }

    private Path demoConfig() throws Exception {
        return config("demo: bitstamp_btc_usd", "path: state/horizon.db", "models", true);
    }

    /** One line, exit 2, the expected words, no stack trace, and no order could have been sent. */
    /** A cycle over a replay of {@code csv} as bars.csv is refused with a line holding {@code words}. */
    private void assertBarFileRefused(String csv, String... words) throws Exception {
        Files.writeString(dir.resolve("bars.csv"), csv);
        assertRefused(horizon(Map.of(), "cycle", "--config",
                config("bars: bars.csv\n  symbol: BTC/USD", "path: state/horizon.db", "models", true).toString()),
                words);
    }

    private void assertRefused(Outcome r, String... words) throws Exception {
        System.out.println("corpus: " + r.line());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> !l.isBlank())).as(r.err()).hasSize(1);
        assertThat(r.line()).startsWith("horizon: ").contains(words);
        assertThat(r.err() + r.out()).doesNotContain("Exception").doesNotContain("\tat ");
        Path books = dir.resolve("books/broker.json");
        if (Files.exists(books)) {
            assertThat(Files.readString(books)).as("no order in the paper account").doesNotContain("hz-corpus-");
        }
    }

    @Test
    void a_corrupt_sqlite_state_file() throws Exception {
        Files.write(dir.resolve("state/horizon.db"), "not a database, just bytes".repeat(200).getBytes(StandardCharsets.UTF_8));
        assertRefused(horizon(Map.of(), "cycle", "--config", demoConfig().toString()), "state/horizon.db");
    }

    @Test
    void a_truncated_sqlite_state_file() throws Exception {
        Path config = demoConfig();
        Outcome first = horizon(Map.of(), "cycle", "--config", config.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        Files.delete(dir.resolve("books/broker.json"));
        Path db = dir.resolve("state/horizon.db");
        byte[] bytes = Files.readAllBytes(db);
        Files.write(db, java.util.Arrays.copyOf(bytes, 100));
        Files.deleteIfExists(dir.resolve("state/horizon.db-wal"));
        assertRefused(horizon(Map.of(), "cycle", "--config", config.toString()), "state/horizon.db");
    }

    @Test
    void an_empty_json_state_file() throws Exception {
        Path config = config("demo: bitstamp_btc_usd", "type: json\n  directory: state/json", "models", true);
        Files.createDirectories(dir.resolve("state/json"));
        Files.write(dir.resolve("state/json/engine_state.json"), new byte[0]);
        assertRefused(horizon(Map.of(), "cycle", "--config", config.toString()), "engine_state.json");
    }

    @Test
    void a_corrupt_json_state_file() throws Exception {
        Path config = config("demo: bitstamp_btc_usd", "type: json\n  directory: state/json", "models", true);
        Files.createDirectories(dir.resolve("state/json"));
        Files.writeString(dir.resolve("state/json/engine_state.json"), "{\"portfolio_value\": 1000, \"cash\": ");
        assertRefused(horizon(Map.of(), "cycle", "--config", config.toString()), "state/json");
    }

    @Test
    void a_bar_file_with_a_nan_price() throws Exception {
        assertBarFileRefused("""
                timestamp,open,high,low,close,volume
                2024-01-02T14:30:00Z,100,101,99,100.5,1000
                2024-01-02T14:31:00Z,100.5,NaN,99,100.2,1000
                """, "bars.csv:3");
    }

    @Test
    void a_bar_file_with_a_zero_or_negative_price() throws Exception {
        assertBarFileRefused("""
                timestamp,open,high,low,close,volume
                2024-01-02T14:30:00Z,100,101,99,100.5,1000
                2024-01-02T14:31:00Z,100.5,101,-1,100.2,1000
                """, "bars.csv:3");
    }

    @Test
    void a_bar_file_missing_a_column() throws Exception {
        assertBarFileRefused("""
                timestamp,open,high,close,volume
                2024-01-02T14:30:00Z,100,101,100.5,1000
                """, "bars.csv", "low");
    }

    @Test
    void an_unknown_config_key() throws Exception {
        Path config = demoConfig();
        Files.writeString(config, Files.readString(config) + "risk:\n  max_dialy_loss: 0.02\n");
        assertRefused(horizon(Map.of(), "cycle", "--config", config.toString()),
                "risk.max_dialy_loss", "did you mean max_daily_loss");
    }

    @Test
    void a_percent_given_for_a_fraction() throws Exception {
        Path config = demoConfig();
        Files.writeString(config, Files.readString(config) + "risk:\n  max_daily_loss: 2\n");
        assertRefused(horizon(Map.of(), "cycle", "--config", config.toString()), "risk.max_daily_loss", "percent");
    }

    @Test
    void a_missing_secret() throws Exception {
        Path config = demoConfig();
        Files.writeString(config, Files.readString(config)
                + "admin:\n  bind: 127.0.0.1:0\n  token: ${HORIZON_ADMIN_TOKEN}\n");
        assertRefused(horizon(Map.of(), "cycle", "--config", config.toString()), "HORIZON_ADMIN_TOKEN");
    }

    @Test
    void a_model_whose_checksum_does_not_match() throws Exception {
        Path run = DemoModelRun.extractTo(dir.resolve("run"));
        Path onnx = run.resolve("targets/ret_5m/models/view=CROSS_SECTIONAL/family=Ridge/model.onnx");
        byte[] bytes = Files.readAllBytes(onnx);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(onnx, bytes);
        assertRefused(horizon(Map.of(), "cycle", "--config",
                config("demo: bitstamp_btc_usd", "path: state/horizon.db", "run", false).toString()),
                "family=Ridge", "checksum");
    }

    @Test
    void a_model_with_an_unknown_feature() throws Exception {
        Path run = DemoModelRun.extractTo(dir.resolve("run"));
        Path meta = run.resolve("targets/ret_5m/models/view=CROSS_SECTIONAL/family=Ridge/model_meta.json");
        Files.writeString(meta, Files.readString(meta).replaceFirst("\"ret_1d\"", "\"ret_1dd\""));
        assertRefused(horizon(Map.of(), "cycle", "--config",
                config("demo: bitstamp_btc_usd", "path: state/horizon.db", "run", false).toString()),
                "family=Ridge", "ret_1dd");
    }

    @Test
    void a_horizon_that_is_not_a_horizon() throws Exception {
        Path config = demoConfig();
        Files.writeString(config, Files.readString(config).replace("[5m, 10m, 15m, 30m, 60m]", "[5m, 10x]"));
        assertRefused(horizon(Map.of(), "cycle", "--config", config.toString()), "horizons", "10x");
    }

    @Test
    void an_unknown_adapter() throws Exception {
        Path config = demoConfig();
        Files.writeString(config, Files.readString(config).replace("broker:\n", "broker:\n  type: ibkr\n"));
        assertRefused(horizon(Map.of(), "cycle", "--config", config.toString()), "broker.type", "ibkr", "paper");
    }
}
