package dev.horizon.application.recovery;

/** Strict reconciliation found the engine and the broker disagreeing; the message holds the table. */
public final class ReconciliationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReconciliationException(String message) {
        super(message);
    }
}
