package dev.horizon.domain.prediction;

/**
 * What one maturation pass did, over all models.
 *
 * @param matured predictions matured and fed to the trackers
 * @param dropped predictions dropped since the previous pass (bar never came, or evicted)
 */
public record Maturation(int matured, long dropped) {
}
