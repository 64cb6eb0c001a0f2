package gov.bnl.sphenix.production.catalog.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.ProductionIdentity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A production's rows are those of its name and of the identity it is recorded with: a name
 * removed and declared again with a new tag finds none of the old tag's finished rows, which stay.
 */
class IdentityKeyedRowsTest {

    private static final Instant NOW = Instant.parse("2025-07-01T10:00:00Z");
    private static final String SOURCE = "sphenix/calo";
    private static final ProductionIdentity OLD = new ProductionIdentity("DST_CALO", "run3auau", "ana530", "2025p007", 1);
    private static final ProductionIdentity NEW = new ProductionIdentity("DST_CALO", "run3auau", "ana530", "2025p008", 1);

    private static Catalogs catalogs;
    private static JobLedger ledger;
    private static JobTransitions transitions;
    private static ProductionRegistry productions;

    @BeforeAll
    static void open() throws SQLException {
        catalogs = TestPostgres.freshCatalogs();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ledger = new JobLedger(catalogs.ledger(), catalogs.retry(), clock);
        transitions = new JobTransitions(catalogs.ledger(), catalogs.retry(), clock);
        productions = new ProductionRegistry(catalogs.ledger(), catalogs.retry());
    }

    @AfterAll
    static void close() {
        catalogs.close();
    }

    @Test
    void aNameDeclaredAgainWithANewTagStartsAfreshAndTheOldRowsStay() throws SQLException {
        declare("calo", OLD);
        List<LedgerJob> old = transitions.takeForSubmission(jobs("calo", OLD, 3), "t-old");
        transitions.succeeded(old.stream().map(LedgerJob::id).toList(), List.of(10L, 10L, 10L));
        assertThat(rows("calo")).hasSize(3).allMatch(r -> r.state() == LedgerState.SUCCEEDED);

        assertThat(productions.markRemoving(SOURCE, "calo", "r2", NOW)).isTrue();
        assertThat(rows("calo")).as("a removal still sees its rows").hasSize(3);
        assertThat(productions.markRemoved("calo", NOW)).isTrue();
        declare("calo", NEW);

        assertThat(rows("calo")).as("the old tag's rows are not the new one's").isEmpty();
        assertThat(ledger.counts("calo")).isEmpty();
        List<LedgerJob> taken = transitions.takeForSubmission(jobs("calo", NEW, 3), "t-new");
        assertThat(taken).as("every key goes again, under the new tag").hasSize(3)
                .allSatisfy(r -> assertThat(r.key().namespace()).isEqualTo(NEW.namespace()))
                .allMatch(r -> r.attempt() == 1);
        assertThat(rows("calo")).hasSize(3).allMatch(r -> r.key().namespace().equals(NEW.namespace()));
        assertThat(ledger.retiredTokens(List.of("t-old", "t-new", "", "never-given")))
                .as("the batch history's jobs of the old tag are told apart by their token").containsExactly("t-old");
        assertThat(tagsInTable("calo")).as("the old rows stay as history")
                .containsExactly("ana530_2025p007_v001", "ana530_2025p007_v001", "ana530_2025p007_v001",
                        "ana530_2025p008_v001", "ana530_2025p008_v001", "ana530_2025p008_v001");
    }

    @Test
    void aRecordWithoutIdentityKeepsTheOneItHadOrCountsEveryRow() throws SQLException {
        productions.record(new ProductionRecord("legacy", "h1", "r1", ProductionState.ACTIVE, NOW));
        transitions.takeForSubmission(jobs("legacy", OLD, 2), "t1");
        transitions.takeForSubmission(jobs("legacy", NEW, 1), "t2");
        assertThat(rows("legacy")).as("no identity recorded: every row counts, as before").hasSize(3);

        declare("legacy", NEW);
        productions.record(SOURCE, new ProductionRecord("legacy", "h2", "r2", ProductionState.ACTIVE, NOW), Map.of());

        assertThat(rows("legacy")).as("a record without a spec keeps the identity").singleElement()
                .satisfies(r -> assertThat(r.key().namespace()).isEqualTo(NEW.namespace()));
    }

    private static void declare(String name, ProductionIdentity identity) throws SQLException {
        assertThat(productions.record(SOURCE, new ProductionRecord(name, "h-" + identity.dbtag(), "r1",
                ProductionState.ACTIVE, NOW), identity, Map.of())).isTrue();
    }

    private static List<NewJob> jobs(String production, ProductionIdentity identity, int count) {
        return IntStream.range(0, count).mapToObj(segment -> new NewJob(
                new LedgerKey(JobKey.of(production, 100, segment), identity.namespace()), 0, 2048, "r1", "",
                List.of())).toList();
    }

    private static List<LedgerJob> rows(String production) throws SQLException {
        List<LedgerJob> rows = new ArrayList<>();
        ledger.jobs(production, EnumSet.allOf(LedgerState.class), rows::add);
        return rows;
    }

    /** The tags of every row the table holds for a production, whatever identity it has now. */
    private static List<String> tagsInTable(String production) throws SQLException {
        try (Connection c = catalogs.ledger().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT tag FROM job WHERE production = ? ORDER BY tag, segment")) {
            s.setString(1, production);
            List<String> tags = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tags.add(rs.getString(1));
                }
            }
            return tags;
        }
    }
}
