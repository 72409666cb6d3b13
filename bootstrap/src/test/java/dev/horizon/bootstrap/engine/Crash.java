package dev.horizon.bootstrap.engine;

/**
 * The process dying at a chosen point. An {@link Error}, so no handler in the engine can catch it
 * and carry on — exactly like a SIGKILL, the rest of the cycle never happens.
 */
final class Crash extends Error {

    private static final long serialVersionUID = 1L;

    Crash(String where) {
        super("simulated crash " + where);
    }
}
