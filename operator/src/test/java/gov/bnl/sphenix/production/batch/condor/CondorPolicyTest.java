package gov.bnl.sphenix.production.batch.condor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.BatchFixtures.WorkArea;
import gov.bnl.sphenix.production.batch.BatchFixtures;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.JobPolicy;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.batch.JobSpecs;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.SphenixprodCall;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.spec.Production;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The loops the submit description's policy ends, on the real pool: a job evicted again and again
 * is held instead of restarting forever, and a job that runs too long is held. And the rule's own
 * submit options reach the queued job.
 */
@Tag("condor")
class CondorPolicyTest {

    private static Path root;
    private static WorkArea work;
    private static WrapperLaunch wrapper;

    @BeforeAll
    static void pool() {
        if (!MiniCondorPool.available()) {
            return;
        }
        root = MiniCondorPool.share().resolve("tests-" + UUID.randomUUID());
        work = WorkArea.in(root, true);
        wrapper = WrapperLaunch.in(root.resolve("worker-lib"));
    }

    @AfterAll
    static void cleanUp() throws IOException {
        RepositoryFiles.deleteTree(root);
    }

    @BeforeEach
    void needsThePool() {
        MiniCondorPool.requireUp();
    }

    private static CondorBatchSystem condor(JobPolicy policy) {
        return new CondorBatchSystem(MiniCondorPool.settings(wrapper).withPolicy(policy),
                JobDirectories.worldWritable());
    }

    @Test
    void aJobEvictedOverAndOverIsHeldInsteadOfRestartingForever() throws Exception {
        CondorBatchSystem condor = condor(new JobPolicy(true, 1, Duration.ofDays(1)));
        Production production = BatchFixtures.production("evicted");
        JobSpec job = work.job(production, 67999, 0, 512);
        BatchJobId id = condor.submit(List.of(job)).idOf(job.key());
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> running(condor, id, 1));
            vacate(id); // what a preempting pool does to a job: it goes back to the queue and starts again

            BatchJob held = await().atMost(Duration.ofSeconds(60)).until(() -> job(condor, id),
                    j -> j.state() == BatchState.HELD);

            assertThat(held.hold().orElseThrow().code()).isEqualTo(Hold.PERIODIC_HOLD);
            assertThat(held.hold().orElseThrow().subcode()).isEqualTo(Hold.TOO_MANY_STARTS);
            assertThat(held.hold().orElseThrow().reason()).isEqualTo("started 2 times, more than the 1 allowed");
            assertThat(held.numJobStarts()).isEqualTo(2);
        } finally {
            condor.remove(Selection.production(production.name()), "test over");
        }
    }

    @Test
    void aJobPastTheMaximumRunTimeIsHeld() {
        CondorBatchSystem condor = condor(JobPolicy.DEFAULT.withMaxRunTime(Duration.ofSeconds(3)));
        Production production = BatchFixtures.production("runtime");
        JobSpec job = work.job(production, 67999, 0, 512);
        BatchJobId id = condor.submit(List.of(job)).idOf(job.key());
        try {
            BatchJob held = await().atMost(Duration.ofSeconds(60)).until(() -> job(condor, id),
                    j -> j.state() == BatchState.HELD);

            assertThat(held.hold().orElseThrow().subcode()).isEqualTo(Hold.RUN_TIME_EXCEEDED);
            assertThat(held.hold().orElseThrow().reason()).startsWith("running for ")
                    .endsWith(" s, longer than the maximum of 3 s");
            assertThat(held.isHeldForMemory()).isFalse();
        } finally {
            condor.remove(Selection.production(production.name()), "test over");
        }
    }

    @Test
    void aJobInSphenixprodsConventionCarriesTheRulesSubmitOptionsIntoItsClassAd() {
        CondorBatchSystem condor = condor(JobPolicy.DEFAULT);
        Path disk2 = root.resolve("data03");
        Production production = BatchFixtures.withRuleDirectories(
                BatchFixtures.withSubmitOptions(BatchFixtures.production("options")), disk2);
        JobSpecs jobs = new JobSpecs(work.layout().withRuleRoots(List.of(disk2)), work.payloads());
        JobSpec job = jobs.of(production, new JobSpecs.Request(67999, 0, "", "physics",
                List.of("/sphenix/lustre01/DST_CALOFITTING_run3auau-67999-0.root"), "tok-options", 512),
                new SphenixprodCall(4711, List.of("DST_CALOFITTING"), 0, List.of(work.payloads().resolve("run_calo.sh")),
                        root.resolve("helpers")));
        BatchJobId id = condor.submit(List.of(job)).idOf(job.key());
        try {
            // held at once, so that the job stays in the queue to be read wherever the pool would run it
            condor.hold(Selection.id(id), "kept in the queue to read its ClassAd");
            CommandResult ad = new CommandRunner().run(List.of(MiniCondorPool.inPool().toString(), "condor_q", "-l",
                    id.toString()), null, Duration.ofSeconds(30));

            assertThat(ad.succeeded()).as(ad.describe()).isTrue();
            assertThat(ad.stdout().lines()).as(ad.stdout())
                    .anyMatch(l -> l.equalsIgnoreCase("RequestXferslots = 3"))
                    .contains("PeriodicRemove = NumJobStarts > 3", "AcctGroupUser = \"sphnxpro\"", "RequestDisk = 10485760")
                    .anyMatch(l -> l.equalsIgnoreCase("ConcurrencyLimits = \"cvmfs\""))
                    .anyMatch(l -> l.startsWith("Requirements = ") && l.contains("TARGET.Arch =!= \"none\""))
                    .anyMatch(l -> l.startsWith("PeriodicHold = ") && l.endsWith("|| ProdOpRuleHold"))
                    .contains("ProdOpRuleHold = ((NumJobStarts >= 1 && JobStatus == 1))")
                    .contains("Cmd = \"" + work.payloads().resolve("run_calo.sh") + "\"")
                    .anyMatch(l -> l.startsWith("Environment = ") && l.contains("SPHENIXPROD_SCRIPT_PATH=" + root.resolve("helpers")))
                    .anyMatch(l -> l.startsWith("Arguments = \"ana.530 run3auau ") && l.endsWith(" 4711\""))
                    .contains("ProdOpComment = \"calorimeter \\\"fitting\\\" test\"");
            // the rule's filesystem block: logs and the batch log where it says, on the second disk (histograms
            // are staged under the operator's staging tree and go to the rule's histdir when harvested)
            String below = "production/run3auau/physics/ana530_2025p008_v001/" + production.dsttype() + "/run_00067900_00068000";
            String stem = job.files().stem();
            assertThat(ad.stdout().lines()).as(ad.stdout())
                    .contains("UserLog = \"" + disk2.resolve("condor/" + below + "/log/" + stem + ".condor") + "\"")
                    .contains("Out = \"" + disk2.resolve(below + "/log/" + stem + ".out") + "\"")
                    .contains("Err = \"" + disk2.resolve(below + "/log/" + stem + ".err") + "\"")
                    .anyMatch(l -> l.startsWith("Arguments = ") && l.contains(" " + disk2.resolve(below + "/log") + " "));
        } finally {
            condor.remove(Selection.production(production.name()), "test over");
        }
    }

    private static BatchJob job(CondorBatchSystem condor, BatchJobId id) {
        return condor.query(Selection.id(id)).jobs().get(0);
    }

    private static boolean running(CondorBatchSystem condor, BatchJobId id, int starts) {
        BatchJob job = job(condor, id);
        return job.state() == BatchState.RUNNING && job.numJobStarts() == starts;
    }

    private static void vacate(BatchJobId id) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(MiniCondorPool.inPool().toString(), "condor_vacate_job", id.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
