package dev.horizon.bootstrap.config;

import com.google.inject.Module;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.bootstrap.spi.AdapterProvider;
import java.util.Objects;
import java.util.Optional;

/**
 * The adapter a config selected for one kind, with its validated config record.
 *
 * @param provider the provider named by {@code <kind>.type}
 * @param config   its config record, an instance of {@code provider.configType()}
 * @param section  the key path its settings were read from ({@code broker} or a shared section)
 */
public record SelectedAdapter(AdapterProvider<?> provider, Object config, String section) {

    public SelectedAdapter {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(section, "section");
        if (!provider.configType().isInstance(config)) {
            throw new IllegalArgumentException(config.getClass() + " is not a " + provider.configType());
        }
    }

    /** The adapter's name, e.g. {@code paper}. */
    public String name() {
        return provider.name();
    }

    /** The provider's Guice module for this config. */
    public Module module(AdapterEnvironment environment) {
        return typed(provider).module(cast(provider), environment);
    }

    /** The key that makes this adapter trade real money, if it does. */
    public Optional<String> liveTradingKey() {
        return typed(provider).liveTradingKey(cast(provider));
    }

    /** Whether this (market data) adapter replays history on a simulated clock. */
    public boolean replaysHistory() {
        return typed(provider).replaysHistory(cast(provider));
    }

    /** The config record as its own type. */
    public <C> C config(Class<C> type) {
        return type.cast(config);
    }

    @SuppressWarnings("unchecked")
    private static <C> AdapterProvider<C> typed(AdapterProvider<?> p) {
        return (AdapterProvider<C>) p;
    }

    private <C> C cast(AdapterProvider<?> p) {
        @SuppressWarnings("unchecked")
        C c = (C) p.configType().cast(config);
        return c;
    }
}
