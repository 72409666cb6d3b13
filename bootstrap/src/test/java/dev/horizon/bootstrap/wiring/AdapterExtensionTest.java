package dev.horizon.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.bootstrap.config.ConfigLoader;
import dev.horizon.bootstrap.config.HorizonConfig;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterRegistry;
import dev.horizon.bootstrap.spi.ReplaySchedule;
import dev.horizon.bootstrap.testadapter.CountingBrokerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team's adapter, found by ServiceLoader and chosen by name, runs the engine with nothing else changed. */
class AdapterExtensionTest {

    @TempDir
    Path dir;

    @Test
    void service_loader_finds_the_built_in_adapters_and_one_from_another_module() {
        AdapterRegistry registry = AdapterRegistry.discover(getClass().getClassLoader());
        assertThat(registry.names(AdapterKind.BROKER)).containsExactly("alpaca", "counting", "paper");
        assertThat(registry.names(AdapterKind.MARKET_DATA)).containsExactly("alpaca", "replay", "simulated");
        assertThat(registry.names(AdapterKind.STATE_STORE)).containsExactly("json", "sqlite");
        assertThat(registry.names(AdapterKind.MODELS)).containsExactly("onnx");
        assertThat(registry.find(AdapterKind.BROKER, "counting")).get().isInstanceOf(CountingBrokerProvider.class);
    }

    @Test
    void an_engine_assembled_with_broker_type_counting_sends_its_orders_through_that_adapter() throws Exception {
        String yaml = """
                engine: {id: ext, universe: [BTC/USD], calendar: always_open, lot_size: 0.0001}
                horizons: [5m, 10m, 15m, 30m, 60m]
                broker: {type: counting, api_key: "${KEY}"}
                market_data: {type: replay, demo: bitstamp_btc_usd, spread_bps: 1, trade_from: 2013-11-29T00:00:00Z}
                state: {type: json, directory: var/state}
                models: {run_root: var/models, extract_demo_run: true}
                """;
        HorizonConfig config = new ConfigLoader(AdapterRegistry.discover(getClass().getClassLoader()),
                Map.of("KEY", "k")::get).parse(yaml, dir, "ext.yaml");

        int orders = 0;
        try (EngineAssembly assembly = EngineAssembly.open(config, EngineAssembly.Options.quiet())) {
            assertThat(assembly.broker().getClass().getSimpleName()).isEqualTo("CountingBroker");
            SimulatedClock clock = assembly.simulatedClock().orElseThrow();
            ReplaySchedule schedule = assembly.schedule().orElseThrow();
            List<Instant> closes = schedule.closeTimes().stream().filter(t -> !t.isBefore(schedule.tradeFrom()))
                    .limit(150).toList();
            clock.set(closes.get(0).minusMillis(1));
            assembly.engine().start();
            for (Instant t : closes) {
                clock.set(t);
                Optional<CycleResult> r = assembly.engine().runCycle(t);
                orders += r.map(c -> c.orders().size()).orElse(0);
            }
        }
        List<String> log = Files.readAllLines(dir.resolve("var/counting.log"));
        assertThat(orders).isPositive();
        assertThat(log.stream().filter(l -> l.startsWith("submit hz-ext-")).count()).isEqualTo(orders);
        assertThat(dir.resolve("var/state/engine_state.json")).exists();
    }
}
