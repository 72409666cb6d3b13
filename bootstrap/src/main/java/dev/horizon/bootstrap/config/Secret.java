package dev.horizon.bootstrap.config;

import java.util.Objects;

/**
 * A credential read from the environment or a file. Its value is only reachable through
 * {@link #reveal()}; {@link #toString()}, the effective config and every error print {@value #MASK}.
 */
public final class Secret {

    /** What a secret prints as. */
    public static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a resolved credential. */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /** The credential itself: hand it to the client that needs it, never to a log or a message. */
    public String reveal() {
        return value;
    }

    /** Whether the credential is empty. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** Constant-time comparison, for bearer tokens. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
