package gov.bnl.sphenix.production.tools.takeover;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.condor.BatchNamedJobs.NamedJob;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.files.FileLocations;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.source.CheckedOutSpecs;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.SpecRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import's decisions, row by row, for the example specs' productions: what is adopted, what
 * counts as done (the FileCatalog is a real PostgreSQL), and the reason for everything left alone.
 * The queue is given as the adapter reads it; the pool itself is in ImportSphenixprodOnCondorTest.
 */
class TakeoverPlannerTest {

    private static Catalogs catalogs;
    private static List<Production> declared;
    private static Production calo;
    private static Production streaming;

    private long nextDbid = 100;

    @BeforeAll
    static void theExampleSpecsAndAFileCatalog() throws Exception {
        catalogs = TestPostgres.freshCatalogs();
        try (CheckedOutSpecs specs = CheckedOutSpecs.open(RepositoryFiles.productionSpecs())) {
            declared = specs.workingTree().report().repository().map(SpecRepository::productions).orElseThrow();
        }
        calo = named("run3auau-calo-golden");
        streaming = named("run3auau-streaming-physics");
        try (Connection c = catalogs.fileCatalog().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO files (lfn, full_host_name, full_file_path, time, size, md5) VALUES (?, 'lustre', ?, now(), 1, '')")) {
            s.setString(1, caloFile(firstCaloRun(), 3));
            s.setString(2, "/sphenix/lustre01/" + caloFile(firstCaloRun(), 3));
            s.executeUpdate();
        }
    }

    @AfterAll
    static void close() {
        catalogs.close();
    }

    @Test
    void aFinishedJobCountsAsDoneOnlyWhenItsOutputIsCatalogued() throws Exception {
        int run = firstCaloRun();
        SphenixprodRow catalogued = caloRow(run, 3, "finished", 41L, 0);
        SphenixprodRow missing = caloRow(run, 4, "finished", 41L, 1);

        List<Adoption> decisions = plan(List.of(catalogued, missing), List.of(), Map.of());

        assertThat(decisions).contains(new Adoption.Done(calo, JobKey.of(calo.name(), run, 3), catalogued,
                caloFile(run, 3)));
        assertThat(reasons(decisions)).containsExactly("dbid " + missing.dbid() + ": finished, but its output "
                + caloFile(run, 4) + " is not in the FileCatalog (yet: sphenixprod's spider registers it); the operator"
                + " will submit " + run + "/4 unless it appears");
    }

    @Test
    void aLiveJobIsAdoptedOnlyWhenBatchNameDbidClusterRunAndSegmentAgree() throws Exception {
        int run = firstCaloRun();
        SphenixprodRow proven = caloRow(run, 10, "running", 50L, 0);
        SphenixprodRow otherCluster = caloRow(run, 11, "submitted", 50L, null);
        SphenixprodRow otherSegment = caloRow(run, 12, "submitted", 50L, null);

        List<Adoption> decisions = plan(List.of(proven, otherCluster, otherSegment), List.of(
                job(50, 0, BatchState.RUNNING, caloBatch(), run, 10, proven.dbid()),
                job(51, 0, BatchState.QUEUED, caloBatch(), run, 11, otherCluster.dbid()),
                job(50, 2, BatchState.QUEUED, caloBatch(), run, 99, otherSegment.dbid())), Map.of());

        assertThat(decisions).filteredOn(Adoption.Live.class::isInstance).singleElement()
                .satisfies(d -> assertThat(((Adoption.Live) d).key()).isEqualTo(JobKey.of(calo.name(), run, 10)));
        assertThat(reasons(decisions)).containsExactlyInAnyOrder(
                "job 51.0 of dbid " + otherCluster.dbid() + ": the row records cluster 50, not the job's 51.0",
                "job 50.2 of dbid " + otherSegment.dbid() + ": its arguments do not carry run " + run + " segment 12");
    }

    @Test
    void aJobWithAnotherBatchNameStaysSphenixprods() throws Exception {
        int run = firstCaloRun();
        SphenixprodRow row = caloRow(run, 20, "submitted", 60L, null);

        List<Adoption> decisions = plan(List.of(row), List.of(job(60, 0, BatchState.QUEUED,
                "main.DST_CALO_run3auau_test", run, 20, row.dbid())), Map.of());

        assertThat(reasons(decisions)).containsExactly("job 60.0 of dbid " + row.dbid()
                + ": its JobBatchName main.DST_CALO_run3auau_test is not <branch>." + caloBatch().substring(5));
    }

    @Test
    void ofTwoLiveJobsOfOneKeyTheOneFurthestAlongIsAdoptedAndTheOtherNamed() throws Exception {
        int run = firstCaloRun();
        SphenixprodRow first = caloRow(run, 30, "submitted", 70L, null);
        SphenixprodRow resubmitted = caloRow(run, 30, "running", 71L, 0);

        List<Adoption> decisions = plan(List.of(first, resubmitted), List.of(
                job(70, 0, BatchState.QUEUED, caloBatch(), run, 30, first.dbid()),
                job(71, 0, BatchState.RUNNING, caloBatch(), run, 30, resubmitted.dbid())), Map.of());

        assertThat(decisions).filteredOn(Adoption.Live.class::isInstance).singleElement()
                .satisfies(d -> assertThat(((Adoption.Live) d).job().id()).isEqualTo(new BatchJobId(71, 0)));
        assertThat(reasons(decisions)).containsExactly("job 70.0 of dbid " + first.dbid() + ": a second live job of "
                + calo.name() + "/" + run + "/30 (job 71.0 is adopted); left to sphenixprod: remove it with condor_rm 70.0");
    }

    @Test
    void whatWasAdoptedBeforeIsNotAdoptedAgainAndAKeyTheLedgerHoldsIsNotTakenTwice() throws Exception {
        int run = firstCaloRun();
        SphenixprodRow marked = caloRow(run, 40, "running", 80L, 0);
        SphenixprodRow taken = caloRow(run, 41, "submitted", 80L, null);
        NamedJob markedJob = job(80, 0, BatchState.RUNNING, caloBatch(), run, 40, marked.dbid());
        markedJob = new NamedJob(markedJob.id(), markedJob.state(), markedJob.batchName(), markedJob.arguments(),
                markedJob.requestMemoryMib(), markedJob.queuedAt(), Optional.of(calo.name() + "/" + run + "/40"));

        List<Adoption> decisions = plan(List.of(marked, taken), List.of(markedJob,
                job(80, 1, BatchState.QUEUED, caloBatch(), run, 41, taken.dbid())),
                Map.of(calo.name(), Map.of(JobKey.of(calo.name(), run, 40), LedgerState.RUNNING,
                        JobKey.of(calo.name(), run, 41), LedgerState.QUEUED)));

        assertThat(decisions).contains(new Adoption.Already(calo, JobKey.of(calo.name(), run, 40)));
        assertThat(reasons(decisions)).containsExactly("job 80.1 of dbid " + taken.dbid() + ": the ledger already has "
                + calo.name() + "/" + run + "/41 (queued): this is a second job of that key; remove it with condor_rm 80.1");
    }

    @Test
    void aPerHostProductsLeafIsTheDaqHostOfItsFileName() throws Exception {
        int run = 66460;
        String tag = streaming.namespace().tag().toString();
        SphenixprodRow row = new SphenixprodRow(nextDbid++, OptionalLong.of(90), OptionalInt.empty(),
                streaming.rule().name(), tag, "run3auau", "DST_STREAMING_EVENT_ebdc07_1",
                Optional.of("DST_STREAMING_EVENT_ebdc07_1_run3auau_" + tag + "-000" + run + "-00000.root"), run,
                OptionalInt.of(0), "submitted");
        String batch = "main." + streaming.rule().name() + "_run3auau_" + tag;

        List<Adoption> decisions = plan(List.of(row), List.of(job(90, 0, BatchState.QUEUED, batch, run, 0, row.dbid())),
                Map.of());

        assertThat(decisions).filteredOn(Adoption.Live.class::isInstance).singleElement()
                .satisfies(d -> assertThat(((Adoption.Live) d).key())
                        .isEqualTo(JobKey.ofLeaf(streaming.name(), run, 0, "ebdc07_1")));
    }

    @Test
    void rowsThatProveNoKeyOfADeclaredProductionAreListedWithTheReason() throws Exception {
        int run = firstCaloRun();
        String tag = calo.namespace().tag().toString();
        SphenixprodRow unknownProduct = new SphenixprodRow(nextDbid++, OptionalLong.empty(), OptionalInt.empty(),
                "Full_JETS_run3physics", tag, "run3auau", "DST_NOTHING", Optional.of("DST_NOTHING_run3auau_" + tag
                + "-000" + run + "-00000.root"), run, OptionalInt.of(0), "finished");
        SphenixprodRow wrongRun = caloRow(run, 5, "finished", 1L, 0);
        wrongRun = new SphenixprodRow(wrongRun.dbid(), wrongRun.clusterId(), wrongRun.procId(), wrongRun.rulename(),
                wrongRun.tag(), wrongRun.dataset(), wrongRun.dsttype(), wrongRun.filename(), run + 1,
                wrongRun.segment(), wrongRun.status());
        SphenixprodRow failed = caloRow(run, 6, "failed", 2L, 0);
        SphenixprodRow gone = caloRow(run, 7, "running", 3L, 0);

        List<Adoption> decisions = plan(List.of(unknownProduct, wrongRun, failed, gone), List.of(
                job(999, 0, BatchState.QUEUED, caloBatch(), run, 8, 424242)), Map.of());

        assertThat(reasons(decisions)).containsExactlyInAnyOrder(
                "dbid " + unknownProduct.dbid() + ": no declared production makes DST_NOTHING run3auau " + tag,
                "dbid " + wrongRun.dbid() + ": its filename " + caloFile(run, 5) + " disagrees with its columns (run "
                        + (run + 1) + ", segment 5, dataset run3auau, tag " + tag + ")",
                "dbid " + failed.dbid() + ": status failed is neither live nor finished; the operator plans " + run
                        + "/6 anew",
                "dbid " + gone.dbid() + ": sphenixprod says running, but no job of ours in the queue ends its arguments"
                        + " with dbid " + gone.dbid() + "; the operator will submit " + run + "/7 itself",
                "job 999.0: no production_jobs row has id 424242; left to sphenixprod");
    }

    @Test
    void aSegmentTheProductionDoesNotMakeStaysSphenixprods() throws Exception {
        Production triggered = named("run3auau-triggered-physics");
        String tag = triggered.namespace().tag().toString();
        SphenixprodRow row = new SphenixprodRow(nextDbid++, OptionalLong.of(95), OptionalInt.empty(),
                triggered.rule().name(), tag, "run3auau", "DST_TRIGGERED_EVENT",
                Optional.of("DST_TRIGGERED_EVENT_run3auau_" + tag + "-00066460-00003.root"), 66460, OptionalInt.of(3),
                "submitted");

        List<Adoption> decisions = plan(List.of(row), List.of(job(95, 0, BatchState.QUEUED,
                "main.DST_TRIGGERED_EVENT_run3auau_" + tag, 66460, 3, row.dbid())), Map.of());

        assertThat(reasons(decisions)).containsExactly("dbid " + row.dbid() + ": segment 3 is not one production "
                + triggered.name() + " makes (segments: first-only)");
    }

    private List<Adoption> plan(List<SphenixprodRow> rows, List<NamedJob> queue,
                                Map<String, Map<JobKey, LedgerState>> ledger) throws Exception {
        FileLocations files = new FileLocations(catalogs.fileCatalog(), catalogs.retry());
        return new TakeoverPlanner(new DeclaredProductions(declared), lfns -> files.locate(lfns).keySet())
                .plan(rows, queue, ledger);
    }

    /** Each reason, its subject cut to the dbid or job: the row's description is tested once, in the report. */
    private static List<String> reasons(List<Adoption> decisions) {
        List<String> reasons = new ArrayList<>();
        for (Adoption d : decisions) {
            if (d instanceof Adoption.Refused r) {
                String subject = r.subject().contains(" (") ? r.subject().substring(0, r.subject().indexOf(" (")) : r.subject();
                reasons.add(subject + ": " + r.reason());
            }
        }
        return reasons;
    }

    private SphenixprodRow caloRow(int run, int segment, String status, Long cluster, Integer proc) {
        return new SphenixprodRow(nextDbid++, cluster == null ? OptionalLong.empty() : OptionalLong.of(cluster),
                proc == null ? OptionalInt.empty() : OptionalInt.of(proc), calo.rule().name(),
                calo.namespace().tag().toString(), "run3auau", "DST_CALO", Optional.of(caloFile(run, segment)), run,
                OptionalInt.of(segment), status);
    }

    private static NamedJob job(long cluster, int proc, BatchState state, String batchName, int run, int segment,
                                long dbid) {
        List<String> arguments = List.of("ana.530", "run3auau", "2025p008_v001", "DST_TRIGGERED_EVENT",
                Integer.toString(run), Integer.toString(segment), "gl1daq", "inputs", "0", "/out", "/hist", "outbase",
                "10000", "2025p008", "logbase", "/log", "payload.tgz", Long.toString(dbid));
        return new NamedJob(new BatchJobId(cluster, proc), state, batchName, arguments, 4000,
                Optional.of(Instant.parse("2026-11-30T10:00:00Z")), Optional.empty());
    }

    private static String caloBatch() {
        return "main.DST_CALO_run3auau_" + calo.namespace().tag();
    }

    private static String caloFile(int run, int segment) {
        return String.format("DST_CALO_run3auau_%s-%08d-%05d.root", calo.namespace().tag(), run, segment);
    }

    private static int firstCaloRun() {
        return java.util.stream.IntStream.range(66_000, 80_000).filter(calo.runs()::contains).findFirst().orElseThrow();
    }

    private static Production named(String name) {
        return declared.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
