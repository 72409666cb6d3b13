package dev.horizon.adapters.model.onnx;

import dev.horizon.domain.market.Horizon;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a training target to the horizon it predicts: an explicit entry of
 * {@code model.horizon_targets} first, else the horizon carried in the name ({@code ret_5m},
 * {@code will_peak_5m}, {@code will_valley_5m}).
 */
final class TargetHorizons {

    private static final Pattern NAMED = Pattern.compile("(?:ret|will_peak|will_valley)_([1-9][0-9]*[mhd])");

    private final Map<String, String> explicit;
    private final int sessionMinutes;

    TargetHorizons(Map<String, String> explicit, int sessionMinutes) {
        this.explicit = Map.copyOf(explicit);
        this.sessionMinutes = sessionMinutes;
    }

    /**
     * @throws ModelProblem when the target carries no horizon and is not mapped, or the mapped
     *                      label is not a horizon
     */
    Horizon horizonOf(String target) {
        String label = explicit.get(target);
        if (label == null) {
            Matcher m = NAMED.matcher(target);
            if (!m.matches()) {
                throw new ModelProblem("cannot tell the horizon of target '" + target + "': name it ret_<h>,"
                        + " will_peak_<h> or will_valley_<h> (e.g. ret_5m), or map it in model.horizon_targets");
            }
            label = m.group(1);
        }
        try {
            return Horizon.parse(label, sessionMinutes);
        } catch (IllegalArgumentException e) {
            throw new ModelProblem("target '" + target + "' maps to " + ModelProblem.oneLine(e.getMessage()), e);
        }
    }
}
