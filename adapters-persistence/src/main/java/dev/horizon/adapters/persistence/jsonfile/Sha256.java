package dev.horizon.adapters.persistence.jsonfile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex: the checksum of the state file and of each journal line. */
final class Sha256 {

    /** Length of a checksum in hex characters. */
    static final int HEX_LENGTH = 64;

    private Sha256() {
    }

    /** The checksum of {@code length} bytes of {@code data} from {@code offset}, then of {@code tail}. */
    static String hex(byte[] data, int offset, int length, byte[] tail) {
        MessageDigest digest = newDigest();
        digest.update(data, offset, length);
        digest.update(tail);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The checksum of {@code data}. */
    static String hex(byte[] data) {
        return hex(data, 0, data.length, new byte[0]);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
