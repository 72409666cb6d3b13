package dev.horizon.bootstrap.spi;

import com.google.inject.Module;
import java.util.Optional;

/**
 * An adapter a config can select by name: the extension point of the engine (ARCHITECTURE.md
 * "Adding an adapter").
 *
 * <p>A team adds a broker, a feed, a state store or a model source by implementing the port in
 * its own module, writing one {@code AdapterProvider} and registering it in
 * {@code META-INF/services/dev.horizon.bootstrap.spi.AdapterProvider}. Bootstrap finds it with
 * {@link java.util.ServiceLoader}, reads its config section into {@link #configType()} (unknown
 * keys are errors, {@code ${ENV}} is substituted, {@link dev.horizon.bootstrap.config.Secret}
 * components must come from the environment or a {@code <key>_file}), and installs the
 * {@link #module module} it returns. Nothing in the existing code changes.
 *
 * <p>What the module must bind, by {@link #kind()}:
 * <ul>
 *   <li>{@code BROKER}: {@link dev.horizon.application.port.BrokerPort};</li>
 *   <li>{@code MARKET_DATA}: {@link dev.horizon.application.port.MarketDataPort}, and
 *       {@link ReplaySchedule} when {@link #replaysHistory} is true;</li>
 *   <li>{@code STATE_STORE}: {@link StateStoreFactory};</li>
 *   <li>{@code MODELS}: {@link dev.horizon.application.port.ModelPort}.</li>
 * </ul>
 * It may inject the {@link AdapterEnvironment}, the engine's {@link dev.horizon.application.port.Clock}
 * and the ports of the other kinds (a paper broker fills against the
 * {@link dev.horizon.application.port.MarketDataPort}). It binds only its own things. Ports that
 * are {@link AutoCloseable} are closed by bootstrap at shutdown.
 *
 * @param <C> the config record read from the adapter's section (a record with snake_case keys;
 *            missing keys arrive as {@code null}, so give defaults in its compact constructor)
 */
public interface AdapterProvider<C> {

    /** What the adapter provides. */
    AdapterKind kind();

    /** The name the config selects it by ({@code broker.type: <name>}): lower case, e.g. {@code paper}. */
    String name();

    /** The record its config section is read into. */
    Class<C> configType();

    /**
     * Where its settings live: {@code null} (the default) for the kind's own section, beside
     * {@code type} (e.g. {@code broker: {type: paper, fee_bps: 1}}); or the name of a top-level
     * section that several providers share (e.g. {@code alpaca}, read by the Alpaca broker and
     * the Alpaca feed alike).
     */
    default String section() {
        return null;
    }

    /** The Guice module binding the adapter, configured by {@code config}. */
    Module module(C config, AdapterEnvironment environment);

    /**
     * The key that makes this configuration trade real money (e.g. {@code alpaca.environment}),
     * or empty for a paper or simulated adapter. Bootstrap refuses such a config unless the
     * operator also passes {@code --i-understand-live-trading} or sets {@code HORIZON_LIVE=1}.
     */
    default Optional<String> liveTradingKey(C config) {
        return Optional.empty();
    }

    /**
     * For market data: true when the feed replays history, so the engine runs on a simulated
     * clock stepped through {@link ReplaySchedule#closeTimes()} instead of the wall clock.
     */
    default boolean replaysHistory(C config) {
        return false;
    }
}
