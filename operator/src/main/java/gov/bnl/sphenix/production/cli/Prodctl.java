package gov.bnl.sphenix.production.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code prodctl}: the command line of the sPHENIX production operator. */
@Command(name = "prodctl",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Declarative sPHENIX data production: validate production specs, plan, run, report.",
        subcommands = {DemoCommand.class, RunCommand.class, StatusCommand.class, OperatorCommand.class, ValidateCommand.class, SchemaCommand.class, CatalogCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Prodctl implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs a command line with its output captured; for tests and embedding. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Prodctl()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
