package gov.bnl.sphenix.production.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.condor.CondorBatchSystem;
import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.batch.condor.MiniCondorPool;
import gov.bnl.sphenix.production.job.BatchJob;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine benchmark's shape, small, on the real pool: every measured pass reads the schedd's
 * queue once and its history once (counted as {@code condor_q} and {@code condor_history} runs of
 * the adapter's command runner), however many productions it plans, and no job of the floor is left
 * in the pool afterwards.
 */
@Tag("condor")
class EngineBenchOnCondorTest {

    /** Three productions over 60 runs, 120 queued jobs; the same new work in both measurements. */
    private static final EngineFloor SMALL = new EngineFloor(3, 60, 18_000, 120, 100, 3_000, 5, 2, 10, 10, 42);

    @Test
    void everyPassReadsTheQueueAndItsHistoryOnceWhateverTheNumberOfProductions() throws Exception {
        MiniCondorPool.requireUp();
        CondorSettings settings = MiniCondorPool.settings();
        StringWriter log = new StringWriter();

        EngineBenchResult result = new EngineBench(data -> new CondorBatchSystem(settings, JobDirectories.worldWritable()),
                RepositoryFiles.productionSpecs(), MiniCondorPool.share(), new PrintWriter(log, true)).run(SMALL)
                .orElseThrow();
        System.out.print(log);

        assertThat(result.queueReads()).isEqualTo(1);
        assertThat(result.historyReads()).isEqualTo(1);
        List<String> passes = log.toString().lines().filter(l -> l.startsWith("engine: pass ")).toList();
        assertThat(passes).hasSize(6).allSatisfy(pass -> assertThat(pass).contains(" 1 condor_q, 1 condor_history;"));
        assertThat(passes.get(0)).contains(" 5 submitted,");
        assertThat(result.line()).matches("engine: [0-9]+ ms per pass over 3 productions, [0-9]+ ledger rows,"
                + " 120 queued jobs; [0-9]+ MB heap; 1 queue reads");
        assertThat(result.ledgerRows()).isGreaterThan(3_000);
        try (CondorBatchSystem pool = new CondorBatchSystem(settings)) {
            assertThat(pool.query(Selection.productions(result.names())).jobs()).noneMatch(BatchJob::isLive);
        }
    }
}
