package dev.horizon.domain.gating;

import java.util.Objects;

/**
 * The barrier gate's verdict on one symbol.
 *
 * @param status what the gate decided
 * @param factor the gate factor g for sizing, in [g_min, 1]; 1 when the gate is off or the
 *               probabilities are invalid
 * @param reason {@code peak_prob 0.62 > 0.60}, {@code valley_prob 0.57 > 0.55},
 *               {@code invalid_barrier_prob}, {@code barrier_exit: peak_prob 0.70 > 0.65}, or empty
 *               when nothing was restricted
 */
public record BarrierVerdict(Status status, double factor, String reason) {

    /** The outcomes of the barrier gate. */
    public enum Status {
        /** No barrier models: the gate does nothing. */
        OFF,
        /** The entry is allowed, scaled by the factor. */
        ALLOWED,
        /** New risk in the candidate direction is blocked; a reduction still passes. */
        BLOCKED,
        /** The held position is to be closed: target 0. */
        EXIT
    }

    public BarrierVerdict {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * The target the gate lets through: 0 on an exit signal, only the reducing part of
     * {@code proposed} when blocked (the gate never blocks a reduction), else {@code proposed}.
     */
    public double allowedTarget(double current, double proposed) {
        return switch (status) {
            case OFF, ALLOWED -> proposed;
            case BLOCKED -> Exposure.reductionOnly(current, proposed);
            case EXIT -> 0.0;
        };
    }
}
