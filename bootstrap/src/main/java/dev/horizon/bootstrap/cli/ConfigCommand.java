package dev.horizon.bootstrap.cli;

import dev.horizon.bootstrap.config.EffectiveConfig;
import dev.horizon.bootstrap.config.HorizonConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code horizon config validate F}. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Work with config files.",
        subcommands = ConfigCommand.Validate.class)
final class ConfigCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Validates a config and prints the effective values, secrets masked. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Validate a config and print the effective values (every default filled in, secrets masked).",
                    "Exit 0 when valid; 2 with one line naming the key when not."})
    static final class Validate extends CommandBase implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "The config (YAML).")
        Path file;

        @Override
        public Integer call() {
            HorizonConfig config = loadConfig(file);
            out().println("# effective config of " + file + " (valid)");
            if (!config.liveTradingKeys().isEmpty()) {
                out().println("# trades real money (" + String.join(", ", config.liveTradingKeys())
                        + "): run needs --i-understand-live-trading or HORIZON_LIVE=1");
            }
            out().print(EffectiveConfig.yaml(config));
            out().flush();
            return ExitCodes.OK;
        }
    }
}
