package dev.horizon.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code horizon}: the root command; every operation is a subcommand. */
@Command(name = "horizon", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A live trading engine for model-driven strategies.",
        subcommands = {RunCommand.class, BacktestCommand.class, CycleCommand.class, StatusCommand.class,
                ControlCommandLine.Pause.class, ControlCommandLine.Resume.class, ControlCommandLine.Kill.class,
                ControlCommandLine.ResetKill.class, FeaturesCommand.class, ModelsCommand.class, ConfigCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 runtime failure, 2 bad usage or config.",
                "Run 'horizon run' with no arguments for the embedded demo."})
public final class HorizonCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    public HorizonCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    GlobalOptions global() {
        return global;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCodes.USAGE;
    }
}
