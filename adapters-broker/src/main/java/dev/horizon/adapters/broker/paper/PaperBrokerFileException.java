package dev.horizon.adapters.broker.paper;

import dev.horizon.application.port.BrokerUnavailableException;

/**
 * The paper broker's account file cannot be used: unreadable, unwritable, or corrupt. The message
 * is one line naming the file and what to do.
 *
 * <p>It is a {@link BrokerUnavailableException} because, to the engine, a broker whose books
 * cannot be read is a broker that cannot be reached: a submit that fails this way placed nothing.
 */
public final class PaperBrokerFileException extends BrokerUnavailableException {

    private static final long serialVersionUID = 1L;

    public PaperBrokerFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
