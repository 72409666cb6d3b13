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
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvBarReaderTest {

    private static final Symbol AAA = new Symbol("AAA");
    private static final Symbol BBB = new Symbol("BBB");
    private static final String HEADER = "timestamp,open,high,low,close,volume\n";

    private static CsvBars read(CsvBarFormat format, String csv, Symbol symbol) {
        return new CsvBarReader(format).read(new StringReader(csv), "bars.csv", symbol);
    }

    private static List<Instant> closeTimes(CsvBars bars, Symbol symbol) {
        return bars.barsOf(symbol).stream().map(Bar::closeTime).toList();
    }

    // ---- timestamps ----

    @Test
    void iso_timestamps_with_an_offset_are_taken_as_written() {
        CsvBars bars = read(CsvBarFormat.closeStamped(), HEADER
                + "2024-03-04T10:01:00Z,10,11,9,10,1\n"
                + "2024-03-04T11:02:00+01:00,10,11,9,10,1\n"
                + "2024-03-04T10:03:00.250Z,10,11,9,10,1\n", AAA);

        assertThat(closeTimes(bars, AAA)).containsExactly(Instant.parse("2024-03-04T10:01:00Z"),
                Instant.parse("2024-03-04T10:02:00Z"), Instant.parse("2024-03-04T10:03:00.250Z"));
    }

    @Test
    void iso_timestamps_without_a_zone_are_read_in_the_configured_zone() {
        String csv = HEADER + "2024-03-04T10:01:00,10,11,9,10,1\n" + "2024-03-04 10:02:00,10,11,9,10,1\n";

        assertThat(closeTimes(read(CsvBarFormat.closeStamped(), csv, AAA), AAA))
                .as("UTC by default").containsExactly(Instant.parse("2024-03-04T10:01:00Z"), Instant.parse("2024-03-04T10:02:00Z"));
        assertThat(closeTimes(read(CsvBarFormat.closeStamped().withZone(ZoneId.of("America/New_York")), csv, AAA), AAA))
                .as("New York, EST").containsExactly(Instant.parse("2024-03-04T15:01:00Z"), Instant.parse("2024-03-04T15:02:00Z"));
    }

    @Test
    void date_only_rows_close_at_the_daily_close_in_the_zone() {
        String csv = "date,open,high,low,close,volume\n2013-01-02,10,11,9,10,1\n2013-07-01,10,11,9,10,1\n";
        CsvBarFormat format = CsvBarFormat.closeStamped().withZone(ZoneId.of("America/New_York"))
                .withDailyClose(LocalTime.of(16, 0));

        // 16:00 New York: 21:00Z in winter (EST), 20:00Z in summer (EDT).
        assertThat(closeTimes(read(format, csv, AAA), AAA))
                .containsExactly(Instant.parse("2013-01-02T21:00:00Z"), Instant.parse("2013-07-01T20:00:00Z"));
    }

    @Test
    void date_only_rows_without_a_daily_close_are_midnight_under_the_stamp_rule() {
        String csv = "date,open,high,low,close,volume\n2013-01-02,10,11,9,10,1\n2013-01-03,10,11,9,10,1\n";

        assertThat(closeTimes(read(CsvBarFormat.openStamped(Duration.ofDays(1)), csv, AAA), AAA))
                .as("open-stamped daily bars close at the next midnight")
                .containsExactly(Instant.parse("2013-01-03T00:00:00Z"), Instant.parse("2013-01-04T00:00:00Z"));
        assertThat(closeTimes(read(CsvBarFormat.closeStamped(), csv, AAA), AAA))
                .containsExactly(Instant.parse("2013-01-02T00:00:00Z"), Instant.parse("2013-01-03T00:00:00Z"));
    }

    @Test
    void epoch_seconds_and_milliseconds_are_told_apart_by_magnitude() {
        // 1385337600 s and 1385337660000 ms: 2013-11-25T00:00Z and one minute later.
        CsvBars bars = read(CsvBarFormat.closeStamped(), HEADER
                + "1385337600,10,11,9,10,1\n"
                + "1385337660000,10,11,9,10,1\n"
                + "1385337720.5,10,11,9,10,1\n", AAA);

        assertThat(closeTimes(bars, AAA)).containsExactly(Instant.parse("2013-11-25T00:00:00Z"),
                Instant.parse("2013-11-25T00:01:00Z"), Instant.parse("2013-11-25T00:02:00.500Z"));
    }

    @Test
    void open_stamped_bars_are_moved_to_their_close() {
        String csv = HEADER + "2024-03-04T10:00:00Z,10,11,9,10,1\n2024-03-04T10:05:00Z,10,11,9,10,1\n";

        assertThat(closeTimes(read(CsvBarFormat.openStamped(Duration.ofMinutes(5)), csv, AAA), AAA))
                .containsExactly(Instant.parse("2024-03-04T10:05:00Z"), Instant.parse("2024-03-04T10:10:00Z"));
        assertThat(closeTimes(read(CsvBarFormat.closeStamped(), csv, AAA), AAA))
                .containsExactly(Instant.parse("2024-03-04T10:00:00Z"), Instant.parse("2024-03-04T10:05:00Z"));
    }

    @Test
    void open_stamped_format_needs_an_interval() {
        assertThatThrownBy(() -> new CsvBarFormat(BarStamp.OPEN, null, java.time.ZoneOffset.UTC, null, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("open-stamped bars need the bar interval");
    }

    // ---- columns and symbols ----

    @Test
    void values_come_from_the_header_whatever_the_order_and_case() {
        String csv = "\uFEFFVolume, Close ,LOW,High,Open,Timestamp,vwap\n"
                + "1500,\"10.5\",9.5,11,10,2024-03-04T10:01:00Z,10.2\n\n";

        CsvBars bars = read(CsvBarFormat.closeStamped(), csv, AAA);

        assertThat(bars.barsOf(AAA)).containsExactly(
                new Bar(AAA, Instant.parse("2024-03-04T10:01:00Z"), 10, 11, 9.5, 10.5, 1500));
        assertThat(bars.skippedRows()).isZero();
        assertThat(bars.source()).isEqualTo("bars.csv");
    }

    @Test
    void a_symbol_column_splits_the_rows_into_symbols() {
        String csv = "symbol,timestamp,open,high,low,close,volume\n"
                + "AAA,2024-03-04T10:01:00Z,10,11,9,10,1\n"
                + "bbb,2024-03-04T10:01:00Z,20,21,19,20,2\n"
                + "AAA,2024-03-04T10:02:00Z,10,11,9,10.5,3\n";

        CsvBars bars = new CsvBarReader(CsvBarFormat.closeStamped()).read(new StringReader(csv), "bars.csv", null);

        assertThat(bars.bars()).containsOnlyKeys(AAA, BBB);
        assertThat(bars.barsOf(AAA)).extracting(Bar::volume).containsExactly(1.0, 3.0);
        assertThat(bars.barsOf(BBB)).extracting(Bar::close).containsExactly(20.0);
    }

    @Test
    void a_file_per_symbol_takes_the_symbol_from_the_caller(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("aaa.csv");
        Files.writeString(file, HEADER + "2024-03-04T10:01:00Z,10,11,9,10,1\n");
        CsvBarReader reader = new CsvBarReader(CsvBarFormat.closeStamped());

        assertThat(reader.read(file, AAA).barsOf(AAA)).hasSize(1);
        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(CsvDataException.class)
                .hasMessage(file + ": missing column 'symbol'; found columns: timestamp, open, high, low, close, volume");
    }

    @Test
    void a_missing_column_names_the_file_the_column_and_the_columns_found() {
        String csv = "date,open,high,low,close\n2013-01-02,10,11,9,10\n";

        assertThatThrownBy(() -> read(CsvBarFormat.closeStamped(), csv, AAA))
                .isInstanceOf(CsvDataException.class)
                .hasMessage("bars.csv: missing column 'volume'; found columns: date, open, high, low, close");
        assertThatThrownBy(() -> read(CsvBarFormat.closeStamped(), "time,open,high,low,close,volume\n", AAA))
                .hasMessage("bars.csv: missing column 'timestamp' or 'date'; found columns: time, open, high, low, close, volume");
    }

    @Test
    void an_empty_file_or_repeated_column_is_refused() {
        assertThatThrownBy(() -> read(CsvBarFormat.closeStamped(), "", AAA))
                .isInstanceOf(CsvDataException.class)
                .hasMessageStartingWith("bars.csv: empty file, expected a header line");
        assertThatThrownBy(() -> read(CsvBarFormat.closeStamped(), "timestamp,open,high,low,close,volume,Close\n", AAA))
                .isInstanceOf(CsvDataException.class)
                .hasMessage("bars.csv:1: column 'close' appears twice in the header");
    }

    // ---- bad rows ----

    static Stream<Arguments> badRows() {
        return Stream.of(
                Arguments.of("unparseable number", "2024-03-04T10:02:00Z,10,11,9,ten,1",
                        "close 'ten' is not a number"),
                Arguments.of("unparseable timestamp", "2024-13-04T10:02:00Z,10,11,9,10,1",
                        "timestamp '2024-13-04T10:02:00Z' is neither ISO-8601 (2013-01-02, 2013-01-02T10:30:00Z) nor epoch seconds/milliseconds"),
                Arguments.of("empty timestamp", ",10,11,9,10,1", "timestamp is empty"),
                Arguments.of("zero price", "2024-03-04T10:02:00Z,0,11,9,10,1", "open 0.0 is not a finite positive price"),
                Arguments.of("negative price", "2024-03-04T10:02:00Z,10,11,-9,10,1", "low -9.0 is not a finite positive price"),
                Arguments.of("NaN price", "2024-03-04T10:02:00Z,10,NaN,9,10,1", "high NaN is not a finite positive price"),
                Arguments.of("infinite price", "2024-03-04T10:02:00Z,10,11,9,Infinity,1",
                        "close Infinity is not a finite positive price"),
                Arguments.of("high below low", "2024-03-04T10:02:00Z,9.8,9.5,10.0,9.9,1", "high 9.5 < low 10.0"),
                Arguments.of("open outside the range", "2024-03-04T10:02:00Z,12,11,9,10,1",
                        "open 12.0 is outside [low 9.0, high 11.0]"),
                Arguments.of("close outside the range", "2024-03-04T10:02:00Z,10,11,9,8.5,1",
                        "close 8.5 is outside [low 9.0, high 11.0]"),
                Arguments.of("negative volume", "2024-03-04T10:02:00Z,10,11,9,10,-1",
                        "volume -1.0 is not a finite non-negative number"),
                Arguments.of("duplicated time", "2024-03-04T10:01:00Z,10,11,9,10,1",
                        "AAA bar closing at 2024-03-04T10:01:00Z duplicates the time of line 2"),
                Arguments.of("time going backwards", "2024-03-04T10:00:00Z,10,11,9,10,1",
                        "AAA bar closing at 2024-03-04T10:00:00Z goes back in time from 2024-03-04T10:01:00Z (line 2)"),
                Arguments.of("missing field", "2024-03-04T10:02:00Z,10,11,9,10",
                        "expected 6 fields as in the header, found 5"),
                Arguments.of("extra field", "2024-03-04T10:02:00Z,10,11,9,10,1,7",
                        "expected 6 fields as in the header, found 7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void a_bad_row_fails_a_strict_read_naming_file_and_line(String name, String row, String problem) {
        String csv = HEADER + "2024-03-04T10:01:00Z,10,11,9,10,1\n" + row + "\n" + "2024-03-04T10:03:00Z,10,11,9,10,1\n";

        assertThatThrownBy(() -> read(CsvBarFormat.closeStamped(), csv, AAA))
                .isInstanceOf(CsvDataException.class)
                .hasMessage("bars.csv:3: " + problem)
                .satisfies(e -> assertThat(((CsvDataException) e).line()).isEqualTo(3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void a_bad_row_is_skipped_and_counted_by_a_lenient_read(String name, String row, String problem) {
        String csv = HEADER + "2024-03-04T10:01:00Z,10,11,9,10,1\n" + row + "\n" + "2024-03-04T10:03:00Z,10,11,9,10,1\n";

        CsvBars bars = read(CsvBarFormat.closeStamped().withLenient(true), csv, AAA);

        assertThat(bars.skippedRows()).isEqualTo(1);
        assertThat(bars.problems()).containsExactly("bars.csv:3: " + problem);
        assertThat(closeTimes(bars, AAA)).containsExactly(Instant.parse("2024-03-04T10:01:00Z"),
                Instant.parse("2024-03-04T10:03:00Z"));
    }

    @Test
    void an_invalid_symbol_in_the_symbol_column_is_a_bad_row() {
        String csv = "symbol,timestamp,open,high,low,close,volume\n"
                + "AAA,2024-03-04T10:01:00Z,10,11,9,10,1\n"
                + "A A,2024-03-04T10:01:00Z,10,11,9,10,1\n";
        CsvBarReader strict = new CsvBarReader(CsvBarFormat.closeStamped());
        CsvBarReader lenient = new CsvBarReader(CsvBarFormat.closeStamped().withLenient(true));

        assertThatThrownBy(() -> strict.read(new StringReader(csv), "bars.csv", null))
                .hasMessageStartingWith("bars.csv:3: invalid symbol 'A A'");
        assertThat(lenient.read(new StringReader(csv), "bars.csv", null).skippedRows()).isEqualTo(1);
    }

    @Test
    void order_is_checked_per_symbol_in_a_multi_symbol_file() {
        String csv = "symbol,timestamp,open,high,low,close,volume\n"
                + "AAA,2024-03-04T10:02:00Z,10,11,9,10,1\n"
                + "BBB,2024-03-04T10:01:00Z,10,11,9,10,1\n"
                + "AAA,2024-03-04T10:02:00Z,10,11,9,10,1\n";

        assertThatThrownBy(() -> new CsvBarReader(CsvBarFormat.closeStamped()).read(new StringReader(csv), "bars.csv", null))
                .hasMessage("bars.csv:4: AAA bar closing at 2024-03-04T10:02:00Z duplicates the time of line 2");
    }

    @Test
    void a_lenient_read_counts_every_bad_row_and_keeps_the_first_ten_messages() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 25; i++) {
            csv.append("2024-03-04T10:01:00Z,10,9,11,10,1\n");
        }
        csv.append("2024-03-04T10:01:00Z,10,11,9,10,1\n");

        CsvBars bars = read(CsvBarFormat.closeStamped().withLenient(true), csv.toString(), AAA);

        assertThat(bars.skippedRows()).isEqualTo(25);
        assertThat(bars.problems()).hasSize(CsvBars.MAX_PROBLEMS).first().isEqualTo("bars.csv:2: high 9.0 < low 11.0");
        assertThat(bars.barsOf(AAA)).hasSize(1);
    }
}
