package dev.horizon.bootstrap.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.horizon.application.port.ControlCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional admin HTTP endpoint of a running engine, on the JDK's HTTP server.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><td>{@code GET /health}</td><td>200, or 503 when unhealthy; JSON</td></tr>
 *   <tr><td>{@code GET /metrics}</td><td>Prometheus text format 0.0.4</td></tr>
 *   <tr><td>{@code GET /status}</td><td>positions, value, cash, P&amp;L, kill switch, orders; JSON</td></tr>
 *   <tr><td>{@code POST /pause}, {@code /resume}, {@code /reset-kill}</td><td>202; bearer token required</td></tr>
 *   <tr><td>{@code POST /kill}</td><td>202; reason in {@code {"reason": "..."}} or {@code ?reason=}; token required</td></tr>
 * </table>
 *
 * <p>Refusals, each with a JSON {@code {"error": "..."}}: no token configured 403; no bearer
 * token 401 (with {@code WWW-Authenticate: Bearer}); wrong token 401; wrong method 405 (with
 * {@code Allow}); unknown path 404; body over {@value #MAX_BODY_BYTES} bytes 413; a kill without
 * a reason or an unreadable body 400. The token is compared in constant time and never appears
 * in a response or a log line.
 *
 * <p>It binds to a loopback address only, unless the caller allows otherwise explicitly.
 */
public final class AdminServer implements AutoCloseable {

    /** The largest request body accepted (a kill reason needs far less). */
    public static final int MAX_BODY_BYTES = 4096;

    static final String JSON = "application/json; charset=utf-8";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final String BEARER = "Bearer ";

    /** Each path and the one method it answers. */
    private static final Map<String, String> ROUTES = Map.of(
            "/health", "GET",
            "/metrics", "GET",
            "/status", "GET",
            "/pause", "POST",
            "/resume", "POST",
            "/kill", "POST",
            "/reset-kill", "POST");

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] tokenDigest;
    private final AdminHandlers handlers;
    private final ObjectMapper mapper = new ObjectMapper();
    private boolean closed;

    private AdminServer(HttpServer server, ExecutorService executor, byte[] tokenDigest, AdminHandlers handlers) {
        this.server = server;
        this.executor = executor;
        this.tokenDigest = tokenDigest;
        this.handlers = handlers;
    }

    /** {@link #start(InetSocketAddress, String, AdminHandlers, boolean)} on a loopback address only. */
    public static AdminServer start(InetSocketAddress bind, String token, AdminHandlers handlers) {
        return start(bind, token, handlers, false);
    }

    /**
     * Starts serving on {@code bind} (port 0 picks a free port; see {@link #address()}).
     *
     * @param token            the bearer token for the mutating endpoints; null or blank disables them
     * @param allowNonLoopback whether {@code bind} may be an address other machines can reach
     * @throws IllegalArgumentException when {@code bind} is unresolved, or not a loopback address
     *                                  and {@code allowNonLoopback} is false
     * @throws IllegalStateException    when the address cannot be bound (e.g. the port is in use)
     */
    public static AdminServer start(InetSocketAddress bind, String token, AdminHandlers handlers,
                                    boolean allowNonLoopback) {
        if (bind == null || bind.isUnresolved()) {
            throw new IllegalArgumentException("admin endpoint address " + bind + " cannot be resolved: use e.g. "
                    + "127.0.0.1:9464");
        }
        if (!bind.getAddress().isLoopbackAddress() && !allowNonLoopback) {
            throw new IllegalArgumentException("admin endpoint address " + hostPort(bind) + " is not a loopback "
                    + "address: bind it to 127.0.0.1 (or ::1), or allow other interfaces explicitly");
        }
        if (handlers == null) {
            throw new IllegalArgumentException("admin endpoint needs its handlers");
        }
        String configured = token == null ? "" : token.strip();
        byte[] digest = configured.isEmpty() ? null : sha256(configured);
        HttpServer server;
        try {
            server = HttpServer.create(bind, 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the admin endpoint on " + hostPort(bind) + ": "
                    + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, daemonThreads());
        AdminServer admin = new AdminServer(server, executor, digest, handlers);
        server.createContext("/", admin::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("admin endpoint on http://{}: GET /health /metrics /status; POST /pause /resume /kill /reset-kill {}",
                hostPort(admin.address()), digest == null ? "disabled (no admin.token)" : "with the bearer token");
        return admin;
    }

    /** The address served, with the actual port. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops serving; requests in flight are cut off. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try {
            route(exchange);
        } catch (RuntimeException | IOException e) {
            LOG.warn("admin: {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    e.toString());
            trySend(exchange, 500, "internal error: see the engine log");
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String allowed = ROUTES.get(path);
        if (allowed == null) {
            sendError(exchange, 404, "no such endpoint: GET /health, /metrics, /status; POST /pause, /resume, "
                    + "/kill, /reset-kill");
            return;
        }
        if (!allowed.equals(method)) {
            exchange.getResponseHeaders().set("Allow", allowed);
            sendError(exchange, 405, path + " answers " + allowed + " only");
            return;
        }
        switch (path) {
            case "/health" -> send(exchange, handlers.healthy() ? 200 : 503, JSON, handlers.healthJson());
            case "/metrics" -> send(exchange, 200, PROMETHEUS_TEXT, handlers.metricsText());
            case "/status" -> send(exchange, 200, JSON, handlers.statusJson());
            default -> command(exchange, path);
        }
    }

    private void command(HttpExchange exchange, String path) throws IOException {
        if (!authorized(exchange)) {
            return;
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            sendError(exchange, 413, "request body too large: at most " + MAX_BODY_BYTES + " bytes");
            return;
        }
        ControlCommand command;
        switch (path) {
            case "/pause" -> command = new ControlCommand.Pause();
            case "/resume" -> command = new ControlCommand.Resume();
            case "/reset-kill" -> command = new ControlCommand.ResetKill();
            default -> {
                String reason = killReason(exchange, body);
                if (reason == null) {
                    return;
                }
                command = new ControlCommand.Kill(reason);
            }
        }
        try {
            handlers.post(command);
        } catch (RuntimeException e) {
            LOG.warn("admin: could not queue {}: {}", command.name(), e.toString());
            sendError(exchange, 500, "could not queue " + command.name() + ": see the engine log");
            return;
        }
        LOG.info("admin: {} queued for the next cycle (from {})",
                command instanceof ControlCommand.Kill k ? "kill (" + k.reason() + ")" : command.name(),
                exchange.getRemoteAddress().getAddress().getHostAddress());
        send(exchange, 202, JSON, json("status", "accepted", "command", command.name()));
    }

    /** Answers 403/401 and returns false unless the request carries the configured bearer token. */
    private boolean authorized(HttpExchange exchange) throws IOException {
        String from = exchange.getRemoteAddress().getAddress().getHostAddress();
        String path = exchange.getRequestURI().getPath();
        if (tokenDigest == null) {
            LOG.warn("admin: POST {} from {} refused: mutating endpoints are disabled", path, from);
            sendError(exchange, 403, "mutating endpoints are disabled: set admin.token");
            return false;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            LOG.warn("admin: POST {} from {} refused: no bearer token", path, from);
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"horizon\"");
            sendError(exchange, 401, "missing bearer token: send Authorization: Bearer <admin.token>");
            return false;
        }
        byte[] presented = sha256(header.substring(BEARER.length()).strip());
        // Digests of equal length, compared without an early exit: the time taken says nothing about the token.
        if (!MessageDigest.isEqual(presented, tokenDigest)) {
            LOG.warn("admin: POST {} from {} refused: invalid bearer token", path, from);
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"horizon\", error=\"invalid_token\"");
            sendError(exchange, 401, "invalid bearer token");
            return false;
        }
        return true;
    }

    /** The kill's reason from the body's {@code reason} or the {@code reason} query parameter; null after a 400. */
    private String killReason(HttpExchange exchange, byte[] body) throws IOException {
        String reason = null;
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.isBlank()) {
            JsonNode node;
            try {
                node = mapper.readTree(text);
            } catch (JsonProcessingException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                sendError(exchange, 400, "the body must be a JSON object like {\"reason\": \"...\"}");
                return null;
            }
            JsonNode value = node.get("reason");
            reason = value != null && value.isTextual() ? value.asText() : null;
        }
        if (reason == null) {
            reason = queryParameter(exchange.getRequestURI().getRawQuery(), "reason");
        }
        if (reason == null || reason.isBlank()) {
            sendError(exchange, 400, "a kill needs a reason: send {\"reason\": \"...\"} or ?reason=...");
            return null;
        }
        return reason.strip();
    }

    /** The body, or null when it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > MAX_BODY_BYTES) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY_BYTES) {
                    return null;
                }
            }
        }
        return out.toByteArray();
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void sendError(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, JSON, json("error", message));
    }

    /** A flat JSON object of the given names and values, escaped by Jackson. */
    private String json(String... namesAndValues) {
        ObjectNode node = mapper.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON reply", e);
        }
    }

    private void trySend(HttpExchange exchange, int status, String message) {
        try {
            sendError(exchange, status, message);
        } catch (IOException | RuntimeException e) {
            // Headers already sent or the client is gone: nothing more to tell it.
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String hostPort(InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "horizon-admin-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
