package gov.bnl.sphenix.production.catalog.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger records what each job was submitted to read, and hands the inputs of live jobs to the
 * deletions of a pass — whatever the specs select today. Real PostgreSQL.
 */
class RecordedInputsTest {

    private static final Instant NOW = Instant.parse("2025-07-01T10:00:00Z");
    private static final Tag TAG = Tag.parse("ana468_2024p012_v001");

    private static Catalogs catalogs;
    private static JobTransitions transitions;
    private static JobLedger ledger;

    @BeforeAll
    static void open() throws SQLException {
        catalogs = TestPostgres.freshCatalogs();
        transitions = new JobTransitions(catalogs.ledger(), catalogs.retry(), Clock.fixed(NOW, ZoneOffset.UTC));
        ledger = new JobLedger(catalogs.ledger(), catalogs.retry(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        catalogs.close();
    }

    @Test
    void aLiveJobsInputsAreReadBackUntilItEnds() throws SQLException {
        String production = production("inputs-live");
        List<String> inputs = List.of("/sphenix/lustre/DST_CALO_run3auau_ana468_2024p012_v001-00066040-00000.root",
                "DST_CALO_run3auau_ana468_2024p012_v001-00066040-00001.root");
        LedgerJob row = transitions.takeForSubmission(List.of(job(production, 66040, 0, inputs)), "t-live").get(0);

        assertThat(liveInputsOf(production)).containsExactly(Optional.of(inputs));
        transitions.recordSubmitted("t-live", List.of(new JobTransitions.SubmittedRow(row.id(), 10, 0)));
        assertThat(liveInputsOf(production)).containsExactly(Optional.of(inputs));

        transitions.succeeded(List.of(row.id()), List.of(100L));
        assertThat(liveInputsOf(production)).as("a finished job reads nothing any more").isEmpty();
    }

    @Test
    void aJobWithoutInputsIsRecordedAsReadingNothing() throws SQLException {
        String production = production("inputs-none");
        transitions.takeForSubmission(List.of(job(production, 66041, 0, List.of())), "t-none");

        assertThat(liveInputsOf(production)).containsExactly(Optional.of(List.of()));
    }

    @Test
    void anAdoptedJobHasUnknownInputsUnlessItCarriesTheTokenTheyWereRecordedUnder() throws SQLException {
        String production = production("inputs-adopted");
        List<String> inputs = List.of("RAW-66042-0.evt");
        transitions.takeForSubmission(List.of(job(production, 66042, 0, inputs), job(production, 66042, 1, inputs)),
                "t-recorded");

        transitions.adopt(adopted(production, 66042, 0, "t-recorded"));
        transitions.adopt(adopted(production, 66042, 1, "t-someone-else"));
        transitions.adopt(adopted(production, 66042, 2, "t-never-in-ledger"));

        assertThat(liveInputsOf(production)).containsExactly(Optional.of(inputs), Optional.empty(), Optional.empty());
    }

    private static List<Optional<List<String>>> liveInputsOf(String production) throws SQLException {
        List<JobLedger.LiveInputs> live = new ArrayList<>();
        ledger.liveInputs(live::add);
        return live.stream().filter(l -> l.production().equals(production))
                .sorted(java.util.Comparator.comparingInt(JobLedger.LiveInputs::segment))
                .map(JobLedger.LiveInputs::inputs).toList();
    }

    private static NewJob job(String production, int run, int segment, List<String> inputs) {
        return new NewJob(key(production, run, segment), 0, 2048, "r1", "", inputs);
    }

    private static JobTransitions.AdoptedJob adopted(String production, int run, int segment, String token) {
        return new JobTransitions.AdoptedJob(key(production, run, segment), LedgerState.RUNNING, 2048, 20 + segment, 0,
                token, "r1", "", NOW);
    }

    private static LedgerKey key(String production, int run, int segment) {
        return new LedgerKey(JobKey.ofLeaf(production, run, segment, ""), new OutputNamespace("DST_CALOFIT", "run3auau", TAG));
    }

    private static String production(String name) throws SQLException {
        new ProductionRegistry(catalogs.ledger(), catalogs.retry())
                .record(new ProductionRecord(name, "abc123", "r1", ProductionState.ACTIVE, NOW));
        return name;
    }
}
