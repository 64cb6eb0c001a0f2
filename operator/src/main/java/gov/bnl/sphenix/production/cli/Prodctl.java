package gov.bnl.sphenix.production.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code prodctl}: the command line of the sPHENIX production operator. */
@Command(name = "prodctl",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Declarative sPHENIX data production: validate production specs, plan, run, report.",
        subcommands = {DemoCommand.class, TryCommand.class, RunCommand.class, PlanCommand.class, StatusCommand.class,
                WhyCommand.class, ReportCommand.class, HistoryCommand.class, OperatorCommand.class, ValidateCommand.class,
                SchemaCommand.class, CatalogCommand.class, ImportCommand.class, BenchCommand.class, ChaosCommand.class,
                CommandLine.HelpCommand.class})
public final class Prodctl implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show every log line (libraries included) and the stack trace of a failure.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code. */
    public static int run(String... args) {
        return execute(commandLine(), args);
    }

    /** Runs a command line with its output captured; for tests and embedding. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return execute(commandLine().setOut(out).setErr(err), args);
    }

    private static int execute(CommandLine commandLine, String... args) {
        java.util.Optional<UnknownCommand> unknown = UnknownCommand.in(args, commandLine.getSubcommands().keySet());
        if (unknown.isPresent()) {
            commandLine.getErr().println(unknown.get().message());
            commandLine.getErr().flush();
            return 2;
        }
        return commandLine.execute(args);
    }

    static CommandLine commandLine() {
        Prodctl prodctl = new Prodctl();
        CommandLine commandLine = new CommandLine(prodctl).setCaseInsensitiveEnumValuesAllowed(true);
        // --verbose is known only once parsed: the handler reads it when a command has failed
        return commandLine.setExecutionExceptionHandler((e, command, parsed) ->
                        new NamedFailures(prodctl.verbose).handleExecutionException(e, command, parsed))
                .setExecutionStrategy(parsed -> {
                    LogSetup.apply(logChoice(parsed, prodctl.verbose));
                    return new CommandLine.RunLast().execute(parsed);
                });
    }

    /** The commands that offer --log-format run for long and keep their own INFO lines; the others are quiet. */
    static LogSetup.Choice logChoice(CommandLine.ParseResult parsed, boolean verbose) {
        CommandLine.ParseResult command = parsed;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        boolean longRunning = command.commandSpec().findOption(LogFormatOption.NAME) != null;
        return new LogSetup.Choice(verbose, longRunning,
                command.matchedOptionValue(LogFormatOption.NAME, LogSetup.Format.TEXT));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
