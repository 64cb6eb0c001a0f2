package gov.bnl.sphenix.production.catalog.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.HoldRecord;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job ledger and its transitions against a real PostgreSQL: submission, updates, holds, the duplicate guard. */
class JobLedgerTest {

    private static final Instant NOW = Instant.parse("2025-07-01T10:00:00Z");
    private static final Tag TAG = Tag.parse("ana468_2024p012_v001");

    private static Catalogs catalogs;
    private static JobLedger ledger;
    private static JobTransitions transitions;
    private static ProductionRegistry productions;
    private static AuditLog audit;

    @BeforeAll
    static void open() throws SQLException {
        catalogs = TestPostgres.freshCatalogs();
        ledger = new JobLedger(catalogs.ledger(), catalogs.retry(), Clock.fixed(NOW, ZoneOffset.UTC));
        transitions = new JobTransitions(catalogs.ledger(), catalogs.retry(), Clock.fixed(NOW, ZoneOffset.UTC));
        productions = new ProductionRegistry(catalogs.ledger(), catalogs.retry());
        audit = new AuditLog(catalogs.ledger(), catalogs.retry());
    }

    @AfterAll
    static void close() {
        catalogs.close();
    }

    private static String production(String name) throws SQLException {
        productions.record(new ProductionRecord(name, "abc123", "r1", ProductionState.ACTIVE, NOW));
        return name;
    }

    private static List<NewJob> jobs(String production, int run, int count, String leaf) {
        return IntStream.range(0, count).mapToObj(segment -> new NewJob(
                new LedgerKey(JobKey.ofLeaf(production, run, segment, leaf), new OutputNamespace("DST_STREAMING_EVENT", "run3auau", TAG)),
                0, 2048, "r1", "", List.of())).toList();
    }

    /** The batch system's ids of a submission: one cluster, procs in the order of the rows. */
    private static List<JobTransitions.SubmittedRow> submitted(List<LedgerJob> taken, long cluster) {
        return IntStream.range(0, taken.size())
                .mapToObj(proc -> new JobTransitions.SubmittedRow(taken.get(proc).id(), cluster, proc)).toList();
    }

    /** Every row of a production, in key order. */
    private static List<LedgerJob> rows(String production) throws SQLException {
        List<LedgerJob> rows = new ArrayList<>();
        ledger.jobs(production, EnumSet.allOf(LedgerState.class), rows::add);
        return rows;
    }

    @Test
    void aKeyIsTakenForSubmissionOnlyWhileNoLiveRowHasIt() throws SQLException {
        String p = production("take");

        List<LedgerJob> first = transitions.takeForSubmission(jobs(p, 100, 3, "ebdc07_1"), "token-a");
        List<LedgerJob> second = transitions.takeForSubmission(jobs(p, 100, 4, "ebdc07_1"), "token-b");

        assertThat(first).hasSize(3).allSatisfy(job -> {
            assertThat(job.state()).isEqualTo(LedgerState.SUBMITTING);
            assertThat(job.batchToken()).isEqualTo("token-a");
            assertThat(job.attempt()).isEqualTo(1);
            assertThat(job.requestMib()).isEqualTo(2048);
        });
        assertThat(second).as("only segment 3 is new").extracting(job -> job.key().job().segment()).containsExactly(3);
    }

    @Test
    void theEmptyLeafIsPartOfTheKey() throws SQLException {
        String p = production("noleaf");

        assertThat(transitions.takeForSubmission(jobs(p, 200, 1, ""), "t1")).hasSize(1);
        assertThat(transitions.takeForSubmission(jobs(p, 200, 1, ""), "t2")).isEmpty();
    }

    @Test
    void theUniqueKeyStopsADuplicateEvenFromAPlainInsert() throws SQLException {
        String p = production("guard");
        transitions.takeForSubmission(jobs(p, 300, 1, ""), "t");

        assertThatThrownBy(() -> {
            try (Connection c = catalogs.ledger().getConnection();
                 PreparedStatement s = c.prepareStatement("""
                         INSERT INTO job (production, dsttype, dataset, tag, run, segment, leaf, state, request_mib,
                                          batch_token, revision, updated_at)
                         VALUES (?, 'DST_STREAMING_EVENT', 'run3auau', ?, 300, 0, '', 'submitting', 2048, 'x', 'r1', now())""")) {
                s.setString(1, p);
                s.setString(2, TAG.toString());
                s.executeUpdate();
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("job_key");
    }

    @Test
    void submissionRecordsClusterAndProcIdsUnderItsToken() throws SQLException {
        String p = production("submit");
        List<LedgerJob> taken = transitions.takeForSubmission(jobs(p, 400, 3, ""), "t");

        int foreign = transitions.recordSubmitted("another-token", submitted(taken, 4711));
        int moved = transitions.recordSubmitted("t", submitted(taken, 4711));

        assertThat(foreign).as("rows of another submission are not touched").isZero();
        assertThat(moved).isEqualTo(3);
        List<LedgerJob> queued = rows(p);
        assertThat(queued).allSatisfy(job -> {
            assertThat(job.state()).isEqualTo(LedgerState.QUEUED);
            assertThat(job.clusterId()).hasValue(4711);
            assertThat(job.submittedAt()).contains(NOW);
        });
        assertThat(queued).extracting(job -> job.procId().getAsInt()).containsExactly(0, 1, 2);
    }

    @Test
    void observationsUpdateManyJobsAtOnceWithoutErasingWhatTheyLack() throws SQLException {
        String p = production("observe");
        List<LedgerJob> taken = transitions.takeForSubmission(jobs(p, 500, 2, ""), "t-observe");
        long a = taken.get(0).id();
        long b = taken.get(1).id();
        Instant started = NOW.minusSeconds(600);

        ledger.apply(List.of(JobUpdate.running(a, started), JobUpdate.running(b, started)));
        ledger.apply(List.of(JobUpdate.ended(a, NOW, 0, 12_345), JobUpdate.ended(b, NOW, 137, 0)));

        Map<Long, LedgerJob> byId = new java.util.HashMap<>();
        rows(p).forEach(job -> byId.put(job.id(), job));
        assertThat(byId.get(a).state()).isEqualTo(LedgerState.SUCCEEDED);
        assertThat(byId.get(a).startedAt()).contains(started);
        assertThat(byId.get(a).endedAt()).contains(NOW);
        assertThat(byId.get(a).nevents()).hasValue(12_345);
        assertThat(byId.get(b).state()).isEqualTo(LedgerState.FAILED);
        assertThat(byId.get(b).exitCode()).hasValue(137);
        assertThat(ledger.counts(p)).containsEntry(LedgerState.SUCCEEDED, 1L).containsEntry(LedgerState.FAILED, 1L);
    }

    @Test
    void holdsAreRememberedAndAReleaseClimbsTheMemoryLadder() throws SQLException {
        String p = production("hold");
        List<LedgerJob> taken = transitions.takeForSubmission(jobs(p, 600, 1, ""), "t-hold");
        long id = taken.get(0).id();
        transitions.recordSubmitted("t-hold", submitted(taken, 99));
        JobTransitions.SubmittedRow own = new JobTransitions.SubmittedRow(id, 99, 0);

        boolean released = transitions.released(own, new HoldRecord(NOW.minusSeconds(60),
                new Hold(21, 102, "memory usage exceeded request_memory"), 2048), 4096);
        transitions.failed(id, Optional.of(new HoldRecord(NOW, new Hold(3, 0, "PeriodicHold"), 4096)));

        assertThat(released).isTrue();
        assertThat(ledger.holdsOf(p).get(id)).extracting(h -> h.hold().reason(), HoldRecord::requestMib)
                .containsExactly(org.assertj.core.api.Assertions.tuple("memory usage exceeded request_memory", 2048),
                        org.assertj.core.api.Assertions.tuple("PeriodicHold", 4096));
        LedgerJob job = rows(p).get(0);
        assertThat(job.state()).isEqualTo(LedgerState.FAILED);
        assertThat(job.memoryRung()).isEqualTo(1);
        assertThat(job.requestMib()).isEqualTo(4096);
        assertThat(transitions.released(new JobTransitions.SubmittedRow(id, 98, 0), new HoldRecord(NOW,
                new Hold(0, 0, "stray"), 4096), 8192))
                .as("a job that is not the row's own does not release the row").isFalse();
    }

    @Test
    void aLiveJobIsNotTakenAgainAnEndedOneIs() throws SQLException {
        String p = production("rerun");
        long id = transitions.takeForSubmission(jobs(p, 700, 1, ""), "t-rerun").get(0).id();
        List<NewJob> again = List.of(new NewJob(new LedgerKey(JobKey.ofLeaf(p, 700, 0, ""), new OutputNamespace("DST_STREAMING_EVENT", "run3auau", TAG)),
                0, 2048, "r2", "redo-1", List.of()));

        assertThat(transitions.takeForSubmission(again, "t-rerun-2")).isEmpty();

        ledger.apply(List.of(JobUpdate.ended(id, NOW, 1, 0)));
        assertThat(transitions.takeForSubmission(again, "t-rerun-2")).singleElement().satisfies(job -> {
            assertThat(job.id()).isEqualTo(id);
            assertThat(job.state()).isEqualTo(LedgerState.SUBMITTING);
            assertThat(job.attempt()).isEqualTo(2);
            assertThat(job.rerunToken()).isEqualTo("redo-1");
            assertThat(job.revision()).isEqualTo("r2");
            assertThat(job.exitCode()).isEmpty();
        });
    }

    @Test
    void countsHoldsAndRunsOfManyProductionsAreReadAtOnceAsOneByOne() throws SQLException {
        String a = production("many-a");
        String b = production("many-b");
        String none = production("many-none");
        List<LedgerJob> ofA = transitions.takeForSubmission(jobs(a, 900, 3, ""), "t-many-a");
        transitions.takeForSubmission(jobs(b, 901, 2, ""), "t-many-b");
        ledger.apply(List.of(JobUpdate.ended(ofA.get(0).id(), NOW, 0, 10), JobUpdate.ended(ofA.get(1).id(), NOW, 0, 10),
                JobUpdate.ended(ofA.get(2).id(), NOW, 0, 10)));

        List<String> names = List.of(a, b, none);
        Map<String, Map<LedgerState, Long>> counts = ledger.counts(names);
        Map<String, RunStanding> runs = ledger.runStandings(names);
        Map<String, Map<Long, List<HoldRecord>>> holds = ledger.holdsOf(names);

        assertThat(counts).containsOnlyKeys(a, b, none);
        assertThat(counts.get(a)).containsExactly(Map.entry(LedgerState.SUCCEEDED, 3L));
        assertThat(counts.get(b)).containsExactly(Map.entry(LedgerState.SUBMITTING, 2L));
        assertThat(counts.get(none)).as("a production without rows").isEmpty();
        assertThat(runs.get(a)).isEqualTo(new RunStanding(1, Optional.of(900), Optional.empty(), List.of(900)));
        assertThat(runs.get(b)).isEqualTo(new RunStanding(0, Optional.of(901), Optional.of(901), List.of()));
        assertThat(runs.get(none)).isEqualTo(new RunStanding(0, Optional.empty(), Optional.empty(), List.of()));
        assertThat(holds).containsOnlyKeys(a, b, none).allSatisfy((name, byJob) -> assertThat(byJob).isEmpty());
        for (String name : names) {
            assertThat(ledger.counts(name)).as("one by one, " + name).isEqualTo(counts.get(name));
            assertThat(ledger.runStanding(name)).as("one by one, " + name).isEqualTo(runs.get(name));
        }
    }

    @Test
    void jobsStreamByStateAndForgetRemovesRows() throws SQLException {
        String p = production("stream");
        List<LedgerJob> taken = transitions.takeForSubmission(jobs(p, 800, 10, ""), "t-stream");
        ledger.apply(List.of(JobUpdate.killed(taken.get(0).id(), NOW)));

        List<LedgerJob> live = new ArrayList<>();
        ledger.jobs(p, EnumSet.of(LedgerState.SUBMITTING), live::add);
        int forgotten = ledger.forget(p, taken.stream().map(LedgerJob::id).toList());

        assertThat(live).hasSize(9);
        assertThat(forgotten).isEqualTo(10);
        assertThat(ledger.counts(p)).isEmpty();
    }

    @Test
    void productionsAreUpsertedAndTheAuditLogKeepsActions() throws SQLException {
        productions.record(new ProductionRecord("calo", "h1", "r1", ProductionState.ACTIVE, NOW));
        productions.record(new ProductionRecord("calo", "h2", "r2", ProductionState.REMOVING, NOW.plusSeconds(5)));
        audit.append(List.of(
                new AuditEntry(NOW, Optional.of("calo"), "submit", "runs 1-2", "2 jobs", "r1"),
                new AuditEntry(NOW.plusSeconds(5), Optional.of("calo"), "kill", "", "revert", "r2"),
                new AuditEntry(NOW, Optional.empty(), "fetch", "", "", "r2")));

        assertThat(productions.find("calo")).get().satisfies(record -> {
            assertThat(record.specHash()).isEqualTo("h2");
            assertThat(record.state()).isEqualTo(ProductionState.REMOVING);
            assertThat(record.updatedAt()).isEqualTo(NOW.plusSeconds(5));
        });
        assertThat(audit.recent("calo", 10)).extracting(AuditEntry::action).containsExactly("kill", "submit");
    }

    @Test
    void aProductionIsOneSourcesAndKeepsTheFilesOfItsSpec() throws SQLException {
        ProductionRecord tpc = new ProductionRecord("tpc", "h1", "r1", ProductionState.ACTIVE, NOW);
        Map<String, byte[]> files = Map.of("productions/tpc.yaml", "kind: Production\n".getBytes(),
                "catalogue.yaml", "kind: ProductCatalogue\n".getBytes());

        assertThat(productions.record("sphenix/tracking", tpc, files)).isTrue();
        assertThat(productions.record("sphenix/cosmics", tpc, Map.of()))
                .as("a live production of another source is not taken over").isFalse();
        assertThat(productions.owners(List.of("tpc", "nowhere"))).isEqualTo(Map.of("tpc", "sphenix/tracking"));
        assertThat(productions.markRemoving("sphenix/cosmics", "tpc", "r2", NOW)).isFalse();
        assertThat(productions.find("tpc").orElseThrow().state()).isEqualTo(ProductionState.ACTIVE);
        assertThat(productions.ofSource("sphenix/cosmics")).isEmpty();
        assertThat(productions.specFiles("tpc")).containsOnlyKeys("productions/tpc.yaml", "catalogue.yaml")
                .hasEntrySatisfying("catalogue.yaml", b -> assertThat(new String(b)).isEqualTo("kind: ProductCatalogue\n"));

        assertThat(productions.markRemoving("sphenix/tracking", "tpc", "r2", NOW)).isTrue();
        assertThat(productions.markRemoved("tpc", NOW)).isTrue();
        assertThat(productions.record("sphenix/cosmics", tpc, Map.of())).as("a removed production's name is free").isTrue();
        assertThat(productions.ofSource("sphenix/cosmics")).extracting(ProductionRecord::name).containsExactly("tpc");
    }
}
