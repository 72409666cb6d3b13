package dev.horizon.bootstrap.spi;

import java.util.Locale;

/** The four kinds of adapter a config selects by name, each with the config section that names it. */
public enum AdapterKind {
    /** {@code broker.type}: binds {@link dev.horizon.application.port.BrokerPort}. */
    BROKER("broker", "paper"),
    /** {@code market_data.type}: binds {@link dev.horizon.application.port.MarketDataPort}. */
    MARKET_DATA("market_data", "replay"),
    /** {@code state.type}: binds {@link StateStoreFactory}. */
    STATE_STORE("state", "sqlite"),
    /** {@code models.type}: binds {@link dev.horizon.application.port.ModelPort}. */
    MODELS("models", "onnx");

    private final String section;
    private final String defaultType;

    AdapterKind(String section, String defaultType) {
        this.section = section;
        this.defaultType = defaultType;
    }

    /** The config section whose {@code type} key selects the adapter, e.g. {@code market_data}. */
    public String section() {
        return section;
    }

    /** The adapter used when the section names none. */
    public String defaultType() {
        return defaultType;
    }

    /** How errors and listings name the kind, e.g. {@code market data}. */
    public String label() {
        return section.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
