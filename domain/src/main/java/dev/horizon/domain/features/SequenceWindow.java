package dev.horizon.domain.features;

import dev.horizon.domain.market.BarSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the input of a raw-sequence model (PIPELINE.md §1.3): the last T bars of the chosen
 * channels as a row-major {@code [T, C]} float window, normalised against the window's
 * <em>first</em> bar (fix: the original normalised each bar against a different anchor).
 *
 * <p>Normalisation ({@link SequenceNormalization}): {@code returns} gives p/C₀ − 1 for every price
 * channel (C₀ = the first bar's close) and V/V₀ − 1 for volume; {@code log_returns} gives ln(p/C₀)
 * and ln(V/V₀); {@code minmax} scales each channel to [0, 1] over the window (a constant channel
 * is 0); {@code none} passes raw values. Values are computed in double and narrowed to float.
 *
 * <p>Volume may be zero, prices may not. When the volume normalisation is undefined anywhere in
 * the window — V₀ = 0 for {@code returns}, V₀ = 0 or any V = 0 for {@code log_returns} — the whole
 * volume channel is written as 0: the window says "no usable volume signal" rather than inventing
 * a ratio. Nothing non-finite is ever written: a value that would be NaN or infinite (a zero or
 * bad price) makes {@code fill} return {@code false} and the symbol is left out of that model.
 *
 * <p>Build one per model at startup; it keeps a scratch buffer, so it is not thread-safe.
 */
public final class SequenceWindow {

    /** Default T, {@code sequence_length}. */
    public static final int DEFAULT_LENGTH = 64;
    /** Default {@code sequence_channels}. */
    public static final List<String> DEFAULT_CHANNELS = List.of("open", "high", "low", "close", "volume");

    private final int length;
    private final SequenceChannel[] channels;
    private final SequenceNormalization normalization;
    /** Raw window, channel-major: raw[c * length + k]. */
    private final double[] raw;
    /** One channel of a whole series, for bulk copies out of a {@link BarSeries}. */
    private double[] history = new double[0];

    /**
     * @param length        T, the number of bars, positive
     * @param channels      the channels in input order, at least one
     * @param normalization how the window is normalised
     */
    public SequenceWindow(int length, List<SequenceChannel> channels, SequenceNormalization normalization) {
        if (length <= 0) {
            throw new IllegalArgumentException("sequence_length must be positive, was " + length);
        }
        Objects.requireNonNull(channels, "channels");
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("sequence_channels must name at least one channel");
        }
        this.length = length;
        this.channels = channels.toArray(new SequenceChannel[0]);
        for (SequenceChannel c : this.channels) {
            Objects.requireNonNull(c, "channel");
        }
        this.normalization = Objects.requireNonNull(normalization, "normalization");
        this.raw = new double[length * this.channels.length];
    }

    /**
     * A window from model metadata names, e.g. {@code of(64, List.of("close", "volume"), "returns")}.
     *
     * @throws IllegalArgumentException naming an unknown channel or normalisation
     */
    public static SequenceWindow of(int length, List<String> channelNames, String normalization) {
        Objects.requireNonNull(channelNames, "channelNames");
        List<SequenceChannel> parsed = new ArrayList<>(channelNames.size());
        for (String name : channelNames) {
            parsed.add(SequenceChannel.parse(name));
        }
        return new SequenceWindow(length, parsed, SequenceNormalization.parse(normalization));
    }

    /** T, the number of bars in the window. */
    public int length() {
        return length;
    }

    /** The channels in input order (C of them). */
    public List<SequenceChannel> channels() {
        return List.of(channels);
    }

    public SequenceNormalization normalization() {
        return normalization;
    }

    /** Floats written per symbol: T × C. */
    public int width() {
        return raw.length;
    }

    /**
     * Writes the normalised window of the newest {@link #length()} bars of {@code series} into
     * {@code dst[offset .. offset + width())}, element (bar k, channel c) at
     * {@code offset + k * C + c}, bar 0 the oldest.
     *
     * @return {@code false} when the series holds fewer than T bars or a value would not be
     *         finite: the symbol is left out, and {@code dst} may hold part of a window
     */
    public boolean fill(BarSeries series, float[] dst, int offset) {
        checkDestination(dst, offset);
        int n = series.size();
        if (n < length) {
            return false;
        }
        if (series.capacity() > history.length) {
            history = new double[series.capacity()]; // grows once to the ring's capacity
        }
        // Bulk copies: per-bar accessors would pay the ring's index arithmetic T × C times.
        int first = n - length;
        for (int c = 0; c < channels.length; c++) {
            switch (channels[c]) {
                case OPEN -> series.copyOpens(history);
                case HIGH -> series.copyHighs(history);
                case LOW -> series.copyLows(history);
                case CLOSE -> series.copyCloses(history);
                case VOLUME -> series.copyVolumes(history);
            }
            System.arraycopy(history, first, raw, c * length, length);
        }
        return normalize(null, 0, series.close(first), series.volume(first), dst, offset);
    }

    /**
     * Like {@link #fill(BarSeries, float[], int)} over bars {@code [0, n)} of plain arrays, oldest
     * first. Arrays of channels the window does not use may be null; the close array is always
     * needed (C₀), the volume array whenever the volume channel is used.
     */
    public boolean fill(double[] open, double[] high, double[] low, double[] close, double[] volume, int n,
                        float[] dst, int offset) {
        checkDestination(dst, offset);
        Objects.requireNonNull(close, "close");
        if (n < 0 || n > close.length) {
            throw new IllegalArgumentException(n + " bars requested, " + close.length + " closes supplied");
        }
        if (n < length) {
            return false;
        }
        int first = n - length;
        double anchorVolume = Double.NaN;
        for (int c = 0; c < channels.length; c++) {
            double[] src = switch (channels[c]) {
                case OPEN -> open;
                case HIGH -> high;
                case LOW -> low;
                case CLOSE -> close;
                case VOLUME -> volume;
            };
            Objects.requireNonNull(src, channels[c].channelName());
            if (src.length < n) {
                throw new IllegalArgumentException(n + " bars requested, " + src.length + " "
                        + channels[c].channelName() + " values supplied");
            }
            System.arraycopy(src, first, raw, c * length, length);
            if (channels[c] == SequenceChannel.VOLUME) {
                anchorVolume = src[first];
            }
        }
        return normalize(null, 0, close[first], anchorVolume, dst, offset);
    }

    /**
     * Like {@link #fill(BarSeries, float[], int)} from a {@link BarWindow} of the series, with the
     * same result to the bit and less work: the window is read in place, and {@code log_returns}
     * take each bar's logarithm once for every window it appears in (see {@link #logReturns(BarWindow,
     * SequenceChannel, int, double, float[], int, int)}). Syncs the window first.
     */
    public boolean fill(BarWindow window, float[] dst, int offset) {
        checkDestination(dst, offset);
        window.sync();
        int n = window.size();
        if (n < length) {
            return false;
        }
        int first = window.begin() + n - length;
        return normalize(window, first, window.closes()[first], window.volumes()[first], dst, offset);
    }

    /**
     * Normalises the window into {@code dst}: from {@code raw} (channel-major) when {@code bars}
     * is null, else straight from the bar window's arrays starting at index {@code first}.
     */
    private boolean normalize(BarWindow bars, int first, double anchorClose, double anchorVolume, float[] dst,
                              int offset) {
        int width = channels.length;
        for (int c = 0; c < width; c++) {
            SequenceChannel channel = channels[c];
            double[] src = bars == null ? raw : bars.values(channel);
            int base = bars == null ? c * length : first;
            boolean price = channel.isPrice();
            double anchor = price ? anchorClose : anchorVolume;
            int out = offset + c;
            // One loop per mode, so the mode is decided once per channel, not once per value.
            boolean ok = switch (normalization) {
                case NONE -> copy(src, base, dst, out, width);
                case RETURNS -> !price && anchor == 0.0
                        ? zero(dst, out, width)
                        : returns(src, base, anchor, dst, out, width);
                case LOG_RETURNS -> !price && (anchor == 0.0 || containsZero(src, base))
                        ? zero(dst, out, width)
                        : bars == null
                        ? logReturns(src, base, anchor, dst, out, width)
                        : logReturns(bars, channel, first, anchor, dst, out, width);
                case MINMAX -> minmax(src, base, dst, out, width);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private boolean copy(double[] src, int base, float[] dst, int out, int stride) {
        for (int k = 0; k < length; k++) {
            float v = (float) src[base + k];
            if (!Float.isFinite(v)) {
                return false;
            }
            dst[out + k * stride] = v;
        }
        return true;
    }

    private boolean returns(double[] src, int base, double anchor, float[] dst, int out, int stride) {
        for (int k = 0; k < length; k++) {
            float v = (float) (src[base + k] / anchor - 1.0);
            if (!Float.isFinite(v)) {
                return false;
            }
            dst[out + k * stride] = v;
        }
        return true;
    }

    private boolean logReturns(double[] src, int base, double anchor, float[] dst, int out, int stride) {
        for (int k = 0; k < length; k++) {
            float v = (float) Math.log(src[base + k] / anchor);
            if (!Float.isFinite(v)) {
                return false;
            }
            dst[out + k * stride] = v;
        }
        return true;
    }

    /**
     * {@code (float) ln(p / anchor)} for every bar of the window — the very float the plain form
     * gives — from the window's cached logarithms. d = ln p − ln anchor differs from
     * {@code Math.log(p / anchor)} by at most 2⁻⁵²(|ln p| + |ln anchor|) + 2⁻⁵²|d| + 2⁻⁵³ (one ulp
     * per logarithm, the roundings of the division and of the difference); for |d| &lt; 8, where
     * |ln p| ≤ |ln anchor| + 8, that is below a third of ε = 10⁻¹⁵(2|ln anchor| + 17), one bound for
     * the whole channel. When every number within ε of d narrows to the same float, that float is
     * the answer; otherwise (a value within ~10⁻¹⁴ of a float rounding boundary, about 1 in 10⁴; a
     * ratio beyond e⁸; a value that is not finite) the plain form is evaluated.
     */
    private boolean logReturns(BarWindow bars, SequenceChannel channel, int first, double anchor, float[] dst,
                               int out, int stride) {
        double[] src = bars.values(channel);
        double logAnchor = bars.log(channel.isPrice() ? SequenceChannel.CLOSE : SequenceChannel.VOLUME, first);
        double eps = 1e-15 * (2 * Math.abs(logAnchor) + 17.0);
        for (int k = 0; k < length; k++) {
            int i = first + k;
            double p = src[i];
            double d = bars.log(channel, i) - logAnchor;
            float v;
            if (p == anchor) {
                v = 0f; // ln 1, exactly
            } else {
                float lo = (float) (d - eps);
                // lo == hi fails for NaN
                v = lo == (float) (d + eps) && Math.abs(d) < 8 ? lo : (float) Math.log(p / anchor);
            }
            if (!Float.isFinite(v)) {
                return false;
            }
            dst[out + k * stride] = v;
        }
        return true;
    }

    private boolean minmax(double[] src, int base, float[] dst, int out, int stride) {
        double min = src[base];
        double max = src[base];
        for (int k = 1; k < length; k++) {
            double x = src[base + k];
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double span = max - min;
        if (span == 0.0) {
            return zero(dst, out, stride);
        }
        for (int k = 0; k < length; k++) {
            float v = (float) ((src[base + k] - min) / span);
            if (!Float.isFinite(v)) {
                return false;
            }
            dst[out + k * stride] = v;
        }
        return true;
    }

    private boolean zero(float[] dst, int out, int stride) {
        for (int k = 0; k < length; k++) {
            dst[out + k * stride] = 0f;
        }
        return true;
    }

    private boolean containsZero(double[] src, int base) {
        for (int k = 0; k < length; k++) {
            if (src[base + k] == 0.0) {
                return true;
            }
        }
        return false;
    }

    private void checkDestination(float[] dst, int offset) {
        Objects.requireNonNull(dst, "dst");
        if (offset < 0 || offset + raw.length > dst.length) {
            throw new IllegalArgumentException("window of " + raw.length + " floats at offset " + offset
                    + " does not fit the " + dst.length + "-float batch");
        }
    }
}
