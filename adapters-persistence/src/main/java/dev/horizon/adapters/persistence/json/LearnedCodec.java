package dev.horizon.adapters.persistence.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;

/**
 * The compact form of {@link LearnedStatistics} that the state stores write apart from the ledger:
 * the {@link DomainJson} document with every primitive array as binary ({@link PrimitiveArrays}),
 * as UTF-8 bytes. Thread-safe.
 */
public final class LearnedCodec {

    /** The name of this form, stored next to the bytes so a later form can still read older ones. */
    public static final String ENCODING = "json+binary-arrays/1";

    private final ObjectWriter writer;
    private final ObjectReader reader;

    public LearnedCodec() {
        ObjectMapper mapper = DomainJson.mapper().registerModule(PrimitiveArrays.module());
        this.writer = mapper.writerFor(LearnedStatistics.class);
        this.reader = mapper.readerFor(LearnedStatistics.class);
    }

    /** The bytes of {@code statistics}. */
    public byte[] encode(LearnedStatistics statistics) throws IOException {
        return writer.writeValueAsBytes(statistics);
    }

    /**
     * The statistics in {@code bytes}.
     *
     * @throws IOException if they are not in this form (damaged, or written by a newer version)
     */
    public LearnedStatistics decode(byte[] bytes) throws IOException {
        return reader.readValue(bytes);
    }
}
