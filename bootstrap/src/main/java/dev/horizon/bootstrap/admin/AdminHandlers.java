package dev.horizon.bootstrap.admin;

import dev.horizon.application.port.ControlCommand;

/**
 * What the admin endpoint serves, supplied by whoever runs the engine. Every method is called on
 * an admin server thread, concurrently with the engine's cycle; implementations read published
 * state (a snapshot reference, the metrics registry) and must not block on the cycle.
 */
public interface AdminHandlers {

    /** False when the engine should be reported unhealthy ({@code GET /health} answers 503). */
    boolean healthy();

    /** The body of {@code GET /health}: a JSON object with at least {@code "status"}. */
    String healthJson();

    /** The body of {@code GET /metrics}: Prometheus text format 0.0.4. */
    String metricsText();

    /**
     * The body of {@code GET /status}: a JSON object with positions, portfolio value, cash,
     * P&amp;L today, kill switch, open orders and last cycle. Never secrets.
     */
    String statusJson();

    /** Queues an operator command for the engine's next cycle (e.g. to its control inbox). */
    void post(ControlCommand command);
}
