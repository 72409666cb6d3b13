package dev.horizon.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterRegistry;
import dev.horizon.bootstrap.testadapter.CountingBrokerProvider;
import dev.horizon.bootstrap.wiring.PaperBrokerProvider;
import dev.horizon.bootstrap.wiring.ReplayFeedProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config errors name the key path and say what to do; secrets only from the environment or a file. */
class ConfigLoaderTest {

    private static final String MINIMAL = """
            engine:
              universe: [BTC/USD]
              calendar: always_open
            market_data:
              type: replay
              demo: bitstamp_btc_usd
            models:
              run_root: runs/demo
            """;

    @TempDir
    Path dir;

    private final AdapterRegistry registry = AdapterRegistry.discover(getClass().getClassLoader());
    private Map<String, String> env = Map.of();

    private HorizonConfig parse(String yaml) {
        return new ConfigLoader(registry, env::get).parse(yaml, dir, "config.yaml");
    }

    private ConfigException failure(String yaml) {
        try {
            parse(yaml);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a config error");
    }

    @Test
    void every_key_has_a_default_and_the_adapters_default_to_paper_replay_sqlite_onnx() {
        HorizonConfig c = parse(MINIMAL);
        assertThat(c.core().risk().maxDailyLoss()).isEqualTo(0.02);
        assertThat(c.core().risk().maxDrawdown()).isEqualTo(0.10);
        assertThat(c.core().sizing().noTradeBand()).isEqualTo(0.008);
        assertThat(c.core().gating().maxQuoteAge()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.core().horizons()).containsExactly("5m", "10m", "15m", "30m", "60m", "1d");
        assertThat(c.adapter(AdapterKind.BROKER).name()).isEqualTo("paper");
        assertThat(c.adapter(AdapterKind.STATE_STORE).name()).isEqualTo("sqlite");
        assertThat(c.adapter(AdapterKind.MODELS).name()).isEqualTo("onnx");
        assertThat(c.adapter(AdapterKind.BROKER).config(PaperBrokerProvider.Settings.class).feeBps()).isEqualByComparingTo("1");
        assertThat(c.replay()).isTrue();
    }

    @Test
    void unknown_key_names_its_full_path_and_suggests_the_closest_known_key() {
        ConfigException e = failure(MINIMAL + "risk:\n  max_daly_loss: 0.02\n");
        assertThat(e.line("config.yaml")).isEqualTo("config.yaml: risk.max_daly_loss: unknown key; did you mean max_daily_loss?");
    }

    @Test
    void unknown_key_in_an_adapter_section_is_checked_against_that_adapter_keys() {
        ConfigException e = failure(MINIMAL.replace("  demo: bitstamp_btc_usd", "  demo: bitstamp_btc_usd\n  sprad_bps: 3"));
        assertThat(e.getMessage()).isEqualTo("market_data.sprad_bps: unknown key; did you mean spread_bps?");
    }

    @Test
    void unknown_top_level_section_is_refused_with_a_suggestion() {
        assertThat(failure(MINIMAL + "rsk:\n  max_drawdown: 0.1\n").getMessage())
                .isEqualTo("rsk: unknown key; did you mean risk?");
    }

    @Test
    void a_unit_suffix_key_from_the_design_points_to_the_duration_key() {
        assertThat(failure(MINIMAL + "risk:\n  cooldown_seconds: 5\n").getMessage())
                .isEqualTo("risk.cooldown_seconds: unknown key; did you mean cooldown?");
    }

    @Test
    void fraction_given_as_a_percent_is_refused_with_the_fraction_it_meant() {
        assertThat(failure(MINIMAL + "risk:\n  max_daily_loss: 50\n").getMessage())
                .isEqualTo("risk.max_daily_loss: 50 looks like a percent; fractions are written as 0.5");
        assertThat(failure(MINIMAL + "sizing:\n  max_weight: 5\n").getMessage())
                .isEqualTo("sizing.max_weight: 5 looks like a percent; fractions are written as 0.05");
        assertThat(failure(MINIMAL + "risk:\n  max_gross: 150\n").getMessage())
                .isEqualTo("risk.max_gross: 150 looks like a percent; fractions are written as 1.5");
    }

    @Test
    void gross_leverage_above_one_is_a_fraction_not_a_percent() {
        assertThat(parse(MINIMAL + "risk:\n  max_gross: 2\n").core().risk().maxGross()).isEqualTo(2.0);
    }

    @Test
    void a_duration_without_a_unit_is_refused_with_the_key() {
        assertThat(failure(MINIMAL + "risk:\n  cooldown: 30\n").getMessage())
                .isEqualTo("risk.cooldown: 30 needs a unit: write it as e.g. 30s or 30m (ms, s, m, h, d)");
        assertThat(failure(MINIMAL.replace("calendar: always_open", "calendar: always_open\n  bar_interval: 5x"))
                .getMessage()).startsWith("engine.bar_interval: '5x' is not a duration");
    }

    @Test
    void durations_take_units() {
        HorizonConfig c = parse(MINIMAL + "risk:\n  cooldown: 2m\nexecution:\n  order_timeout: 45s\n");
        assertThat(c.core().risk().cooldown()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.core().execution().orderTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void a_value_of_the_wrong_kind_names_the_key_and_the_expected_kind() {
        assertThat(failure(MINIMAL + "sizing:\n  rho_window: lots\n").getMessage())
                .isEqualTo("sizing.rho_window: 'lots' is not a whole number");
    }

    @Test
    void unknown_adapter_lists_the_known_names_including_ones_from_other_modules() {
        assertThat(failure(MINIMAL + "broker:\n  type: ibkr\n").getMessage())
                .isEqualTo("broker.type: unknown broker adapter 'ibkr'; known: alpaca, counting, paper");
    }

    @Test
    void environment_variables_are_substituted_and_a_missing_one_is_named() {
        String yaml = MINIMAL + "broker:\n  type: counting\n  api_key: ${COUNTING_API_KEY}\n";
        assertThat(failure(yaml).getMessage())
                .isEqualTo("broker.api_key: environment variable COUNTING_API_KEY is not set");
        env = Map.of("COUNTING_API_KEY", "k-123", "RUNS", "runs/x");
        HorizonConfig c = parse(yaml.replace("run_root: runs/demo", "run_root: ${RUNS}"));
        assertThat(c.adapter(AdapterKind.BROKER).config(CountingBrokerProvider.Settings.class).apiKey().reveal())
                .isEqualTo("k-123");
    }

    @Test
    void a_secret_written_in_the_yaml_itself_is_refused_without_echoing_it() {
        ConfigException e = failure(MINIMAL + "broker:\n  type: counting\n  api_key: hunter2\n");
        assertThat(e.getMessage()).isEqualTo("broker.api_key: secrets never go in the config itself: write ${ENV_NAME}"
                + " or api_key_file: <path>");
        assertThat(e.getMessage()).doesNotContain("hunter2");
    }

    @Test
    void a_secret_may_come_from_a_file_beside_the_config() throws Exception {
        Files.writeString(dir.resolve("key.txt"), "from-file\n");
        HorizonConfig c = parse(MINIMAL + "broker:\n  type: counting\n  api_key_file: key.txt\n");
        assertThat(c.adapter(AdapterKind.BROKER).config(CountingBrokerProvider.Settings.class).apiKey().reveal())
                .isEqualTo("from-file");
        assertThat(failure(MINIMAL + "broker:\n  type: counting\n  api_key_file: nope.txt\n").getMessage())
                .isEqualTo("broker.api_key_file: cannot read " + dir.resolve("nope.txt") + ": no such file");
    }

    @Test
    void the_effective_config_masks_secrets_and_shows_every_default() {
        env = Map.of("COUNTING_API_KEY", "planted-secret-value", "ADMIN_TOKEN", "admin-secret-value");
        HorizonConfig c = parse(MINIMAL + "broker:\n  type: counting\n  api_key: ${COUNTING_API_KEY}\n"
                + "admin:\n  bind: 127.0.0.1:8081\n  token: ${ADMIN_TOKEN}\n");
        String yaml = EffectiveConfig.yaml(c);
        assertThat(yaml).doesNotContain("planted-secret-value").doesNotContain("admin-secret-value")
                .contains("api_key: '****'").contains("token: '****'")
                .contains("max_daily_loss: 0.02").contains("cooldown: 5s").contains("type: counting");
        assertThat(c.toString()).doesNotContain("planted-secret-value");
    }

    @Test
    void the_admin_endpoint_on_without_a_token_is_refused() {
        assertThat(failure(MINIMAL + "admin:\n  bind: 127.0.0.1:8081\n").getMessage())
                .startsWith("admin.token: the admin endpoint is on");
    }

    @Test
    void an_adapter_reading_a_shared_section_refuses_settings_beside_its_type() {
        // the built-in adapters read their kind's section; a value check still names the full path
        assertThat(failure(MINIMAL.replace("demo: bitstamp_btc_usd", "demo: nasdaq")).getMessage())
                .isEqualTo("market_data.demo: 'nasdaq' is not one of aapl_daily, bitstamp_btc_usd");
        assertThat(ReplayFeedProvider.DEMO_DATA).contains("bitstamp_btc_usd");
    }

    @Test
    void invalid_yaml_names_the_line() {
        assertThat(failure("engine:\n  universe: [BTC/USD\n").getMessage()).startsWith("line ");
    }

    @Test
    void key_suggestions_use_edit_distance_then_prefixes() {
        assertThat(KeySuggestions.closest("max_drawdwn", java.util.List.of("max_drawdown", "max_daily_loss")))
                .contains("max_drawdown");
        assertThat(KeySuggestions.closest("zzz", java.util.List.of("max_drawdown"))).isEmpty();
    }
}
