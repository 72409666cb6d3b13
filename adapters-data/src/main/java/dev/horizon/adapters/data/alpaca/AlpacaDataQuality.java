package dev.horizon.adapters.data.alpaca;

/**
 * What the adapter flagged in Alpaca's data since start: nothing bad is passed on silently.
 *
 * @param flaggedQuotes quotes passed on although unusable (zero/negative/missing price, crossed
 *                      book) — the engine's spread gate refuses them; each is logged at WARN
 * @param futureQuotes  quotes stamped after the engine's clock, withheld
 * @param droppedBars   bars dropped as impossible (non-positive prices, high below low...), each
 *                      logged at WARN
 */
public record AlpacaDataQuality(long flaggedQuotes, long futureQuotes, long droppedBars) {
}
