package dev.horizon.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.adapters.model.onnx.OnnxModelOptions;
import dev.horizon.adapters.model.onnx.OnnxModelRegistry;
import dev.horizon.application.engine.CycleResult;
import dev.horizon.domain.features.FeatureLibrary;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark fixtures build what the benchmarks claim to measure (seconds; no timing). */
class FixturesSmokeTest {

    @Test
    void the_reference_run_has_four_return_models_per_horizon_and_two_barrier_models_that_onnx_loads(
            @TempDir Path dir) {
        int session = ReferenceScenario.CALENDAR.sessionMinutes();
        Path run = ReferenceRun.create(dir.resolve("run"));
        List<ModelSpec> specs = ReferenceRun.specs(run, session);

        assertThat(specs).hasSize(26);
        Map<String, Long> returnModelsPerHorizon = specs.stream().filter(s -> s.kind() == ModelKind.REGRESSION)
                .collect(Collectors.groupingBy(s -> s.horizon().label(), Collectors.counting()));
        assertThat(returnModelsPerHorizon).containsOnlyKeys(ReferenceScenario.HORIZON_LABELS)
                .allSatisfy((h, n) -> assertThat(n).isEqualTo(4));
        assertThat(specs).filteredOn(s -> s.kind() == ModelKind.PROBABILITY).extracting(ModelSpec::id)
                .containsExactly("will_peak_5m/Logistic", "will_valley_5m/Logistic");
        try (OnnxModelRegistry onnx = OnnxModelRegistry.open(run, OnnxModelOptions.of(1, session),
                FeatureLibrary::isKnown)) {
            // the stub sees exactly the inputs the ONNX models see
            assertThat(onnx.models()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("trainingIc")
                    .containsExactlyElementsOf(specs);
        }
    }

    @Test
    void a_stub_engine_runs_cycles_over_the_streaming_feed_and_predicts_every_symbol() {
        try (EngineFixture fixture = EngineFixture.streaming(20, EngineFixture.Models.STUB,
                EngineFixture.Store.MEMORY)) {
            CycleResult first = fixture.runNextCycle().orElseThrow();
            CycleResult second = fixture.runNextCycle().orElseThrow();

            assertThat(first.decisions()).hasSize(20);
            assertThat(second.time()).isEqualTo(first.time().plus(ReferenceScenario.BAR));
            assertThat(first.decisions().get(0).trace().values().get("models"))
                    .asInstanceOf(InstanceOfAssertFactories.MAP).hasSize(26);
        }
    }
}
