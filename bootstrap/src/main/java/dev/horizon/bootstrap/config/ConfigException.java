package dev.horizon.bootstrap.config;

/**
 * A configuration the engine cannot run with: an unknown key, a value of the wrong kind or unit,
 * a percent where a fraction belongs, a missing secret. {@link #getMessage()} is one line naming
 * the key path and what to do; {@link #line(String)} prefixes the file.
 *
 * <p>Messages never contain a secret's value.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    /**
     * @param key     the full key path, e.g. {@code risk.max_daily_loss}; {@code null} for the file as a whole
     * @param problem what is wrong and what to do, e.g. {@code 50 looks like a percent; fractions are written as 0.5}
     */
    public ConfigException(String key, String problem) {
        super(key == null || key.isEmpty() ? problem : key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The key path, or {@code null} for the file as a whole. */
    public String key() {
        return key;
    }

    /** The problem without the key. */
    public String problem() {
        return problem;
    }

    /** The one-line error for the user, naming {@code source} (the file), e.g. {@code config.yaml: risk.max_daily_loss: ...}. */
    public String line(String source) {
        return source == null ? getMessage() : source + ": " + getMessage();
    }
}
