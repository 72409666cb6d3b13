package dev.horizon.domain.features;

import java.util.Locale;

/** One input channel of a raw-sequence model ({@code sequence_channels} in the model metadata). */
public enum SequenceChannel {
    OPEN("open", true),
    HIGH("high", true),
    LOW("low", true),
    CLOSE("close", true),
    VOLUME("volume", false);

    private final String channelName;
    private final boolean price;

    SequenceChannel(String channelName, boolean price) {
        this.channelName = channelName;
        this.price = price;
    }

    /** The metadata spelling, e.g. {@code close}. */
    public String channelName() {
        return channelName;
    }

    /** True for the four price channels, normalised against the first bar's close. */
    public boolean isPrice() {
        return price;
    }

    /**
     * Parses a metadata channel name (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the unknown channel and the accepted names
     */
    public static SequenceChannel parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (SequenceChannel c : values()) {
            if (c.channelName.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown sequence channel '" + name
                + "': use open, high, low, close or volume");
    }

    @Override
    public String toString() {
        return channelName;
    }
}
