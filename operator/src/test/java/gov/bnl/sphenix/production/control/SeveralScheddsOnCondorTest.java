package gov.bnl.sphenix.production.control;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.QueueReads;
import gov.bnl.sphenix.production.batch.ScheddAssignment;
import gov.bnl.sphenix.production.batch.Schedds;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.condor.CondorBatchSystem;
import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.batch.condor.MiniCondorPool;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.plan.Tally;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import gov.bnl.sphenix.production.tools.demo.DuplicateCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine on the test pool's two schedds ({@code scripts/minicondor.sh} runs its default one and
 * {@code second@<host>}), as sPHENIX submits from several hosts: a production assigned to the second
 * schedd runs there to completion, each pass reads each schedd's queue and history once, and a
 * revert's condor_rm reaches the jobs on the schedd that holds them.
 */
@Tag("condor")
class SeveralScheddsOnCondorTest {

    private final String streaming = "multi-schedd-" + UUID.randomUUID().toString().substring(0, 8);

    private Path root;
    private DemoWorld world;
    private Engine engine;
    private String first;
    private String second;

    @BeforeEach
    void buildWorld() throws Exception {
        MiniCondorPool.requireUp();
        List<String> names = MiniCondorPool.scheddNames();
        first = names.get(0);
        second = names.get(1);
        root = MiniCondorPool.share().resolve("schedds-" + UUID.randomUUID());
        CondorSettings settings = MiniCondorPool.settings(WrapperLaunch.in(root.resolve("worker-lib")));
        LocalPool.openToPoolJobs(root.resolve("world"));
        world = DemoWorld.create(root.resolve("world"), RepositoryFiles.productionSpecs(), 6, 11,
                data -> new Schedds(List.of(member(settings, first), member(settings, second)),
                        new ScheddAssignment(Map.of(streaming, second))));
        engine = world.startEngine();
    }

    private static Schedds.Member member(CondorSettings settings, String name) {
        return new Schedds.Member(name, new CondorBatchSystem(settings.withScheddName(name), JobDirectories.worldWritable()));
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (world != null) {
            world.batch().remove(Selection.production(streaming), "test over");
            world.close();
        }
        RepositoryFiles.deleteTree(root);
    }

    @Test
    void aProductionAssignedToTheSecondScheddRunsThereToCompletion() throws Exception {
        world.declareAs("streaming", streaming, "Merge pull request #7: event building on the second submit host");

        PassReport last = passUntil(r -> r.status(streaming).map(s -> s.state() == ProductionStanding.State.COMPLETE)
                .orElse(false), Duration.ofMinutes(5));

        ProductionStanding status = last.status(streaming).orElseThrow();
        assertThat(status.count(Tally.SUCCEEDED)).isPositive();
        assertThat(status.count(Tally.FAILED)).isZero();
        assertThat(status.outputsRegistered()).isEqualTo(status.count(Tally.SUCCEEDED));
        List<BatchJob> jobs = everyJob();
        assertThat((long) jobs.size()).isGreaterThanOrEqualTo(status.count(Tally.SUCCEEDED));
        assertThat(jobs)
                .allSatisfy(job -> assertThat(job.id().schedd()).isEqualTo(second));
        assertThat(DuplicateCheck.count(jobs, Instant.now())).isZero();
        // the ledger recorded each job with its schedd: the rows' ids are the queue's ids
        List<LedgerJob> rows = new ArrayList<>();
        new JobLedger(world.catalogs().ledger(), world.catalogs().retry(), Clock.systemUTC())
                .jobs(streaming, EnumSet.allOf(LedgerState.class), rows::add);
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.schedd()).isEqualTo(second));
    }

    @Test
    void eachPassReadsEachScheddOnceAndARevertRemovesTheJobsWhereTheyAre() throws Exception {
        RevCommit start = world.declareAs("streaming", streaming, "Merge pull request #8: event building");
        passUntil(r -> r.status(streaming).map(s -> s.submittingOrQueued() + s.count(Tally.RUNNING) > 0).orElse(false),
                Duration.ofMinutes(2));

        QueueReads before = world.batch().reads();
        engine.pass();
        assertThat(world.batch().reads().since(before)).as("one condor_q and one condor_history per schedd")
                .isEqualTo(new QueueReads(2, 2));

        world.specs().revertAndPush(start);
        passUntil(r -> r.status(streaming).isEmpty(), Duration.ofMinutes(2));

        assertThat(world.batch().query(streaming).jobs()).noneMatch(BatchJob::isLive);
    }

    private PassReport passUntil(Predicate<PassReport> done, Duration timeout) {
        return Passes.until(engine, done, timeout, Duration.ofSeconds(1));
    }

    private List<BatchJob> everyJob() {
        List<BatchJob> jobs = new ArrayList<>(world.batch().query(streaming).jobs());
        jobs.addAll(world.batch().history(Selection.production(streaming), 10_000).jobs());
        return jobs;
    }
}
