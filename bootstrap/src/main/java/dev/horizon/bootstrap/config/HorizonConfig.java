package dev.horizon.bootstrap.config;

import dev.horizon.bootstrap.spi.AdapterKind;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated configuration: the engine's own sections and the adapter chosen for each kind.
 *
 * @param source        how errors name the config, e.g. {@code config.yaml} (the path as given)
 * @param baseDirectory where relative paths in it are resolved
 * @param core          the engine's sections
 * @param adapters      one selected adapter per {@link AdapterKind}
 */
public record HorizonConfig(String source, Path baseDirectory, CoreConfig core, Map<AdapterKind, SelectedAdapter> adapters) {

    public HorizonConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(core, "core");
        EnumMap<AdapterKind, SelectedAdapter> copy = new EnumMap<>(AdapterKind.class);
        copy.putAll(adapters);
        for (AdapterKind kind : AdapterKind.values()) {
            if (!copy.containsKey(kind)) {
                throw new IllegalArgumentException("no " + kind.label() + " adapter selected");
            }
        }
        adapters = Collections.unmodifiableMap(copy);
    }

    /** The adapter selected for {@code kind}. */
    public SelectedAdapter adapter(AdapterKind kind) {
        return adapters.get(kind);
    }

    /** Keys that make this config trade real money (e.g. {@code alpaca.environment}); empty for paper. */
    public List<String> liveTradingKeys() {
        return adapters.values().stream().map(SelectedAdapter::liveTradingKey).flatMap(Optional::stream)
                .distinct().toList();
    }

    /** Whether the market data replays history (the engine then runs on a simulated clock). */
    public boolean replay() {
        return adapter(AdapterKind.MARKET_DATA).replaysHistory();
    }
}
