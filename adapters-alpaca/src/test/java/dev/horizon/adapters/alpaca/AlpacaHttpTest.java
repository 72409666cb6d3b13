package dev.horizon.adapters.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.QueueDispatcher;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared client against a scripted loopback server: which calls are retried (GET, DELETE) and
 * which never are (POST), {@code Retry-After}, the breaker, the client-side rate limit, the
 * counters, and credentials that never come back out.
 */
class AlpacaHttpTest {

    private static final AlpacaCredentials KEYS = new AlpacaCredentials("PKHTTPTESTKEY0001", "http-secret-DO-NOT-LEAK");
    /** Quick retries, a breaker that needs many calls: each test tightens what it is about. */
    private static final AlpacaHttpPolicy FAST = AlpacaHttpPolicy.defaults()
            .withRetry(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1))
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300))
            .withBreaker(100, 50, 50, Duration.ofMinutes(1));

    private final MockWebServer server = AlpacaFakeServers.startOnLoopback(new QueueDispatcher());
    private AlpacaHttp http;

    /** The port's exception stand-in: remembers whether the request may have left. */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean sent;

        Unavailable(String message, Throwable cause, boolean sent) {
            super(message, cause);
            this.sent = sent;
        }
    }

    private AlpacaHttp client(AlpacaHttpPolicy policy) {
        http = new AlpacaHttp("test", URI.create(server.url("/").toString()), KEYS, policy, Unavailable::new);
        return http;
    }

    private HttpUrl url() {
        return http.url("v2/x").build();
    }

    private void answer(int status, String body) {
        server.enqueue(AlpacaFakeServers.json(status, body));
    }

    @AfterEach
    void close() {
        if (http != null) {
            http.close();
        }
        AlpacaFakeServers.shutdown(server);
    }

    @Test
    void a_get_is_retried_on_server_errors_and_rate_limits_then_answers() throws InterruptedException {
        client(FAST);
        answer(503, "{\"code\":50300000,\"message\":\"busy\"}");
        server.enqueue(AlpacaFakeServers.error(429, 42900000, "too many requests").setHeader("Retry-After", "0"));
        answer(200, "{\"ok\":true}");

        String body = http.get(url(), AlpacaResponse::body);

        assertThat(body).isEqualTo("{\"ok\":true}");
        assertThat(server.getRequestCount()).isEqualTo(3);
        AlpacaHealth health = http.health();
        assertThat(health.retries()).isEqualTo(2);
        assertThat(health.rateLimitedResponses()).isEqualTo(1);
        assertThat(health.failedCalls()).isEqualTo(2);
        RecordedRequest first = server.takeRequest();
        assertThat(first.getMethod()).isEqualTo("GET");
        assertThat(first.getHeader("APCA-API-KEY-ID")).isEqualTo(KEYS.keyId());
        assertThat(first.getHeader("APCA-API-SECRET-KEY")).isEqualTo(KEYS.secretKey());
    }

    @Test
    void a_retry_after_longer_than_the_cap_is_reported_at_once() {
        client(FAST);
        server.enqueue(AlpacaFakeServers.error(429, 42900000, "too many requests").setHeader("Retry-After", "60"));

        Unavailable thrown = catchThrowableOfType(() -> http.get(url(), AlpacaResponse::body), Unavailable.class);

        assertThat(thrown.sent).isTrue();
        assertThat(thrown).hasMessage("test GET /v2/x: HTTP 429 rate limited, retry after 60 s");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a_post_is_sent_once_whatever_happens() throws InterruptedException {
        client(FAST);
        answer(503, "{\"code\":50300000,\"message\":\"busy\"}");
        answer(200, "{}");

        Unavailable thrown = catchThrowableOfType(() -> http.postOnce(url(), "{\"qty\":\"1\"}", AlpacaResponse::body),
                Unavailable.class);

        assertThat(thrown.sent).as("the order may have been placed").isTrue();
        assertThat(thrown).hasMessage("test POST /v2/x: HTTP 503: busy");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(http.health().retries()).isZero();
        RecordedRequest post = server.takeRequest();
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getBody().readUtf8()).isEqualTo("{\"qty\":\"1\"}");
    }

    @Test
    void a_delete_is_retried_like_a_get() {
        client(FAST);
        answer(500, "{\"code\":50000000,\"message\":\"oops\"}");
        server.enqueue(new MockResponse().setResponseCode(204));

        int code = http.delete(url(), AlpacaResponse::code);

        assertThat(code).isEqualTo(204);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void client_errors_go_to_the_reader_and_are_neither_retried_nor_failures() {
        client(FAST);
        answer(403, "{\"code\":40310000,\"message\":\"insufficient buying power\"}");

        String described = http.get(url(), AlpacaResponse::describe);

        assertThat(described).isEqualTo("HTTP 403: insufficient buying power");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(http.health().failedCalls()).isZero();
    }

    @Test
    void an_unreadable_answer_is_transient_and_retried() {
        client(FAST);
        answer(200, "not json");
        answer(200, "{\"id\":\"a\"}");

        String id = http.get(url(), r -> AlpacaJson.text(AlpacaJson.object(r), "id", r.what()));

        assertThat(id).isEqualTo("a");
        assertThat(http.health().retries()).isEqualTo(1);
        assertThat(http.health().lastFailure()).startsWith("unusable answer to GET /v2/x: malformed JSON");
    }

    @Test
    void a_read_timeout_is_transient() {
        client(FAST.withRetry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        Unavailable thrown = catchThrowableOfType(() -> http.get(url(), AlpacaResponse::body), Unavailable.class);

        assertThat(thrown.sent).isTrue();
        assertThat(thrown).hasMessageStartingWith("test GET /v2/x: SocketTimeoutException");
        assertThat(http.health().failedCalls()).isEqualTo(1);
    }

    @Test
    void redirects_are_not_followed_so_the_keys_never_go_elsewhere() {
        client(FAST);
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "http://127.0.0.1:9/elsewhere"));

        int code = http.get(url(), AlpacaResponse::code);

        assertThat(code).isEqualTo(302);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void an_open_breaker_refuses_calls_without_sending_them_and_says_why() {
        client(FAST.withRetry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)
                .withBreaker(100, 2, 2, Duration.ofMinutes(1)));
        answer(500, "{\"code\":50000000,\"message\":\"oops\"}");
        answer(500, "{\"code\":50000000,\"message\":\"oops\"}");
        for (int i = 0; i < 2; i++) {
            assertThat(catchThrowableOfType(() -> http.get(url(), AlpacaResponse::body), Unavailable.class).sent)
                    .isTrue();
        }

        Unavailable refused = catchThrowableOfType(() -> http.get(url(), AlpacaResponse::body), Unavailable.class);

        assertThat(refused.sent).isFalse();
        assertThat(refused).hasMessageStartingWith("test circuit breaker open: 100% of the last 2 calls failed")
                .hasMessageContaining("GET /v2/x not sent; calls resume after 60 s");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(http.health().breakerOpen()).isTrue();
        assertThat(http.health().notPermittedCalls()).isEqualTo(1);
    }

    @Test
    void the_client_side_rate_limit_refuses_without_sending() {
        client(FAST.withRateLimit(1, Duration.ZERO));
        answer(200, "{}");
        answer(200, "{}");
        http.get(url(), AlpacaResponse::body);

        Unavailable refused = catchThrowableOfType(() -> http.get(url(), AlpacaResponse::body), Unavailable.class);

        assertThat(refused.sent).isFalse();
        assertThat(refused).hasMessage("test client-side rate limit of 1 requests/min reached: GET /v2/x not sent"
                + " (no permit within 0 ms)");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(http.health().rateLimitRefusals()).isEqualTo(1);
    }

    @Test
    void credentials_quoted_back_by_the_server_are_masked_everywhere() {
        client(FAST.withRetry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO));
        answer(500, "{\"code\":50000000,\"message\":\"key " + KEYS.keyId() + " with secret " + KEYS.secretKey()
                + " is not allowed here\"}");

        Unavailable thrown = catchThrowableOfType(() -> http.get(url(), AlpacaResponse::body), Unavailable.class);

        assertThat(thrown).hasMessage("test GET /v2/x: HTTP 500: key **** with secret **** is not allowed here");
        assertThat(http.health().lastFailure()).doesNotContain(KEYS.secretKey()).doesNotContain(KEYS.keyId());
        assertThat(http.toString()).doesNotContain(KEYS.secretKey()).doesNotContain(KEYS.keyId());
        assertThat(http.redact("a " + KEYS.secretKey() + " b")).isEqualTo("a **** b");
    }
}
