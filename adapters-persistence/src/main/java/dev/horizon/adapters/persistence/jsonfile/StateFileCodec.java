package dev.horizon.adapters.persistence.jsonfile;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.DatabindException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a {@link StateFile} into the bytes of {@code engine_state.json} and back, with its checksum.
 *
 * <p>The file is the document pretty-printed, with a last member {@code "checksum"}: the SHA-256
 * (lower-case hex) of the document as it reads without that member, i.e. of the file with its
 * trailing {@code ,\n  "checksum": "<hex>"\n}\n} replaced by {@code \n}}. Checking it needs no
 * JSON canonicalisation: a reader strips the fixed-format tail and hashes the bytes. A file that
 * does not end in that tail (truncated, hand-edited, from elsewhere) has no valid checksum.
 */
final class StateFileCodec {

    private static final byte[] CHECKSUM_OPEN = ",\n  \"checksum\": \"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECKSUM_CLOSE = "\"\n}\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOCUMENT_END = "\n}".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL_LENGTH = CHECKSUM_OPEN.length + Sha256.HEX_LENGTH + CHECKSUM_CLOSE.length;

    /** What reading one file gave. */
    sealed interface Decoded {
        /** The checksum holds and the document reads. */
        record Valid(StateFile file) implements Decoded {
        }

        /** Damaged: empty, truncated, or its checksum does not match (an interrupted write, a bad disk). */
        record Damaged(String reason) implements Decoded {
        }

        /** Intact (the checksum holds) but not a document this version can read. */
        record Incompatible(String reason) implements Decoded {
        }
    }

    private final ObjectWriter writer;
    private final ObjectReader reader;

    StateFileCodec(ObjectMapper mapper) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        this.writer = mapper.writerFor(StateFile.class).with(printer);
        this.reader = mapper.readerFor(StateFile.class);
    }

    /** The bytes of {@code file} as written to disk, checksum included. */
    byte[] encode(StateFile file) {
        byte[] document;
        try {
            document = writer.writeValueAsBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the engine state as JSON: " + e.getMessage(), e);
        }
        int body = document.length - DOCUMENT_END.length;
        if (body <= 0 || !regionMatches(document, body, DOCUMENT_END)) {
            throw new IllegalStateException("pretty printer no longer ends objects with a newline");
        }
        String checksum = Sha256.hex(document);
        byte[] out = Arrays.copyOf(document, body + TAIL_LENGTH);
        System.arraycopy(CHECKSUM_OPEN, 0, out, body, CHECKSUM_OPEN.length);
        byte[] hex = checksum.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, out, body + CHECKSUM_OPEN.length, hex.length);
        System.arraycopy(CHECKSUM_CLOSE, 0, out, body + CHECKSUM_OPEN.length + hex.length, CHECKSUM_CLOSE.length);
        return out;
    }

    /** Checks and reads the bytes of a state file. */
    Decoded decode(byte[] bytes) {
        if (bytes.length == 0) {
            return new Decoded.Damaged("empty");
        }
        int body = bytes.length - TAIL_LENGTH;
        if (body <= 0 || !regionMatches(bytes, body, CHECKSUM_OPEN)
                || !regionMatches(bytes, bytes.length - CHECKSUM_CLOSE.length, CHECKSUM_CLOSE)) {
            return new Decoded.Damaged("truncated or without checksum");
        }
        String stored = new String(bytes, body + CHECKSUM_OPEN.length, Sha256.HEX_LENGTH, StandardCharsets.US_ASCII);
        if (!Sha256.hex(bytes, 0, body, DOCUMENT_END).equals(stored)) {
            return new Decoded.Damaged("checksum mismatch");
        }
        byte[] document = Arrays.copyOf(bytes, body + DOCUMENT_END.length);
        System.arraycopy(DOCUMENT_END, 0, document, body, DOCUMENT_END.length);
        try {
            StateFile file = reader.readValue(document);
            if (file.horizonFormat() > StateFile.FORMAT) {
                return new Decoded.Incompatible("written in format " + file.horizonFormat()
                        + " by a newer Horizon (this one reads up to " + StateFile.FORMAT + ")");
            }
            if (file.horizonState() == null) {
                return new Decoded.Incompatible("no horizon_state");
            }
            return new Decoded.Valid(file);
        } catch (DatabindException e) {
            return new Decoded.Incompatible(e.getOriginalMessage());
        } catch (IOException e) {
            // Cannot happen for bytes whose checksum we wrote, unless the writer was broken.
            return new Decoded.Incompatible("not JSON: " + e.getMessage());
        }
    }

    private static boolean regionMatches(byte[] bytes, int offset, byte[] expected) {
        if (offset < 0 || offset + expected.length > bytes.length) {
            return false;
        }
        return Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
    }
}
