package dev.horizon.adapters.model.onnx;

import java.util.Map;
import java.util.Objects;

/**
 * How the ONNX model registry checks and maps the models of a run directory.
 *
 * @param barIntervalMinutes    the engine's bar interval in minutes ({@code engine.bar_interval});
 *                              every model's {@code interval_minutes} must equal it
 * @param allowIntervalMismatch accept models trained on another interval
 *                              ({@code model.allow_interval_mismatch})
 * @param sessionMinutes        minutes in one trading session, the length of {@code 1d}
 * @param horizonTargets        explicit target → horizon label ({@code model.horizon_targets}),
 *                              e.g. {@code fwd_ret → 15m}; consulted before the horizon in the
 *                              target's name
 * @param intraOpThreads        ONNX Runtime threads per model run; 1 suits the small models run
 *                              once per cycle, and keeps results independent of the machine
 */
public record OnnxModelOptions(int barIntervalMinutes, boolean allowIntervalMismatch, int sessionMinutes,
                               Map<String, String> horizonTargets, int intraOpThreads) {

    public OnnxModelOptions {
        if (barIntervalMinutes <= 0) {
            throw new IllegalArgumentException("bar interval must be positive, was " + barIntervalMinutes + " minutes");
        }
        if (sessionMinutes <= 0) {
            throw new IllegalArgumentException("session minutes must be positive, was " + sessionMinutes);
        }
        if (intraOpThreads <= 0) {
            throw new IllegalArgumentException("intra-op threads must be positive, was " + intraOpThreads);
        }
        horizonTargets = Map.copyOf(Objects.requireNonNull(horizonTargets, "horizonTargets"));
    }

    /** Strict checks, no explicit target map, one thread per run. */
    public static OnnxModelOptions of(int barIntervalMinutes, int sessionMinutes) {
        return new OnnxModelOptions(barIntervalMinutes, false, sessionMinutes, Map.of(), 1);
    }

    /** A copy that accepts models trained on another bar interval. */
    public OnnxModelOptions allowingIntervalMismatch() {
        return new OnnxModelOptions(barIntervalMinutes, true, sessionMinutes, horizonTargets, intraOpThreads);
    }

    /** A copy with the explicit target → horizon label map. */
    public OnnxModelOptions withHorizonTargets(Map<String, String> targets) {
        return new OnnxModelOptions(barIntervalMinutes, allowIntervalMismatch, sessionMinutes, targets, intraOpThreads);
    }
}
