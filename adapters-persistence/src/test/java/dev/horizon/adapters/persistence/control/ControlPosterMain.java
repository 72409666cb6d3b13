package dev.horizon.adapters.persistence.control;

import dev.horizon.application.port.ControlCommand;
import java.nio.file.Path;

/**
 * A CLI in its own process: posts {@code count} kill commands with reasons {@code <name>-0..}
 * to the inbox beside {@code args[0]}, then exits.
 */
public final class ControlPosterMain {

    private ControlPosterMain() {
    }

    public static void main(String[] args) {
        FileControlInbox inbox = FileControlInbox.beside(Path.of(args[0]));
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            inbox.post(new ControlCommand.Kill(name + "-" + i));
        }
    }
}
