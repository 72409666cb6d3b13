package dev.horizon.bootstrap.wiring;

import static dev.horizon.bootstrap.config.Check.or;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.horizon.adapters.model.onnx.OnnxModelOptions;
import dev.horizon.adapters.model.onnx.OnnxModelRegistry;
import dev.horizon.application.port.ModelPort;
import dev.horizon.bootstrap.config.ConfigException;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterProvider;
import dev.horizon.bootstrap.training.DemoModelRun;
import dev.horizon.domain.features.FeatureLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code models.type: onnx} (the default): every model of a run directory, through ONNX Runtime. */
public final class OnnxModelsProvider implements AdapterProvider<OnnxModelsProvider.Settings> {

    /**
     * The {@code models} section.
     *
     * @param runRoot               the run directory ({@code targets/<target>/models/view=CROSS_SECTIONAL/family=<F>/})
     * @param extractDemoRun        copy the bundled demo run into {@code run_root} first (false)
     * @param allowIntervalMismatch accept models trained on another bar interval (false)
     * @param horizonTargets        target → horizon label for targets whose name carries none
     * @param intraOpThreads        ONNX Runtime threads per model run (1)
     */
    public record Settings(String runRoot, Boolean extractDemoRun, Boolean allowIntervalMismatch,
                           Map<String, String> horizonTargets, Integer intraOpThreads) {
        public Settings {
            if (runRoot == null || runRoot.isBlank()) {
                throw new ConfigException("models.run_root", "name the run directory of the models"
                        + " (models.run_root: runs/latest)");
            }
            extractDemoRun = or(extractDemoRun, false);
            allowIntervalMismatch = or(allowIntervalMismatch, false);
            horizonTargets = Map.copyOf(or(horizonTargets, Map.of()));
            intraOpThreads = or(intraOpThreads, 1);
            if (intraOpThreads < 1) {
                throw new ConfigException("models.intra_op_threads", intraOpThreads + " must be at least 1");
            }
        }
    }

    @Override
    public AdapterKind kind() {
        return AdapterKind.MODELS;
    }

    @Override
    public String name() {
        return "onnx";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public Module module(Settings s, AdapterEnvironment env) {
        return new AbstractModule() {
            @Provides
            @Singleton
            ModelPort models() {
                Path root = env.resolve(s.runRoot());
                if (s.extractDemoRun()) {
                    DemoModelRun.extractTo(root);
                } else if (!Files.isDirectory(root)) {
                    throw new ConfigException("models.run_root", root + " is not a directory");
                }
                return OnnxModelRegistry.open(root, options(s, env), FeatureLibrary::isKnown);
            }
        };
    }

    /** The registry options for {@code s} in {@code env}. */
    static OnnxModelOptions options(Settings s, AdapterEnvironment env) {
        OnnxModelOptions o = new OnnxModelOptions((int) env.barInterval().toMinutes(), s.allowIntervalMismatch(),
                env.calendar().sessionMinutes(), s.horizonTargets(), s.intraOpThreads());
        return o;
    }
}
