package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.connect.EmbeddedCatalogServer;
import gov.bnl.sphenix.production.tools.world.SpecsWorkspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * {@code prodctl plan} on a test world: its specs working copy, its catalogs through the URL a user
 * would set, its batch system (the local executor lives in the test's process, so it is handed in).
 */
record PlanInAWorld(Catalogs catalogs, BatchSystem batch, SpecsWorkspace specs) {

    /** The name the world's engine gives its specs source in the ledger. */
    String sourceName() {
        return specs.url() + "@" + SpecsWorkspace.BRANCH;
    }

    Map<String, String> environment() {
        return Map.of("PRODOP_CATALOG_URL", catalogs.embeddedServer().orElseThrow().jdbcUrl(),
                "PRODOP_CATALOG_USER", EmbeddedCatalogServer.USER);
    }

    /** Runs the command with {@code --specs} and {@code --source-name} of the world, then {@code more}. */
    int plan(StringWriter output, String... more) {
        PlanCommand command = new PlanCommand();
        command.environment = environment();
        command.batchSystem = Optional.of(batch);
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(output, true));
        cli.setErr(new PrintWriter(output, true));
        String[] base = {"--specs", specs.workingCopy().toString(), "--source-name", sourceName()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return cli.execute(all);
    }
}
