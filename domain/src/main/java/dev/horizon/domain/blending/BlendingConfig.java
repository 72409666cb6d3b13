package dev.horizon.domain.blending;

import java.util.Objects;

/**
 * Parameters of the blending stage (PIPELINE.md §2).
 *
 * @param windowCycles  {@code [blending.window_cycles]}, cycles kept for the correlation (50)
 * @param minRows       {@code [blending.min_rows]}, aligned rows needed before Σ is estimated;
 *                      below it Σ = I (20)
 * @param ridgeLambda   {@code [blending.ridge_lambda]}, λ in {@code (Σ + λI) w = μ} (0.15)
 * @param costLambda    λ_c in {@code μ = max(IC − λ_c·cost_share, floor)} (0.5)
 * @param targetFloor   the floor of μ, so a model with a non-positive IC still gets a small
 *                      target (0.01)
 * @param temperatures  {@code [blending.temperature]} per horizon
 */
public record BlendingConfig(int windowCycles, int minRows, double ridgeLambda, double costLambda,
                             double targetFloor, TemperatureSchedule temperatures) {

    public BlendingConfig {
        Objects.requireNonNull(temperatures, "temperatures");
        if (windowCycles <= 0) {
            throw new IllegalArgumentException("blending.window_cycles must be positive, was " + windowCycles);
        }
        if (minRows < 2) {
            throw new IllegalArgumentException("blending.min_rows must be at least 2 (a correlation needs two rows),"
                    + " was " + minRows);
        }
        if (!(ridgeLambda >= 0) || Double.isInfinite(ridgeLambda)) {
            throw new IllegalArgumentException("blending.ridge_lambda must be a finite number >= 0, was " + ridgeLambda);
        }
        if (!(costLambda >= 0) || Double.isInfinite(costLambda)) {
            throw new IllegalArgumentException("blending cost lambda must be a finite number >= 0, was " + costLambda);
        }
        if (!(targetFloor > 0) || Double.isInfinite(targetFloor)) {
            throw new IllegalArgumentException("blending target floor must be a finite number > 0, was " + targetFloor);
        }
    }

    /** The design defaults: 50 cycles, 20 rows, λ 0.15, λ_c 0.5, floor 0.01, default temperatures. */
    public static BlendingConfig defaults() {
        return new BlendingConfig(50, 20, 0.15, 0.5, 0.01, TemperatureSchedule.defaults());
    }
}
