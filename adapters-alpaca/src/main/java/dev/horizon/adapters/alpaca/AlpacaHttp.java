package dev.horizon.adapters.alpaca;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Alpaca API over OkHttp, with the resilience policy of {@link AlpacaHttpPolicy}:
 *
 * <pre>
 *   retry (GET/DELETE only) → circuit breaker → rate limiter → HTTP
 * </pre>
 *
 * <p>Every attempt counts for the breaker, so a failing API opens it quickly and retries stop as
 * soon as it is open. A POST goes through the breaker and the limiter but never through the
 * retry, and OkHttp's own silent retry on connection failure is off: a request is sent once.
 * Redirects are not followed, so the key headers never go to another host.
 *
 * <p>Transient failures (timeouts, resets, 429, 5xx, unreadable answers) end as the exception
 * {@code unavailable} makes; other answers go to the caller's {@link Reader}. Nothing logged or
 * thrown contains the request headers or the credentials; bodies are never logged.
 *
 * <p>Shared by the Alpaca adapters (trading and market data), each with its own instance, base
 * URL and port exception. Thread-safe.
 */
public final class AlpacaHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaHttp.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String MASK = "****";

    /** Interprets a non-transient answer; may throw a {@link TransientFailure} if it cannot be read. */
    @FunctionalInterface
    public interface Reader<T> {
        /** The caller's value from a 2xx or a non-transient 4xx answer. */
        T read(AlpacaResponse response);
    }

    /** Makes the port's "could not reach or understand" exception. */
    @FunctionalInterface
    public interface Unavailable {
        /**
         * @param sent whether the request may have reached Alpaca ({@code false} when the breaker or
         *             the rate limiter stopped it before it left)
         */
        RuntimeException create(String message, Throwable cause, boolean sent);
    }

    private final String service;
    private final HttpUrl baseUrl;
    private final AlpacaCredentials credentials;
    private final AlpacaHttpPolicy policy;
    private final Unavailable unavailable;
    private final OkHttpClient client;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;
    private final Retry retry;
    private final LongAdder retries = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder limiterRefusals = new LongAdder();
    private volatile String lastFailure = "none";

    /**
     * @param service     name used in messages and logs, e.g. {@code alpaca}
     * @param baseUrl     the API's base URL
     * @param credentials the key pair sent as headers, and removed from any text taken from answers
     * @param policy      timeouts, rate limit, retries and breaker
     * @param unavailable makes the port's "could not reach or understand" exception
     */
    public AlpacaHttp(String service, URI baseUrl, AlpacaCredentials credentials, AlpacaHttpPolicy policy,
               Unavailable unavailable) {
        this.service = Objects.requireNonNull(service, "service");
        this.baseUrl = Objects.requireNonNull(HttpUrl.get(baseUrl.toString()), "baseUrl");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.unavailable = Objects.requireNonNull(unavailable, "unavailable");
        this.client = new OkHttpClient.Builder()
                .connectTimeout(policy.connectTimeout())
                .readTimeout(policy.readTimeout())
                .writeTimeout(policy.readTimeout())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.breaker = CircuitBreaker.of(service, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(policy.breakerWindowSize())
                .minimumNumberOfCalls(policy.breakerMinimumCalls())
                .failureRateThreshold(policy.breakerFailureRatePercent())
                .waitDurationInOpenState(policy.breakerOpenWait())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(TransientFailure.class::isInstance)
                .ignoreException(e -> !(e instanceof TransientFailure))
                .build());
        this.limiter = RateLimiter.of(service, limiterConfig(policy));
        RetryBackoff backoff = new RetryBackoff(policy.retryInitialBackoff(), policy.retryMaxBackoff());
        this.retry = Retry.of(service, RetryConfig.custom()
                .maxAttempts(policy.retryMaxAttempts())
                .retryOnException(this::retryable)
                .intervalBiFunction((attempt, outcome) -> backoff.waitMillis(attempt,
                        outcome.isLeft() ? outcome.getLeft() : null, ThreadLocalRandom.current().nextDouble()))
                .build());
        retry.getEventPublisher().onRetry(event -> {
            retries.increment();
            LOG.warn("{}; retry {} of {} in {} ms", event.getLastThrowable().getMessage(),
                    event.getNumberOfRetryAttempts(), policy.retryMaxAttempts() - 1, event.getWaitInterval().toMillis());
        });
        breaker.getEventPublisher().onStateTransition(event -> LOG.warn("{} circuit breaker {} -> {} (last failure: {})",
                service, event.getStateTransition().getFromState(), event.getStateTransition().getToState(),
                lastFailure));
    }

    /**
     * The budget spread over 10-second windows (requests/6 each), so a burst cannot spend a whole
     * minute's allowance at once; budgets under 6 a minute get one permit per 60/n seconds.
     */
    private static RateLimiterConfig limiterConfig(AlpacaHttpPolicy policy) {
        int perMinute = policy.requestsPerMinute();
        RateLimiterConfig.Builder builder = RateLimiterConfig.custom().timeoutDuration(policy.rateLimitWait());
        if (perMinute >= 6) {
            builder.limitForPeriod(perMinute / 6).limitRefreshPeriod(Duration.ofSeconds(10));
        } else {
            builder.limitForPeriod(1).limitRefreshPeriod(Duration.ofMillis(60_000L / perMinute));
        }
        return builder.build();
    }

    /** A URL under the base URL, e.g. {@code url("v2/orders")}. */
    public HttpUrl.Builder url(String path) {
        return baseUrl.newBuilder().addPathSegments(path);
    }

    /** GET, retried on transient failures. */
    public <T> T get(HttpUrl url, Reader<T> reader) {
        return call("GET", url, null, true, reader);
    }

    /** DELETE, retried on transient failures (cancels are idempotent). */
    public <T> T delete(HttpUrl url, Reader<T> reader) {
        return call("DELETE", url, null, true, reader);
    }

    /** POST, sent exactly once: a transient failure leaves the outcome unknown to the caller. */
    public <T> T postOnce(HttpUrl url, String json, Reader<T> reader) {
        return call("POST", url, json, false, reader);
    }

    /** The breaker, retry and limiter counters. */
    public AlpacaHealth health() {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        return new AlpacaHealth(breaker.getState().name(), metrics.getFailureRate(), metrics.getNumberOfBufferedCalls(),
                metrics.getNumberOfFailedCalls(), metrics.getNumberOfNotPermittedCalls(), retries.sum(),
                rateLimited.sum(), limiterRefusals.sum(), lastFailure);
    }

    /** Removes the credentials from a text that came from outside (an error body, say). */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        return text.replace(credentials.secretKey(), MASK).replace(credentials.keyId(), MASK);
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "AlpacaHttp[" + service + " " + baseUrl + "]";
    }

    private <T> T call(String method, HttpUrl url, String json, boolean idempotent, Reader<T> reader) {
        Request request = request(method, url, json);
        String what = method + " " + url.encodedPath();
        Supplier<T> attempt = () -> attempt(request, what, reader);
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, RateLimiter.decorateSupplier(limiter, attempt));
        Supplier<T> decorated = idempotent ? Retry.decorateSupplier(retry, guarded) : guarded;
        try {
            return decorated.get();
        } catch (CallNotPermittedException e) {
            throw unavailable.create(breakerOpenMessage(what), null, false);
        } catch (RequestNotPermitted e) {
            limiterRefusals.increment();
            throw unavailable.create(service + " client-side rate limit of " + policy.requestsPerMinute()
                    + " requests/min reached: " + what + " not sent (no permit within "
                    + policy.rateLimitWait().toMillis() + " ms)", null, false);
        } catch (TransientFailure e) {
            throw unavailable.create(e.getMessage(), e.getCause(), true);
        }
    }

    private <T> T attempt(Request request, String what, Reader<T> reader) {
        try {
            AlpacaResponse response = exchange(request, what);
            LOG.debug("{} {} -> HTTP {}", service, what, response.code());
            return reader.read(response);
        } catch (TransientFailure e) {
            lastFailure = e.getMessage();
            throw e;
        }
    }

    private AlpacaResponse exchange(Request request, String what) {
        try (Response raw = client.newCall(request).execute()) {
            ResponseBody body = raw.body();
            AlpacaResponse response = new AlpacaResponse(what, raw.code(), body == null ? "" : body.string(),
                    this::redact);
            if (raw.code() == 429) {
                rateLimited.increment();
                Duration retryAfter = retryAfter(raw.header("Retry-After"));
                throw new TransientFailure(service + " " + what + ": HTTP 429 rate limited"
                        + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s"), null, retryAfter);
            }
            if (raw.code() >= 500) {
                throw new TransientFailure(service + " " + what + ": " + response.describe());
            }
            return response;
        } catch (IOException e) {
            // timeouts, resets, truncated bodies: OkHttp's messages name the URL, never the headers
            throw new TransientFailure(service + " " + what + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + redact(e.getMessage()) + ")"), e, null);
        }
    }

    private boolean retryable(Throwable failure) {
        if (!(failure instanceof TransientFailure transientFailure)) {
            return false;
        }
        Duration retryAfter = transientFailure.retryAfter();
        return retryAfter == null || retryAfter.compareTo(policy.maxRetryAfter()) <= 0;
    }

    private String breakerOpenMessage(String what) {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        return service + " circuit breaker open: " + Math.round(Math.max(0, metrics.getFailureRate()))
                + "% of the last " + metrics.getNumberOfBufferedCalls() + " calls failed (last: " + lastFailure
                + "); " + what + " not sent; calls resume after " + policy.breakerOpenWait().toSeconds() + " s";
    }

    private Request request(String method, HttpUrl url, String json) {
        RequestBody body = json == null ? null : RequestBody.create(json, JSON);
        return new Request.Builder()
                .url(url)
                .header("APCA-API-KEY-ID", credentials.keyId())
                .header("APCA-API-SECRET-KEY", credentials.secretKey())
                .header("Accept", "application/json")
                .method(method, body)
                .build();
    }

    /** {@code Retry-After} in seconds; an HTTP-date or garbage falls back to the backoff. */
    static Duration retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }
}
