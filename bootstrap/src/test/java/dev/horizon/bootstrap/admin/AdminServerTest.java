package dev.horizon.bootstrap.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.horizon.application.port.ControlCommand;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class AdminServerTest {

    private static final String TOKEN = "hz-admin-7f3c9a1e5b2d4c6a8e0f";

    private final RecordingHandlers handlers = new RecordingHandlers();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<HttpResponse<String>> responses = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<AdminServer> servers = new ArrayList<>();
    private AdminServer server;

    @BeforeEach
    void start() {
        logs.start();
        root().addAppender(logs);
        server = start(TOKEN);
    }

    @AfterEach
    void stop() {
        servers.forEach(AdminServer::close);
        root().detachAppender(logs);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private AdminServer start(String token) {
        AdminServer started = AdminServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token,
                handlers);
        servers.add(started);
        return started;
    }

    private HttpRequest.Builder request(AdminServer target, String pathAndQuery) {
        InetSocketAddress address = target.address();
        return HttpRequest.newBuilder(URI.create("http://" + address.getAddress().getHostAddress() + ":"
                + address.getPort() + pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        responses.add(response);
        return response;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(request(server, path).GET().build());
    }

    private HttpResponse<String> post(AdminServer target, String path, String authorization, String body)
            throws Exception {
        HttpRequest.Builder builder = request(target, path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return send(builder.build());
    }

    private HttpResponse<String> post(String path, String authorization, String body) throws Exception {
        return post(server, path, authorization, body);
    }

    private HttpResponse<String> authorizedPost(String path, String body) throws Exception {
        return post(path, "Bearer " + TOKEN, body);
    }

    @Test
    void health_is_200_with_the_handlers_json_when_healthy() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\",\"last_cycle\":42}");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    }

    @Test
    void health_is_503_when_the_handlers_say_unhealthy() throws Exception {
        handlers.healthy = false;

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"unhealthy\",\"last_cycle\":42}");
    }

    @Test
    void metrics_are_prometheus_text_format_0_0_4() throws Exception {
        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).isEqualTo(RecordingHandlers.METRICS);
    }

    @Test
    void status_is_the_handlers_json() throws Exception {
        HttpResponse<String> response = get("/status");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo(RecordingHandlers.STATUS);
    }

    @Test
    void reads_need_no_token() throws Exception {
        HttpResponse<String> response = get("/status");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(handlers.posted).isEmpty();
    }

    @Test
    void pause_resume_and_reset_kill_with_the_token_reach_the_handler_in_order() throws Exception {
        assertThat(authorizedPost("/pause", "").statusCode()).isEqualTo(202);
        assertThat(authorizedPost("/resume", "").statusCode()).isEqualTo(202);
        HttpResponse<String> reset = authorizedPost("/reset-kill", "");

        assertThat(reset.statusCode()).isEqualTo(202);
        assertThat(reset.body()).isEqualTo("{\"status\":\"accepted\",\"command\":\"reset-kill\"}");
        assertThat(handlers.posted).containsExactly(new ControlCommand.Pause(), new ControlCommand.Resume(),
                new ControlCommand.ResetKill());
    }

    @Test
    void kill_takes_its_reason_from_a_json_body() throws Exception {
        HttpResponse<String> response = authorizedPost("/kill", "{\"reason\": \"manual stop before FOMC\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"accepted\",\"command\":\"kill\"}");
        assertThat(handlers.posted).containsExactly(new ControlCommand.Kill("manual stop before FOMC"));
    }

    @Test
    void kill_takes_its_reason_from_the_query_when_there_is_no_body() throws Exception {
        HttpResponse<String> response = post("/kill?reason=broker%20outage%20%26%20gaps", "Bearer " + TOKEN, "");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(handlers.posted).containsExactly(new ControlCommand.Kill("broker outage & gaps"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"reason\": \"   \"}", "{\"reason\": 7}"})
    void kill_without_a_reason_is_400_and_not_posted(String body) throws Exception {
        HttpResponse<String> response = authorizedPost("/kill", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("a kill needs a reason");
        assertThat(handlers.posted).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"reason=stop", "[\"stop\"]", "{\"reason\": "})
    void kill_with_a_body_that_is_not_a_json_object_is_400(String body) throws Exception {
        HttpResponse<String> response = authorizedPost("/kill", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("the body must be a JSON object");
        assertThat(handlers.posted).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/pause", "/resume", "/kill", "/reset-kill"})
    void without_a_configured_token_every_mutating_endpoint_is_403(String path) throws Exception {
        for (String token : new String[] {null, "", "   "}) {
            AdminServer open = start(token);

            HttpResponse<String> response = post(open, path + "?reason=x", "Bearer " + TOKEN, "");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).isEqualTo("{\"error\":\"mutating endpoints are disabled: set admin.token\"}");
        }
        assertThat(handlers.posted).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/pause", "/resume", "/kill", "/reset-kill"})
    void missing_authorization_is_401_with_a_bearer_challenge(String path) throws Exception {
        HttpResponse<String> response = post(path + "?reason=x", null, "");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer"));
        assertThat(response.body()).contains("missing bearer token");
        assertThat(handlers.posted).isEmpty();
    }

    @Test
    void another_authorization_scheme_is_401_missing_bearer_token() throws Exception {
        HttpResponse<String> response = post("/pause", "Basic " + TOKEN, "");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("missing bearer token");
        assertThat(handlers.posted).isEmpty();
    }

    @Test
    void wrong_token_is_401_invalid_bearer_token() throws Exception {
        HttpResponse<String> response = post("/kill?reason=x", "Bearer not-the-token", "");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid bearer token\"}");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer").contains("invalid_token"));
        assertThat(handlers.posted).isEmpty();
    }

    @Test
    void a_prefix_or_an_extension_of_the_token_is_refused() throws Exception {
        for (String almost : List.of(TOKEN.substring(0, TOKEN.length() - 1), TOKEN.substring(0, 1),
                TOKEN + "0", TOKEN.toUpperCase(java.util.Locale.ROOT), "")) {
            assertThat(post("/pause", "Bearer " + almost, "").statusCode()).as("token %s", almost).isEqualTo(401);
        }
        assertThat(handlers.posted).isEmpty();
    }

    @Test
    void the_bearer_scheme_is_case_insensitive() throws Exception {
        assertThat(post("/pause", "bearer " + TOKEN, "").statusCode()).isEqualTo(202);
        assertThat(handlers.posted).containsExactly(new ControlCommand.Pause());
    }

    @Test
    void wrong_method_is_405_naming_the_allowed_one() throws Exception {
        HttpResponse<String> getPause = get("/pause");
        HttpResponse<String> postHealth = authorizedPost("/health", "");
        HttpResponse<String> deleteStatus = send(request(server, "/status").DELETE().build());

        assertThat(getPause.statusCode()).isEqualTo(405);
        assertThat(getPause.headers().firstValue("Allow")).contains("POST");
        assertThat(getPause.body()).contains("/pause answers POST only");
        assertThat(postHealth.statusCode()).isEqualTo(405);
        assertThat(postHealth.headers().firstValue("Allow")).contains("GET");
        assertThat(deleteStatus.statusCode()).isEqualTo(405);
        assertThat(handlers.posted).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/nope", "/pause/", "/health/x", "/admin/pause", "/metrics.txt"})
    void unknown_path_is_404(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no such endpoint");
    }

    @Test
    void unknown_path_is_404_for_a_post_too() throws Exception {
        assertThat(authorizedPost("/liquidate", "").statusCode()).isEqualTo(404);
        assertThat(handlers.posted).isEmpty();
    }

    @Test
    void body_over_the_limit_is_413_declared_or_streamed() throws Exception {
        String big = "{\"reason\": \"" + "x".repeat(AdminServer.MAX_BODY_BYTES) + "\"}";

        HttpResponse<String> declared = authorizedPost("/kill", big);
        HttpResponse<String> streamed = send(request(server, "/kill")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("request body too large: at most 4096 bytes");
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(handlers.posted).isEmpty();
    }

    @Test
    void body_at_the_limit_is_accepted() throws Exception {
        String prefix = "{\"reason\": \"";
        String suffix = "\"}";
        String body = prefix + "x".repeat(AdminServer.MAX_BODY_BYTES - prefix.length() - suffix.length()) + suffix;

        assertThat(authorizedPost("/kill", body).statusCode()).isEqualTo(202);
        assertThat(handlers.posted).hasSize(1);
    }

    @Test
    void an_unauthenticated_large_body_is_refused_for_the_token_first() throws Exception {
        HttpResponse<String> response = post("/kill", null, "x".repeat(AdminServer.MAX_BODY_BYTES * 2));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_failing_handler_is_500_without_its_message() throws Exception {
        handlers.failWith = new IllegalStateException("disk full at /secret/place");

        HttpResponse<String> status = get("/status");
        HttpResponse<String> pause = authorizedPost("/pause", "");

        assertThat(status.statusCode()).isEqualTo(500);
        assertThat(status.body()).isEqualTo("{\"error\":\"internal error: see the engine log\"}");
        assertThat(pause.statusCode()).isEqualTo(500);
        assertThat(pause.body()).isEqualTo("{\"error\":\"could not queue pause: see the engine log\"}");
    }

    @Test
    void the_token_never_appears_in_a_response_or_a_log_line() throws Exception {
        String prefix = TOKEN.substring(0, TOKEN.length() - 2);
        authorizedPost("/pause", "");
        authorizedPost("/kill", "{\"reason\":\"r\"}");
        post("/kill?reason=x", "Bearer " + prefix, "");
        post("/kill?reason=x", "Bearer " + TOKEN + "x", "");
        post("/kill", "Basic " + TOKEN, "");
        post("/pause", null, "");
        get("/status");
        get("/health");
        get("/metrics");
        get("/nope");
        authorizedPost("/health", "");
        authorizedPost("/kill", "x".repeat(5000));
        server.close();

        assertThat(responses).hasSize(12);
        for (HttpResponse<String> response : responses) {
            assertThat(response.body()).doesNotContain(prefix);
            assertThat(response.headers().map().toString()).doesNotContain(prefix);
        }
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(prefix));
        assertThat(logs.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                .contains("refused: invalid bearer token"));
    }

    @Test
    void refuses_to_bind_to_an_address_other_machines_can_reach() {
        assertThatThrownBy(() -> AdminServer.start(new InetSocketAddress("0.0.0.0", 0), TOKEN, handlers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0.0.0:0 is not a loopback address");
        assertThatThrownBy(() -> AdminServer.start(InetSocketAddress.createUnresolved("admin.invalid", 0), TOKEN,
                handlers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be resolved");
    }

    @Test
    void address_reports_the_port_actually_bound() {
        assertThat(server.address().getPort()).isPositive();
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void a_taken_port_is_an_error_naming_the_address() {
        InetSocketAddress taken = server.address();

        assertThatThrownBy(() -> AdminServer.start(taken, TOKEN, handlers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot start the admin endpoint on 127.0.0.1:" + taken.getPort());
    }

    @Test
    void after_close_nothing_answers() {
        server.close();
        server.close();

        assertThatThrownBy(() -> get("/health")).isInstanceOf(ConnectException.class);
    }

    /** Fixed answers, and every posted command in order. */
    private static final class RecordingHandlers implements AdminHandlers {
        static final String METRICS = "# TYPE horizon_fills_total counter\nhorizon_fills_total 3.0\n";
        static final String STATUS = "{\"portfolio_value\":100000.00,\"kill_switch\":{\"active\":false}}";

        final List<ControlCommand> posted = new CopyOnWriteArrayList<>();
        volatile boolean healthy = true;
        volatile RuntimeException failWith;

        @Override
        public boolean healthy() {
            return healthy;
        }

        @Override
        public String healthJson() {
            return "{\"status\":\"" + (healthy ? "ok" : "unhealthy") + "\",\"last_cycle\":42}";
        }

        @Override
        public String metricsText() {
            return METRICS;
        }

        @Override
        public String statusJson() {
            if (failWith != null) {
                throw failWith;
            }
            return STATUS;
        }

        @Override
        public void post(ControlCommand command) {
            if (failWith != null) {
                throw failWith;
            }
            posted.add(command);
        }
    }
}
