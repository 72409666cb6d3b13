package dev.horizon.adapters.data.replay;

import dev.horizon.domain.market.Symbol;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * The real market history the demo runs on, shipped as classpath resources in this module's jar.
 *
 * <p>The build unpacks both files from the Maven Central artifact {@code org.ta4j:ta4j-examples:0.15}
 * into {@code dev/horizon/demo/}: a Bitstamp BTC/USD trade tape (100,000 trades, 2013-11-25 to
 * 2013-12-01, epoch seconds) and Apple's 2013 daily bars (252 sessions, date-only rows).
 */
public final class DemoData {

    /** The Bitstamp tape's symbol. */
    public static final Symbol BTC_USD = Symbol.of("BTC/USD");
    /** The daily bars' symbol. */
    public static final Symbol AAPL = Symbol.of("AAPL");
    /** Classpath resource of the Bitstamp trades ({@code timestamp,price,amount}). */
    public static final String BITSTAMP_TRADES = "/dev/horizon/demo/bitstamp_trades_from_20131125_usd.csv";
    /** Classpath resource of the AAPL daily bars ({@code date,open,high,low,close,volume}). */
    public static final String AAPL_DAILY = "/dev/horizon/demo/appleinc_bars_from_20130101_usd.csv";

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private DemoData() {
    }

    /** The BTC/USD trades as 1-minute bars (strict read). */
    public static CsvBars bitcoinMinuteBars() {
        return bitcoinBars(Duration.ofMinutes(1));
    }

    /** The BTC/USD trades as bars of {@code interval} (strict read). */
    public static CsvBars bitcoinBars(Duration interval) {
        TradeAggregator aggregator = TradeAggregator.of(interval);
        return read(BITSTAMP_TRADES, reader -> aggregator.aggregate(reader, fileName(BITSTAMP_TRADES), BTC_USD));
    }

    /**
     * The 2013 AAPL daily bars, each closing at 16:00 New York time on its date (strict read).
     * Half-day sessions are stamped at 16:00 too: the file does not say which days closed early.
     */
    public static CsvBars appleDailyBars() {
        CsvBarReader reader = new CsvBarReader(CsvBarFormat.closeStamped()
                .withZone(NEW_YORK).withDailyClose(LocalTime.of(16, 0)));
        return read(AAPL_DAILY, in -> reader.read(in, fileName(AAPL_DAILY), AAPL));
    }

    private static CsvBars read(String resource, Function<Reader, CsvBars> parse) {
        InputStream in = DemoData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("demo data " + resource + " is not on the classpath: build the "
                    + "adapters-data module with Maven, which unpacks it from org.ta4j:ta4j-examples:0.15");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse.apply(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo data " + resource + ": " + e, e);
        }
    }

    private static String fileName(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
