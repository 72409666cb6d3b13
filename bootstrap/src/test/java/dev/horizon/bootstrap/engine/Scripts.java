package dev.horizon.bootstrap.engine;

import java.util.List;

/** Model scripts that steer the standardized score: the newest raw value ranks high or low in its window. */
final class Scripts {

    private Scripts() {
    }

    /** Each batch predicts more than the last: the standardized score is strongly positive. */
    static final ScriptedModelPort.Script RISING = (row, call) -> 0.0001 * (call + 1);

    /** Each batch predicts less than the last: strongly negative. */
    static final ScriptedModelPort.Script FALLING = (row, call) -> -0.0001 * (call + 1);

    /** Rising for {@code calls} batches, then falling. */
    static ScriptedModelPort.Script risingThenFalling(int calls) {
        return (row, call) -> call < calls ? 0.0001 * (call + 1) : 0.0001 * (2 * calls - call);
    }

    /** One return model per horizon of the harness, all running {@code script}, with training IC 0.3. */
    static ScriptedModelPort returnModels(ScriptedModelPort.Script script) {
        return new ScriptedModelPort()
                .regression("ret_5m", "Ridge", EngineHarness.H5, 0.3, List.of("ret_1d", "rsi_14"), script)
                .regression("ret_15m", "Ridge", EngineHarness.H15, 0.3, List.of("ret_1d", "rsi_14"), script);
    }
}
