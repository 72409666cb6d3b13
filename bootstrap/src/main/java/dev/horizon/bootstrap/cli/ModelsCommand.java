package dev.horizon.bootstrap.cli;

import dev.horizon.adapters.model.onnx.ModelReportRow;
import dev.horizon.adapters.model.onnx.OnnxModelOptions;
import dev.horizon.adapters.model.onnx.OnnxModelRegistry;
import dev.horizon.application.port.ModelException;
import dev.horizon.bootstrap.config.Durations;
import dev.horizon.domain.features.FeatureLibrary;
import dev.horizon.domain.market.MarketCalendar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code horizon models verify --run-root D}. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Work with model run directories.",
        subcommands = ModelsCommand.Verify.class)
final class ModelsCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Loads every model of a run directory with the engine's checks and prints a table. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Load every model of a run directory as the engine would: checksums, feature names,"
                    + " bar interval, ONNX inputs and outputs. Prints one row per model.",
                    "Exit 0 when every model loads; 2 with one line naming the model and the problem when one does not."})
    static final class Verify extends CommandBase implements Callable<Integer> {

        @Option(names = "--run-root", required = true, paramLabel = "DIR", description = "The run directory.")
        Path runRoot;

        @Option(names = "--bar-interval", defaultValue = "1m", paramLabel = "DURATION",
                description = "The engine's bar interval the models must match (default: ${DEFAULT-VALUE}).")
        String barInterval;

        @Option(names = "--calendar", defaultValue = "always_open", paramLabel = "always_open|us_equities",
                description = "The calendar that sets the length of a 1d horizon (default: ${DEFAULT-VALUE}).")
        String calendar;

        @Option(names = "--allow-interval-mismatch", description = "Accept models trained on another bar interval.")
        boolean allowMismatch;

        @Override
        public Integer call() {
            Path root = context().resolve(runRoot);
            if (!Files.isDirectory(root)) {
                throw CliError.usage("models verify: " + runRoot + " is not a directory");
            }
            Duration interval;
            try {
                interval = Durations.parse(barInterval);
            } catch (IllegalArgumentException e) {
                throw CliError.usage("models verify: --bar-interval: " + e.getMessage());
            }
            MarketCalendar cal = switch (calendar.toLowerCase(Locale.ROOT)) {
                case "always_open" -> MarketCalendar.alwaysOpen();
                case "us_equities" -> MarketCalendar.usEquities(java.util.Set.of());
                default -> throw CliError.usage("models verify: --calendar: '" + calendar
                        + "' is not one of always_open, us_equities");
            };
            OnnxModelOptions options = new OnnxModelOptions((int) interval.toMinutes(), allowMismatch,
                    cal.sessionMinutes(), Map.of(), 1);
            List<ModelReportRow> rows;
            try (OnnxModelRegistry registry = OnnxModelRegistry.open(root, options, FeatureLibrary::isKnown)) {
                rows = registry.report();
            } catch (ModelException e) {
                throw CliError.usage("models verify: " + Failures.oneLine(e.getMessage()));
            }
            print(rows);
            return ExitCodes.OK;
        }

        private void print(List<ModelReportRow> rows) {
            String format = "%-28s %-8s %-11s %-13s %8s %6s %8s  %s%n";
            out().printf(Locale.ROOT, format, "model", "horizon", "kind", "input", "features", "width", "ic", "checksum");
            for (ModelReportRow r : rows) {
                out().printf(Locale.ROOT, format, r.id(), r.horizon(), r.kind().name().toLowerCase(Locale.ROOT),
                        r.inputMode().name().toLowerCase(Locale.ROOT), r.featureCount(), r.inputWidth(),
                        Double.isNaN(r.ic()) ? "-" : String.format(Locale.ROOT, "%.4f", r.ic()),
                        r.checksum().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
            out().printf(Locale.ROOT, "%d model(s) verified in %s%n", rows.size(), runRoot);
            out().flush();
        }
    }
}
