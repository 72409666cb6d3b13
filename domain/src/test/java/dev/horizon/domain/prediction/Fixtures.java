package dev.horizon.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.horizon.domain.market.Horizon;
import java.util.List;

/** Shared test helpers. */
final class Fixtures {

    static final int US_SESSION = 390;

    private Fixtures() {
    }

    /** GOLDEN.md compares with a relative tolerance of 1e-12. */
    static void assertRel(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
    }

    static Horizon horizon(String label) {
        return Horizon.parse(label, US_SESSION);
    }

    static ModelSpec regression(String id, String horizon, double trainingIc) {
        String target = "ret_" + horizon;
        return new ModelSpec(id, target, id.substring(id.indexOf('/') + 1), horizon(horizon), ModelKind.REGRESSION,
                InputMode.FEATURES, List.of("ret_1d"), trainingIc, 0, List.of(), "none");
    }

    static ModelSpec barrier(String id, String horizon) {
        return new ModelSpec(id, "will_peak_" + horizon, "Lgbm", horizon(horizon), ModelKind.PROBABILITY,
                InputMode.FEATURES, List.of("ret_1d"), Double.NaN, 0, List.of(), "none");
    }
}
