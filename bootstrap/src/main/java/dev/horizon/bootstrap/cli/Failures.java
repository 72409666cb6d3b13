package dev.horizon.bootstrap.cli;

import dev.horizon.adapters.broker.paper.PaperBrokerFileException;
import dev.horizon.adapters.data.replay.CsvDataException;
import dev.horizon.application.port.ModelException;
import dev.horizon.application.port.StateCorruptedException;
import dev.horizon.application.port.StateLockedException;
import dev.horizon.application.port.StateStoreException;
import dev.horizon.application.recovery.ReconciliationException;
import dev.horizon.bootstrap.config.ConfigException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Turns any failure into what the user sees: one line on stderr (the stack trace only with
 * {@code --debug}) and an exit code — 2 for what the user can fix in the command, the config or
 * the files it names; 1 for everything else.
 */
final class Failures {

    private Failures() {
    }

    /** Prints {@code e} to {@code err} and returns the exit code. */
    static int report(Throwable e, PrintWriter err, boolean debug) {
        Classified c = classify(e);
        err.println("horizon: " + c.line());
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return c.exitCode();
    }

    record Classified(int exitCode, String line) {
    }

    static Classified classify(Throwable e) {
        if (e instanceof CliError ce) {
            return new Classified(ce.exitCode(), ce.getMessage());
        }
        if (e instanceof ConfigException ce) {
            return new Classified(ExitCodes.USAGE, ce.getMessage());
        }
        if (e instanceof StateLockedException) {
            return new Classified(ExitCodes.FAILURE, oneLine(e.getMessage()));
        }
        if (e instanceof StateCorruptedException || e instanceof ModelException || e instanceof CsvDataException
                || e instanceof PaperBrokerFileException) {
            return new Classified(ExitCodes.USAGE, oneLine(e.getMessage()));
        }
        if (e instanceof ReconciliationException) {
            // the table of differences is the point of this message: keep its lines
            return new Classified(ExitCodes.FAILURE, e.getMessage().strip());
        }
        if (e instanceof StateStoreException || e instanceof UncheckedIOException) {
            return new Classified(ExitCodes.FAILURE, oneLine(e.getMessage()));
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
        return new Classified(ExitCodes.FAILURE, message + " (" + e.getClass().getSimpleName()
                + "; run with --debug for the stack trace)");
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
