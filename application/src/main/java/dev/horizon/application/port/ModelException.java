package dev.horizon.application.port;

/**
 * A model could not be loaded or run. At startup it names the model directory and the problem
 * (checksum mismatch, unknown feature, interval mismatch, corrupt file) and stops the engine; at
 * inference time the model's predictions are dropped for this cycle.
 */
public class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
