package dev.horizon.adapters.data.replay;

import dev.horizon.domain.market.Bar;
import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A read-only window {@code [from, to)} onto a symbol's bar array. Answers share the feed's
 * immutable bars instead of copying them, so asking for the last 500 bars costs the same as
 * asking for one.
 */
final class BarListView extends AbstractList<Bar> implements RandomAccess {

    private final Bar[] bars;
    private final int from;
    private final int size;

    BarListView(Bar[] bars, int from, int to) {
        this.bars = bars;
        this.from = from;
        this.size = to - from;
    }

    @Override
    public Bar get(int index) {
        Objects.checkIndex(index, size);
        return bars[from + index];
    }

    @Override
    public int size() {
        return size;
    }
}
