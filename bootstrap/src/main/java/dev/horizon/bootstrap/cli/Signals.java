package dev.horizon.bootstrap.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT for a running engine (OPERATIONS.md "Daemon"): the first asks the loop to
 * stop after the cycle in progress (which persists; the caller then closes the store and exits
 * 0); a second exits at once — the state is still consistent, as every write is atomic.
 *
 * <p>Handlers replace the JVM's default (shutdown) so the process can finish the cycle and exit 0
 * on its own. Where the JVM does not allow it, the default stays and a shutdown hook asks for the
 * stop instead.
 */
final class Signals {

    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private final AtomicReference<Runnable> stop = new AtomicReference<>();
    private final AtomicInteger received = new AtomicInteger();
    private final PrintWriter err;
    private volatile boolean requested;

    private Signals(PrintWriter err) {
        this.err = err;
    }

    /** Installs the handlers; {@link #onStop} says what a first signal does. */
    static Signals install(PrintWriter err) {
        Signals signals = new Signals(err);
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> signals.received(s.getName(), s.getNumber()));
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                LOG.debug("cannot handle SIG{} ({}); the JVM's default applies", name, e.toString());
            }
        }
        return signals;
    }

    /** What the first signal runs (request a stop); runs at once if a signal already came. */
    void onStop(Runnable action) {
        stop.set(action);
        if (requested) {
            action.run();
        }
    }

    /** Whether a stop was asked for. */
    boolean requested() {
        return requested;
    }

    private void received(String name, int number) {
        if (received.incrementAndGet() > 1) {
            err.println("horizon: second SIG" + name + ": exiting now (the state is consistent: every write is atomic)");
            err.flush();
            Runtime.getRuntime().halt(128 + number);
        }
        requested = true;
        err.println("horizon: SIG" + name + " received: finishing the current cycle, then exiting"
                + " (send it again to exit at once)");
        err.flush();
        Runnable action = stop.get();
        if (action != null) {
            action.run();
        }
    }
}
