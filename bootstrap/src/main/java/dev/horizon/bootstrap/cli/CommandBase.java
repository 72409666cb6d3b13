package dev.horizon.bootstrap.cli;

import dev.horizon.bootstrap.config.ConfigException;
import dev.horizon.bootstrap.config.ConfigLoader;
import dev.horizon.bootstrap.config.HorizonConfig;
import dev.horizon.bootstrap.wiring.EngineSettingsFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What the subcommands share: the context, the global options, loading a config. */
abstract class CommandBase {

    /** The environment variable that allows live trading, like {@code --i-understand-live-trading}. */
    static final String LIVE_VARIABLE = "HORIZON_LIVE";

    @Spec
    CommandSpec spec;

    CliContext context() {
        return ((HorizonCommand) spec.root().userObject()).context();
    }

    GlobalOptions global() {
        return ((HorizonCommand) spec.root().userObject()).global();
    }

    PrintWriter out() {
        return context().out();
    }

    PrintWriter err() {
        return context().err();
    }

    ConfigLoader loader() {
        return new ConfigLoader(context().registry(), context().environment());
    }

    /**
     * Loads and fully validates the config at {@code file} (the engine settings included).
     *
     * @throws CliError exit 2, one line naming the file and the key
     */
    HorizonConfig loadConfig(Path file) {
        Path resolved = context().resolve(file);
        try {
            HorizonConfig loaded = loader().load(resolved);
            EngineSettingsFactory.settings(loaded.core());
            // errors name the file as the user wrote it
            return new HorizonConfig(file.toString(), loaded.baseDirectory(), loaded.core(), loaded.adapters());
        } catch (ConfigException e) {
            throw CliError.usage(e.line(file.toString()));
        }
    }

    /** Applies {@code logging.format} unless {@code --log-format} was given. */
    void applyLogging(HorizonConfig config) {
        if (global().logFormat() == null && !config.core().logging().format().equals("human")) {
            dev.horizon.bootstrap.observability.Logging.configure(config.core().logging().format(), global().debug());
        }
    }

    /**
     * Refuses a config that trades real money unless the operator said so with the flag or
     * {@code HORIZON_LIVE=1}.
     */
    void requireLiveConsent(HorizonConfig config, boolean flag) {
        List<String> keys = config.liveTradingKeys();
        if (keys.isEmpty() || flag || "1".equals(context().environment().apply(LIVE_VARIABLE))) {
            return;
        }
        throw CliError.usage(config.source() + ": " + keys.get(0) + ": this config trades real money;"
                + " pass --i-understand-live-trading or set HORIZON_LIVE=1 to go live");
    }

    /** Wraps a config problem found after loading (e.g. by an adapter) with the file name. */
    static RuntimeException withSource(RuntimeException e, String source) {
        if (e instanceof ConfigException ce) {
            return CliError.usage(ce.line(source));
        }
        return e;
    }
}
