package gov.bnl.sphenix.production.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code prodctl catalog ...}: the sPHENIX catalogs for development and the demo. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Work with the catalogs: seed a synthetic sPHENIX catalog.",
        subcommands = {CatalogSeedCommand.class})
final class CatalogCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
