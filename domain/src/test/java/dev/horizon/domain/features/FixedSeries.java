package dev.horizon.domain.features;

import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.BarSeries;
import dev.horizon.domain.market.Symbol;
import java.time.Instant;

/**
 * A fixed 70-bar OHLCV series and the feature values expected on it. The series is a wavy price
 * path (moves larger than the bar range, so true ranges use the previous close, and one unchanged
 * close at bar 68); the expected rows were computed outside Java, in exact decimal arithmetic on
 * the exact binary values of these inputs, straight from the definitions in PIPELINE.md §1.2.
 */
final class FixedSeries {

    private FixedSeries() {
    }

    static final double[] OPEN = {
            51.5, 53.14, 54.05, 54.4, 52.41, 50.21, 48.47, 47.94, 47.71, 49.33,
            51.22, 51.99, 52.07, 50.52, 48.61, 47.28, 46.68, 47.57, 49.79, 52.01,
            53.55, 53.8, 53.02, 51.42, 49.92, 49.62, 50.62, 52.65, 54.53, 55.37,
            55.73, 54.0, 51.42, 49.76, 49.34, 49.43, 51.08, 52.67, 53.32, 53.68,
            51.65, 49.71, 48.43, 47.93, 48.86, 51.35, 53.51, 54.71, 55.06, 54.02,
            52.44, 51.43, 50.83, 51.95, 54.04, 56.15, 56.92, 56.96, 55.19, 53.03,
            51.05, 50.73, 50.92, 52.58, 54.11, 54.91, 54.9, 53.18, 52.58, 49.6
    };
    static final double[] HIGH = {
            51.8, 53.84, 54.9, 54.5, 52.41, 50.21, 48.47, 47.94, 48.41, 50.18,
            51.97, 52.89, 52.07, 50.52, 48.61, 47.28, 46.87, 48.32, 50.69, 53.06,
            54.1, 54.16, 53.02, 51.42, 49.92, 50.01, 51.42, 53.6, 55.23, 56.22,
            55.73, 54.0, 51.42, 49.76, 49.34, 50.28, 51.68, 53.42, 54.22, 53.68,
            51.65, 49.71, 48.43, 48.51, 49.61, 52.0, 54.31, 55.66, 55.22, 54.02,
            52.44, 51.43, 51.24, 52.75, 54.99, 57.0, 57.52, 56.96, 55.19, 53.03,
            51.05, 50.73, 51.77, 53.58, 54.86, 55.56, 54.9, 53.18, 52.88, 49.6
    };
    static final double[] LOW = {
            51.25, 53.14, 54.05, 53.5, 51.66, 49.56, 47.67, 46.99, 47.71, 49.33,
            51.22, 51.99, 51.42, 49.72, 47.66, 46.43, 46.27, 47.57, 49.79, 52.01,
            53.55, 53.46, 52.17, 50.42, 49.17, 49.36, 50.62, 52.65, 54.53, 55.37,
            54.98, 53.1, 50.77, 48.96, 48.39, 49.43, 51.08, 52.67, 53.32, 52.63,
            51.1, 49.01, 47.58, 47.51, 48.86, 51.35, 53.51, 54.71, 54.52, 53.17,
            51.69, 50.53, 50.59, 51.95, 54.04, 56.15, 56.92, 56.21, 54.29, 51.98,
            50.5, 50.03, 50.92, 52.58, 54.11, 54.91, 54.1, 52.23, 52.18, 48.75
    };
    static final double[] CLOSE = {
            51.5, 53.44, 54.4, 53.9, 52.11, 49.81, 47.97, 47.34, 48.11, 49.78,
            51.47, 52.29, 51.77, 50.12, 48.11, 46.68, 46.57, 47.92, 50.19, 52.46,
            53.8, 53.76, 52.52, 50.82, 49.62, 49.61, 50.92, 53.0, 54.93, 55.82,
            55.23, 53.4, 51.12, 49.36, 48.84, 49.68, 51.38, 53.02, 53.72, 53.08,
            51.35, 49.31, 47.93, 47.91, 49.31, 51.6, 53.81, 55.06, 54.92, 53.62,
            51.94, 50.83, 50.94, 52.35, 54.49, 56.4, 57.22, 56.56, 54.69, 52.43,
            50.75, 50.33, 51.27, 52.98, 54.56, 55.16, 54.4, 52.58, 52.58, 49.2
    };
    static final double[] VOLUME = {
            1000.0, 1510.0, 2020.0, 1280.0, 1790.0, 1050.0, 1560.0, 2070.0, 1330.0, 1840.0,
            1100.0, 1610.0, 2120.0, 1380.0, 1890.0, 1150.0, 1660.0, 2170.0, 1430.0, 1940.0,
            1200.0, 1710.0, 2220.0, 1480.0, 1990.0, 1250.0, 1760.0, 2270.0, 1530.0, 2040.0,
            1300.0, 1810.0, 2320.0, 1580.0, 2090.0, 1350.0, 1860.0, 2370.0, 1630.0, 2140.0,
            1400.0, 1910.0, 2420.0, 1680.0, 2190.0, 1450.0, 1960.0, 2470.0, 1730.0, 2240.0,
            1500.0, 2010.0, 2520.0, 1780.0, 2290.0, 1550.0, 2060.0, 2570.0, 1830.0, 2340.0,
            1600.0, 2110.0, 2620.0, 1880.0, 2390.0, 1650.0, 2160.0, 2670.0, 1930.0, 2440.0
    };

    /** The library at bar 69 over the first 70 bars, computed independently in exact decimal arithmetic. */
    static final double[] EXPECTED_70 = {
        -0.06428299733739055, // ret_1d
        -0.09824046920821113, // ret_5d
        -0.06160595079153151, // ret_10d
        -0.0824319283849309, // ret_20d
        -0.011651265568501372, // ret_60d
        0.02975533897656983, // vol_5d
        0.031020202252653305, // vol_10d
        0.02988014516593689, // vol_20d
        0.029302185322732363, // vol_60d
        39.49238578680202, // rsi_7
        30.540540540540544, // rsi_14
        39.84375, // rsi_21
        -0.06072812661079393, // ma_ratio_10
        -0.07314959591582987, // ma_ratio_20
        -0.06110812141474971, // ma_ratio_50
        0.07001290740602524, // bb_position
        0.17012044588255365, // bb_width
        -0.06592549609930204, // macd
        0.29581757889250077, // macd_signal
        -0.3617430749918028, // macd_hist
        -5.359999999999999, // mom_5d
        -3.229999999999997, // mom_10d
        -4.419999999999995, // mom_20d
        1.7250000000000003, // atr_14
        0.01727642276422767, // high_low_range
        1.1646778042959427, // volume_ma_ratio
        0.26424870466321243, // volume_change
        0.8598392170569732, // close_to_high_52w
        1.0564741249731588, // close_to_low_52w
    };
    /** The library at bar 20 over the first 21 bars, computed independently in exact decimal arithmetic. */
    static final double[] EXPECTED_21 = {
        0.025543271063667484, // ret_1d
        0.1525278491859468, // ret_5d
        0.04526908878958613, // ret_10d
        0.04466019417475723, // ret_20d
        Double.NaN, // ret_60d
        0.0199749780197297, // vol_5d
        0.0323307892402189, // vol_10d
        0.031241034389939606, // vol_20d
        Double.NaN, // vol_60d
        67.06864564007422, // rsi_7
        65.73124662709121, // rsi_14
        54.12778176597272, // rsi_21
        0.07619371486867631, // ma_ratio_10
        0.06720622074109334, // ma_ratio_20
        Double.NaN, // ma_ratio_50
        0.8314437304900811, // bb_position
        0.20276811584796164, // bb_width
        -0.13060185411063205, // macd
        -0.5110564561212156, // macd_signal
        0.38045460201058356, // macd_hist
        7.119999999999997, // mom_5d
        2.3299999999999983, // mom_10d
        2.299999999999997, // mom_20d
        1.7442857142857133, // atr_14
        0.010223048327137626, // high_low_range
        0.7476635514018691, // volume_ma_ratio
        -0.38144329896907214, // volume_change
        0.988970588235294, // close_to_high_52w
        1.155250161047885, // close_to_low_52w
    };
    /** The library at bar 13 over the first 14 bars, computed independently in exact decimal arithmetic. */
    static final double[] EXPECTED_14 = {
        -0.031871740390187475, // ret_1d
        0.041779255871960054, // ret_5d
        -0.07012987012987015, // ret_10d
        Double.NaN, // ret_20d
        Double.NaN, // ret_60d
        0.02898291706735957, // vol_5d
        0.030020495244206278, // vol_10d
        Double.NaN, // vol_20d
        Double.NaN, // vol_60d
        63.87096774193549, // rsi_7
        45.96018735362997, // rsi_14
        Double.NaN, // rsi_21
        0.0008586776364398253, // ma_ratio_10
        Double.NaN, // ma_ratio_20
        Double.NaN, // ma_ratio_50
        Double.NaN, // bb_position
        Double.NaN, // bb_width
        -0.26502195249114446, // macd
        -0.2773479121520478, // macd_signal
        0.012325959660903297, // macd_hist
        2.009999999999998, // mom_5d
        -3.780000000000001, // mom_10d
        Double.NaN, // mom_20d
        1.6378571428571422, // atr_14
        0.015961691939345657, // high_low_range
        Double.NaN, // volume_ma_ratio
        -0.3490566037735849, // volume_change
        Double.NaN, // close_to_high_52w
        Double.NaN, // close_to_low_52w
    };
    /** The library at bar 6 over the first 7 bars, computed independently in exact decimal arithmetic. */
    static final double[] EXPECTED_7 = {
        -0.036940373418992235, // ret_1d
        -0.1023577844311377, // ret_5d
        Double.NaN, // ret_10d
        Double.NaN, // ret_20d
        Double.NaN, // ret_60d
        0.025475991702752658, // vol_5d
        Double.NaN, // vol_10d
        Double.NaN, // vol_20d
        Double.NaN, // vol_60d
        31.082529474812425, // rsi_7
        Double.NaN, // rsi_14
        Double.NaN, // rsi_21
        Double.NaN, // ma_ratio_10
        Double.NaN, // ma_ratio_20
        Double.NaN, // ma_ratio_50
        Double.NaN, // bb_position
        Double.NaN, // bb_width
        -0.17219617810018048, // macd
        0.12850292356696685, // macd_signal
        -0.3006991016671473, // macd_hist
        -5.469999999999999, // mom_5d
        Double.NaN, // mom_10d
        Double.NaN, // mom_20d
        Double.NaN, // atr_14
        0.016677089847821496, // high_low_range
        Double.NaN, // volume_ma_ratio
        0.4857142857142857, // volume_change
        Double.NaN, // close_to_high_52w
        Double.NaN, // close_to_low_52w
    };
    /** The library at bar 0 over the first 1 bars, computed independently in exact decimal arithmetic. */
    static final double[] EXPECTED_1 = {
        Double.NaN, // ret_1d
        Double.NaN, // ret_5d
        Double.NaN, // ret_10d
        Double.NaN, // ret_20d
        Double.NaN, // ret_60d
        Double.NaN, // vol_5d
        Double.NaN, // vol_10d
        Double.NaN, // vol_20d
        Double.NaN, // vol_60d
        Double.NaN, // rsi_7
        Double.NaN, // rsi_14
        Double.NaN, // rsi_21
        Double.NaN, // ma_ratio_10
        Double.NaN, // ma_ratio_20
        Double.NaN, // ma_ratio_50
        Double.NaN, // bb_position
        Double.NaN, // bb_width
        0.0, // macd
        0.0, // macd_signal
        0.0, // macd_hist
        Double.NaN, // mom_5d
        Double.NaN, // mom_10d
        Double.NaN, // mom_20d
        Double.NaN, // atr_14
        0.010679611650485381, // high_low_range
        Double.NaN, // volume_ma_ratio
        Double.NaN, // volume_change
        Double.NaN, // close_to_high_52w
        Double.NaN, // close_to_low_52w
    };

    /** The first {@code n} bars as a series of the given capacity (a ring that may wrap). */
    static BarSeries series(int n, int capacity) {
        Symbol symbol = Symbol.of("TEST");
        BarSeries series = new BarSeries(symbol, capacity);
        Instant t0 = Instant.parse("2024-01-02T14:31:00Z");
        for (int i = 0; i < n; i++) {
            series.add(new Bar(symbol, t0.plusSeconds(60L * i), OPEN[i], HIGH[i], LOW[i], CLOSE[i], VOLUME[i]));
        }
        return series;
    }
}
