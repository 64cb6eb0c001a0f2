package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.BatchSystems;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.tools.chaos.ChaosAudit;
import gov.bnl.sphenix.production.tools.chaos.ChaosDatabase;
import gov.bnl.sphenix.production.tools.chaos.ChaosFindings;
import gov.bnl.sphenix.production.tools.chaos.ChaosWorld;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prodctl chaos audit --dir D}: audits a world a chaos run left, again, from its sources. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit the world of an earlier chaos run: duplicate jobs, lost outputs, orphan jobs, keys not done.")
final class ChaosAuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, description = "The world's directory, as prodctl chaos printed it.")
    Path dir;

    @Option(names = "--batch", description = "local or condor (default: ${DEFAULT-VALUE}).", defaultValue = "condor")
    String batchKind;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(ChaosWorld.database(dir))) {
            spec.commandLine().getErr().println("prodctl chaos audit: " + dir + " holds no chaos world (no postgres/)");
            return 2;
        }
        try (ChaosDatabase database = ChaosDatabase.start(ChaosWorld.database(dir));
             Catalogs catalogs = Catalogs.open(database.settings());
             BatchSystem batch = BatchSystems.open(batchKind)) {
            ChaosFindings findings = new ChaosAudit(catalogs, batch, ChaosWorld.layout(dir).dstRoot())
                    .audit(ChaosWorld.specs(dir));
            findings.problems().forEach(out::println);
            out.println("audit: " + findings.duplicates().size() + " duplicates, " + findings.lostOutputs().size()
                    + " lost outputs, " + findings.orphans().size() + " orphans, " + findings.keysDone() + " of "
                    + findings.keysDesired() + " keys done");
            return findings.clean() ? 0 : 1;
        }
    }
}
