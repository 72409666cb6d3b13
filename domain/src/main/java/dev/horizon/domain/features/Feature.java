package dev.horizon.domain.features;

/**
 * One named feature of the library, in column order: {@link #ordinal()} is the feature's index in
 * every feature row ({@link FeatureCalculator} output, export rows).
 *
 * <p>Names follow the original engine; {@code Nd} means <em>N bars</em>, whatever the bar
 * interval. The definitions are in PIPELINE.md §1.2 and on {@link FeatureCalculator}; a feature
 * evaluated over fewer than {@link #minBars()} bars is {@code NaN}.
 */
public enum Feature {
    RET_1D("ret_1d", 2),
    RET_5D("ret_5d", 6),
    RET_10D("ret_10d", 11),
    RET_20D("ret_20d", 21),
    RET_60D("ret_60d", 61),
    VOL_5D("vol_5d", 6),
    VOL_10D("vol_10d", 11),
    VOL_20D("vol_20d", 21),
    VOL_60D("vol_60d", 61),
    RSI_7("rsi_7", 7),
    RSI_14("rsi_14", 14),
    RSI_21("rsi_21", 21),
    MA_RATIO_10("ma_ratio_10", 10),
    MA_RATIO_20("ma_ratio_20", 20),
    MA_RATIO_50("ma_ratio_50", 50),
    BB_POSITION("bb_position", 20),
    BB_WIDTH("bb_width", 20),
    MACD("macd", 1),
    MACD_SIGNAL("macd_signal", 1),
    MACD_HIST("macd_hist", 1),
    MOM_5D("mom_5d", 6),
    MOM_10D("mom_10d", 11),
    MOM_20D("mom_20d", 21),
    ATR_14("atr_14", 14),
    HIGH_LOW_RANGE("high_low_range", 1),
    VOLUME_MA_RATIO("volume_ma_ratio", 20),
    VOLUME_CHANGE("volume_change", 2),
    CLOSE_TO_HIGH_52W("close_to_high_52w", 20),
    CLOSE_TO_LOW_52W("close_to_low_52w", 20);

    private final String featureName;
    private final int minBars;

    Feature(String featureName, int minBars) {
        this.featureName = featureName;
        this.minBars = minBars;
    }

    /** The name models list in their {@code feature_list}, e.g. {@code rsi_14}. */
    public String featureName() {
        return featureName;
    }

    /** Fewest bars of history for which the feature is defined; with fewer it is {@code NaN}. */
    public int minBars() {
        return minBars;
    }

    @Override
    public String toString() {
        return featureName;
    }
}
