package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** The world end-to-end tests of the engine share: a dozen runs, the example specs, the local executor. */
public final class LocalWorlds {

    private LocalWorlds() {
    }

    /** Twelve runs of seed 7: enough physics runs for every demo production to have work. */
    public static DemoWorld create(Path dir) throws IOException, SQLException {
        return DemoWorld.create(dir, RepositoryFiles.productionSpecs(), 12, 7,
                data -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(2)));
    }

    /** Every ledger row of a production, whatever its state. */
    public static List<LedgerJob> ledgerRows(DemoWorld world, String production) throws SQLException {
        List<LedgerJob> rows = new ArrayList<>();
        new JobLedger(world.catalogs().ledger(), world.catalogs().retry(), Clock.systemUTC())
                .jobs(production, EnumSet.allOf(LedgerState.class), rows::add);
        return rows;
    }

    /** Event building of the MVTX streams of the sixteen runs from {@code first}, segment 0 only, with the rules of {@code ruleSet}. */
    public static String mvtxStreaming(String name, String ruleSet, int first) {
        return """
                apiVersion: production.sphenix.bnl.gov/v1alpha1
                kind: Production
                metadata:
                  name: %s
                spec:
                  contract: operator     # the stand-in payload, not the rule's script
                  rule:
                    ruleSet: %s
                    name: Full_STREAMING_EVENT_run3physics
                  runs:
                    range: [%d, %d]
                  segments: first-only
                  masks: ["TPC{00..23}", TPOT, "INTT{0..7}"]
                  memory: 256 MB, 1 GB
                """.formatted(name, ruleSet, first, first + 15);
    }
}
