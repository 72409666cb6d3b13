package dev.horizon.adapters.data.replay;

/**
 * What instant a CSV bar's timestamp names. Most bar files stamp a bar with the time it
 * <em>opened</em>; the engine sees bars at their close, so an open-stamped bar is moved to
 * open + interval when it is read.
 */
public enum BarStamp {
    /** The timestamp is the start of the bar; its close is timestamp + interval. */
    OPEN,
    /** The timestamp is already the bar's close. */
    CLOSE
}
