package dev.horizon.bootstrap.observability;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies the CLI's logging options ({@code --log-format human|json}, {@code --debug}) to
 * Logback after the command line is parsed.
 *
 * <p>The configuration file ({@code logback.xml} in the jar, or the one named by
 * {@code -Dlogback.configurationFile}) reads two properties: {@value #FORMAT_PROPERTY}
 * ({@code human} or {@code json}) and {@value #LEVEL_PROPERTY} (the root level). This class sets
 * them on the logger context, not as system properties, and reloads the configuration. Without
 * a call, a {@code -D} system property of the same name applies.
 */
public final class Logging {

    /** Selects the console format: {@code human} (default) or {@code json}. */
    public static final String FORMAT_PROPERTY = "horizon.log.format";
    /** The root log level; {@code INFO} unless set, {@code DEBUG} with {@code --debug}. */
    public static final String LEVEL_PROPERTY = "horizon.log.level";
    /** The accepted formats. */
    public static final List<String> FORMATS = List.of("human", "json");

    private Logging() {
    }

    /**
     * Reconfigures logging: {@code format} is {@code human} or {@code json} (case-insensitive;
     * null means human); {@code debug} lowers the root level to DEBUG, otherwise it stays at the
     * {@value #LEVEL_PROPERTY} system property or INFO.
     *
     * @throws IllegalArgumentException naming the allowed values for any other format
     */
    public static void configure(String format, boolean debug) {
        String chosen = validate(format);
        LoggerContext context = logbackContext();
        if (context == null) {
            return; // another SLF4J backend configures itself
        }
        reload(context, chosen, debug, null);
    }

    /**
     * Lowers {@code logger} to warnings only: the demo shows its progress line and summary, not a
     * log line per order and fill (those stay at INFO for the daemon, and return with {@code --debug}).
     */
    public static void quiet(String logger) {
        LoggerContext context = logbackContext();
        if (context != null) {
            context.getLogger(logger).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** {@link #configure} from the configuration at {@code configuration} (tests: the product file). */
    static void configure(String format, boolean debug, URL configuration) {
        String chosen = validate(format);
        LoggerContext context = logbackContext();
        if (context != null) {
            reload(context, chosen, debug, configuration);
        }
    }

    /** Back to Logback's own start-up configuration, properties unset. */
    static void reset() {
        LoggerContext context = logbackContext();
        if (context != null) {
            context.reset();
            autoConfigure(context);
        }
    }

    private static String validate(String format) {
        String chosen = format == null ? "human" : format.trim().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(chosen)) {
            throw new IllegalArgumentException("unknown log format '" + format + "': use one of "
                    + String.join(", ", FORMATS));
        }
        return chosen;
    }

    private static void reload(LoggerContext context, String format, boolean debug, URL configuration) {
        // reset() clears the context's properties, so they are set afterwards, before the file is read.
        context.reset();
        context.putProperty(FORMAT_PROPERTY, format);
        if (debug) {
            context.putProperty(LEVEL_PROPERTY, "DEBUG");
        }
        if (configuration == null) {
            autoConfigure(context);
            return;
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot read logging configuration " + configuration + ": "
                    + e.getMessage(), e);
        }
    }

    private static void autoConfigure(LoggerContext context) {
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging: " + e.getMessage(), e);
        }
    }

    private static LoggerContext logbackContext() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        return factory instanceof LoggerContext context ? context : null;
    }
}
