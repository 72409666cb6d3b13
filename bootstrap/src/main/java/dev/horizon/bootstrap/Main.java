package dev.horizon.bootstrap;

import dev.horizon.bootstrap.cli.Cli;
import dev.horizon.bootstrap.cli.CliContext;
import dev.horizon.bootstrap.spi.AdapterRegistry;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The {@code horizon} command: {@code java -jar horizon.jar <command> ...}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            AdapterRegistry registry = AdapterRegistry.discover(Main.class.getClassLoader());
            code = Cli.run(args, new CliContext(out, err, System::getenv, Path.of(""), registry));
        } catch (RuntimeException e) {
            err.println("horizon: " + e.getMessage());
            code = 1;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
