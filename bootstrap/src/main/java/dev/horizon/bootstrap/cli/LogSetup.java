package dev.horizon.bootstrap.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * Configures logging before a command runs: log lines go to stderr (stdout carries results and
 * progress), at INFO, or DEBUG with {@code --debug}; {@code json} writes one JSON object per line.
 */
final class LogSetup {

    private LogSetup() {
    }

    static void configure(String format, boolean debug) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("json".equals(format)
                ? "{\"time\":\"%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC}\",\"level\":\"%level\",\"logger\":\"%logger\","
                        + "\"thread\":\"%enc{%thread}{JSON}\",\"message\":\"%enc{%msg}{JSON}\"}%n"
                : "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("stderr");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(console);
        root.setLevel(debug ? Level.DEBUG : Level.INFO);
        context.getLogger("com.google.inject").setLevel(Level.WARN);
    }
}
