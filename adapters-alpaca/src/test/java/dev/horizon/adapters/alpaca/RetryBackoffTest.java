package dev.horizon.adapters.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait before a retry: the server's {@code Retry-After}, else capped exponential backoff with equal jitter. */
class RetryBackoffTest {

    @Test
    void retry_waits_honour_retry_after_else_back_off_exponentially_with_jitter() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
        TransientFailure rateLimited = new TransientFailure("429", null, Duration.ofSeconds(7));
        TransientFailure reset = new TransientFailure("reset");

        assertThat(backoff.waitMillis(1, rateLimited, 0.9)).isEqualTo(7_000);
        assertThat(backoff.waitMillis(1, reset, 0.0)).isEqualTo(100);
        assertThat(backoff.waitMillis(1, reset, 0.999_999)).isEqualTo(200);
        assertThat(backoff.waitMillis(3, reset, 0.0)).isEqualTo(400);
        assertThat(backoff.waitMillis(3, reset, 0.5)).isEqualTo(600);
        assertThat(backoff.waitMillis(10, reset, 0.0)).as("capped").isEqualTo(1_000);
        assertThat(backoff.waitMillis(10, reset, 0.999_999)).isEqualTo(2_000);
    }

    @Test
    void retry_after_is_read_in_seconds_and_anything_else_falls_back_to_backoff() {
        assertThat(AlpacaHttp.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(AlpacaHttp.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
        assertThat(AlpacaHttp.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isNull();
        assertThat(AlpacaHttp.retryAfter(null)).isNull();
    }
}
