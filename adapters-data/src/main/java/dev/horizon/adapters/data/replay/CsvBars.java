package dev.horizon.adapters.data.replay;

import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Symbol;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bars read from one CSV source, per symbol, oldest first with strictly increasing close times.
 *
 * @param source      the file or resource they came from, for reports
 * @param bars        the bars of each symbol found
 * @param skippedRows bad rows skipped by a lenient read (always 0 for a strict one)
 * @param problems    the messages of the first few skipped rows ({@code file:line: problem}),
 *                    at most {@link #MAX_PROBLEMS}, for the caller to report
 */
public record CsvBars(String source, Map<Symbol, List<Bar>> bars, long skippedRows, List<String> problems) {

    /** How many skipped-row messages are kept; the rest are only counted. */
    public static final int MAX_PROBLEMS = 10;

    public CsvBars {
        Map<Symbol, List<Bar>> copy = new LinkedHashMap<>();
        bars.forEach((symbol, list) -> copy.put(symbol, List.copyOf(list)));
        bars = Collections.unmodifiableMap(copy);
        problems = List.copyOf(problems);
    }

    /** The bars of {@code symbol}, empty when the source had none. */
    public List<Bar> barsOf(Symbol symbol) {
        return bars.getOrDefault(symbol, List.of());
    }

    /** Number of bars over all symbols. */
    public int barCount() {
        return bars.values().stream().mapToInt(List::size).sum();
    }
}
