package dev.horizon.bootstrap.cli;

import dev.horizon.bootstrap.observability.Logging;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Parses a command line, runs the command and turns every outcome into an exit code. */
public final class Cli {

    private Cli() {
    }

    /** Runs {@code args} in {@code context}; returns the exit code (0, 1 or 2). */
    public static int run(String[] args, CliContext context) {
        HorizonCommand root = new HorizonCommand(context);
        CommandLine line = new CommandLine(root);
        line.setOut(context.out());
        line.setErr(context.err());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionStrategy(parsed -> {
            GlobalOptions g = root.global();
            String format = g.logFormat() == null || g.logFormat().equalsIgnoreCase("text") ? "human" : g.logFormat();
            try {
                Logging.configure(format, g.debug());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(parsed.commandSpec().commandLine(), "--log-format: " + e.getMessage());
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        line.setParameterExceptionHandler((ParameterException e, String[] a) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            context.err().println(command + ": " + Failures.oneLine(e.getMessage()) + " (see '" + command + " --help')");
            context.err().flush();
            return ExitCodes.USAGE;
        });
        line.setExecutionExceptionHandler((Exception e, CommandLine cl, ParseResult parsed) ->
                Failures.report(e, context.err(), root.global().debug()));
        int code = line.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }
}
