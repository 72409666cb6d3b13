package dev.horizon.bootstrap.testsupport;

/**
 * The config the process and wiring tests share: BTC/USD on the bundled demo minute bars,
 * replayed from the held-out days, five horizons, SQLite state and the demo model run under
 * {@code var/}. Each test names its engine and its broker and appends its own sections.
 */
public final class DemoReplayConfig {

    private DemoReplayConfig() {
    }

    /**
     * The config for engine {@code id} with {@code broker} (the whole {@code broker:} section,
     * ending in a newline). Contains no {@code %}, so a caller may append a format string.
     */
    public static String of(String id, String broker) {
        return """
                engine:
                  id: %s
                  universe: [BTC/USD]
                  calendar: always_open
                  lot_size: 0.0001
                horizons: [5m, 10m, 15m, 30m, 60m]
                """.formatted(id) + broker + """
                market_data:
                  type: replay
                  demo: bitstamp_btc_usd
                  spread_bps: 1
                  trade_from: 2013-11-29T00:00:00Z
                state:
                  path: var/state.db
                models:
                  run_root: var/models
                  extract_demo_run: true
                """;
    }
}
