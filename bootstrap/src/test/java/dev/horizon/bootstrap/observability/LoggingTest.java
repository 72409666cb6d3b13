package dev.horizon.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LoggingTest {

    /** The product configuration, not the test one. */
    private static final URL PRODUCT = LoggingTest.class.getResource("/logback.xml");

    private final Logger log = LoggerFactory.getLogger("dev.horizon.test.LoggingTest");

    @AfterEach
    void restoreTestLogging() {
        Logging.reset();
    }

    /** What the product configuration writes (to standard error) while {@code body} logs. */
    private static List<String> consoleLines(String format, boolean debug, Runnable body) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Logging.configure(format, debug, PRODUCT);
            body.run();
        } finally {
            Logging.reset();
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    @Test
    void json_format_writes_one_json_object_per_line_with_level_logger_and_message() throws Exception {
        List<String> lines = consoleLines("json", false, () -> {
            log.info("cycle {} done", 42);
            log.warn("a \"quoted\"\nmulti-line message");
            log.error("failed", new IllegalStateException("boom"));
            log.debug("not shown at INFO");
        });

        assertThat(lines).hasSize(3);
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> objects = new ArrayList<>();
        for (String line : lines) {
            JsonNode node = mapper.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            objects.add(node);
        }
        assertThat(objects).allSatisfy(o -> assertThat(o.path("loggerName").asText())
                .isEqualTo("dev.horizon.test.LoggingTest"));
        assertThat(objects.get(0).path("level").asText()).isEqualTo("INFO");
        assertThat(objects.get(0).path("formattedMessage").asText()).isEqualTo("cycle 42 done");
        assertThat(objects.get(0).path("timestamp").asLong()).isPositive();
        assertThat(objects.get(1).path("level").asText()).isEqualTo("WARN");
        assertThat(objects.get(1).path("formattedMessage").asText()).isEqualTo("a \"quoted\"\nmulti-line message");
        assertThat(objects.get(2).path("level").asText()).isEqualTo("ERROR");
        assertThat(objects.get(2).path("throwable").toString()).contains("boom");
    }

    @Test
    void human_format_writes_readable_lines_with_level_logger_and_message() {
        List<String> lines = consoleLines("human", false, () -> log.info("cycle {} done", 42));

        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  \\[.+] "
                        + "dev\\.horizon\\.test\\.LoggingTest - cycle 42 done"));
    }

    @Test
    void debug_lowers_the_root_level_to_debug() {
        List<String> quiet = consoleLines("human", false, () -> log.debug("detail"));
        List<String> verbose = consoleLines("human", true, () -> log.debug("detail"));

        assertThat(quiet).isEmpty();
        assertThat(verbose).singleElement().satisfies(line -> assertThat(line).contains("DEBUG").endsWith("detail"));
    }

    @Test
    void noisy_libraries_stay_at_warn_even_with_debug() {
        List<String> lines = consoleLines("human", true, () -> {
            LoggerFactory.getLogger("okhttp3.OkHttpClient").info("chatty");
            LoggerFactory.getLogger("org.sqlite.core").debug("chatty");
            LoggerFactory.getLogger("okhttp3.OkHttpClient").warn("worth seeing");
        });

        assertThat(lines).singleElement().satisfies(line -> assertThat(line).endsWith("worth seeing"));
    }

    @Test
    void format_is_case_insensitive_and_null_means_human() {
        assertThat(consoleLines("JSON", false, () -> log.info("x"))).singleElement()
                .satisfies(line -> assertThat(line).startsWith("{"));
        assertThat(consoleLines(null, false, () -> log.info("x"))).singleElement()
                .satisfies(line -> assertThat(line).doesNotStartWith("{").endsWith(" - x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"human", "json"})
    void product_configuration_loads_without_a_warning_that_would_print_logbacks_status(String format) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        long before = System.currentTimeMillis();

        consoleLines(format, false, () -> log.info("x"));

        // Logback prints its whole internal status to the console at start-up when any status is a warning.
        List<String> problems = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(status -> status.getTimestamp() >= before && status.getEffectiveLevel() >= Status.WARN)
                .map(Status::getMessage)
                .toList();
        assertThat(problems).isEmpty();
    }

    @Test
    void unknown_format_names_the_allowed_values() {
        assertThatThrownBy(() -> Logging.configure("xml", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown log format 'xml': use one of human, json");
    }

    @Test
    void public_configure_reloads_the_running_configuration_with_the_format() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // In tests the running configuration is logback-test.xml; it includes the same console appenders.
            Logging.configure("json", false);
            log.info("through the test configuration");
        } finally {
            Logging.reset();
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8).strip())
                .startsWith("{").contains("\"formattedMessage\":\"through the test configuration\"");
    }
}
