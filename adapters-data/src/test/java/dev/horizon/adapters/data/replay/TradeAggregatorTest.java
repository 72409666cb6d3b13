package dev.horizon.adapters.data.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Symbol;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TradeAggregatorTest {

    private static final Symbol BTC = Symbol.of("BTC/USD");

    /** 2024-01-01T00:00:00Z = 1704067200. Nothing trades in the minute 00:01–00:02. */
    private static final String TRADES = """
            timestamp,price,amount
            1704067200,100,1
            1704067215,102,0.5
            1704067230,99,2
            1704067259,101,1.5
            1704067320,103,1
            1704067320,104,0.25
            1704067379,102.5,0.75
            1704067380,105,3
            """;

    private static CsvBars aggregate(TradeAggregator aggregator, String csv) {
        return aggregator.aggregate(new StringReader(csv), "trades.csv", BTC);
    }

    private static Instant at(String time) {
        return Instant.parse("2024-01-01T" + time + "Z");
    }

    @Test
    void one_minute_bars_are_hand_computed_ohlcv_stamped_at_the_interval_end_with_no_bar_for_an_empty_minute() {
        CsvBars bars = aggregate(TradeAggregator.of(Duration.ofMinutes(1)), TRADES);

        // 00:00–00:01: 100, 102, 99, 101 → O 100 H 102 L 99 C 101, V 1 + 0.5 + 2 + 1.5 = 5.
        // 00:01–00:02: no trade, no bar.
        // 00:02–00:03: 103, 104, 102.5 (the trade at exactly 00:02:00 opens this bar) → V 1 + 0.25 + 0.75 = 2.
        // 00:03–00:04: one trade at 105 → V 3.
        assertThat(bars.barsOf(BTC)).containsExactly(
                new Bar(BTC, at("00:01:00"), 100, 102, 99, 101, 5.0),
                new Bar(BTC, at("00:03:00"), 103, 104, 102.5, 102.5, 2.0),
                new Bar(BTC, at("00:04:00"), 105, 105, 105, 105, 3.0));
        assertThat(bars.skippedRows()).isZero();
    }

    @Test
    void five_minute_bars_cover_all_trades_of_the_interval() {
        CsvBars bars = aggregate(TradeAggregator.of(Duration.ofMinutes(5)), TRADES);

        assertThat(bars.barsOf(BTC)).containsExactly(new Bar(BTC, at("00:05:00"), 100, 105, 99, 105, 10.0));
    }

    @Test
    void iso_and_millisecond_timestamps_aggregate_the_same_way() {
        String iso = "Time,Price,Size\n2024-01-01T00:00:10Z,100,1\n2024-01-01 00:00:20,101,1\n2024-01-01T00:01:00Z,99,1\n";
        String millis = "timestamp,price,amount\n1704067210000,100,1\n1704067220000,101,1\n1704067260000,99,1\n";

        CsvBars fromIso = aggregate(TradeAggregator.of(Duration.ofMinutes(1)), iso);
        CsvBars fromMillis = aggregate(TradeAggregator.of(Duration.ofMinutes(1)), millis);

        assertThat(fromIso.barsOf(BTC)).containsExactly(new Bar(BTC, at("00:01:00"), 100, 101, 100, 101, 2),
                new Bar(BTC, at("00:02:00"), 99, 99, 99, 99, 1));
        assertThat(fromMillis.bars()).isEqualTo(fromIso.bars());
    }

    @Test
    void a_file_of_trades_is_read_from_disk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trades.csv");
        Files.writeString(file, TRADES);

        assertThat(TradeAggregator.of(Duration.ofMinutes(1)).aggregate(file, BTC).barsOf(BTC)).hasSize(3);
    }

    @Test
    void no_trades_give_no_bars_and_leave_the_symbol_out() {
        CsvBars bars = aggregate(TradeAggregator.of(Duration.ofMinutes(1)), "timestamp,price,amount\n");

        assertThat(bars.bars()).isEmpty();
    }

    @Test
    void a_missing_column_names_the_file_the_column_and_the_columns_found() {
        assertThatThrownBy(() -> aggregate(TradeAggregator.of(Duration.ofMinutes(1)), "timestamp,price\n1704067200,100\n"))
                .isInstanceOf(CsvDataException.class)
                .hasMessage("trades.csv: missing column 'amount' or 'size' or 'quantity' or 'volume'; found columns: timestamp, price");
    }

    static Stream<Arguments> badTrades() {
        return Stream.of(
                Arguments.of("unparseable price", "1704067215,abc,1", "price 'abc' is not a number"),
                Arguments.of("unparseable timestamp", "yesterday,100,1",
                        "timestamp 'yesterday' is neither ISO-8601 (2013-01-02, 2013-01-02T10:30:00Z) nor epoch seconds/milliseconds"),
                Arguments.of("zero price", "1704067215,0,1", "price 0.0 is not a finite positive price"),
                Arguments.of("negative price", "1704067215,-5,1", "price -5.0 is not a finite positive price"),
                Arguments.of("infinite price", "1704067215,Infinity,1", "price Infinity is not a finite positive price"),
                Arguments.of("negative amount", "1704067215,100,-1", "amount -1.0 is not a finite non-negative number"),
                Arguments.of("NaN amount", "1704067215,100,NaN", "amount NaN is not a finite non-negative number"),
                Arguments.of("time going backwards", "1704067199,100,1",
                        "trade at 2023-12-31T23:59:59Z goes back in time from 2024-01-01T00:00:00Z (line 2)"),
                Arguments.of("missing field", "1704067215,100", "expected 3 fields as in the header, found 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTrades")
    void a_bad_trade_fails_a_strict_read_naming_file_and_line(String name, String row, String problem) {
        String csv = "timestamp,price,amount\n1704067200,100,1\n" + row + "\n1704067230,101,1\n";

        assertThatThrownBy(() -> aggregate(TradeAggregator.of(Duration.ofMinutes(1)), csv))
                .isInstanceOf(CsvDataException.class)
                .hasMessage("trades.csv:3: " + problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTrades")
    void a_bad_trade_is_skipped_and_counted_by_a_lenient_read(String name, String row, String problem) {
        String csv = "timestamp,price,amount\n1704067200,100,1\n" + row + "\n1704067230,101,1\n";

        CsvBars bars = aggregate(TradeAggregator.of(Duration.ofMinutes(1)).withLenient(true), csv);

        assertThat(bars.skippedRows()).isEqualTo(1);
        assertThat(bars.problems()).containsExactly("trades.csv:3: " + problem);
        assertThat(bars.barsOf(BTC)).containsExactly(new Bar(BTC, at("00:01:00"), 100, 101, 100, 101, 2));
    }

    @Test
    void trades_sharing_a_timestamp_are_all_kept() {
        String csv = "timestamp,price,amount\n1704067200,100,1\n1704067200,100.5,2\n1704067200,99.5,0\n";

        assertThat(aggregate(TradeAggregator.of(Duration.ofMinutes(1)), csv).barsOf(BTC))
                .containsExactly(new Bar(BTC, at("00:01:00"), 100, 100.5, 99.5, 99.5, 3));
    }

    @Test
    void interval_must_be_at_least_a_millisecond() {
        assertThatThrownBy(() -> TradeAggregator.of(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bar interval must be at least 1ms, was PT0S");
    }
}
