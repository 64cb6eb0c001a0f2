package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The ledger port contracts against the PostgreSQL ledger ({@link JobLedger}, {@link JobTransitions}). */
class PostgresLedgerPortsTest {

    private static final Instant NOW = Instant.parse("2025-07-01T10:00:00Z");

    private static Catalogs catalogs;
    private static LedgerWorld world;

    @BeforeAll
    static void open() throws SQLException {
        catalogs = TestPostgres.freshCatalogs();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        JobLedger ledger = new JobLedger(catalogs.ledger(), catalogs.retry(), clock);
        JobTransitions transitions = new JobTransitions(catalogs.ledger(), catalogs.retry(), clock);
        ProductionRegistry productions = new ProductionRegistry(catalogs.ledger(), catalogs.retry());
        world = new LedgerWorld() {
            public LedgerView view() {
                return ledger;
            }

            public SubmissionSteps steps() {
                return transitions;
            }

            public JobMoves moves() {
                return transitions;
            }

            public LedgerUpkeep upkeep() {
                return ledger;
            }

            public void declare(String name) throws SQLException {
                productions.record(new ProductionRecord(name, "abc123", "r1", ProductionState.ACTIVE, NOW));
            }
        };
    }

    @AfterAll
    static void close() {
        catalogs.close();
    }

    @Nested
    class View extends LedgerViewContract {
        @Override
        protected LedgerWorld world() {
            return world;
        }
    }

    @Nested
    class Steps extends SubmissionStepsContract {
        @Override
        protected LedgerWorld world() {
            return world;
        }
    }

    @Nested
    class Moves extends JobMovesContract {
        @Override
        protected LedgerWorld world() {
            return world;
        }
    }

    @Nested
    class Upkeep extends LedgerUpkeepContract {
        @Override
        protected LedgerWorld world() {
            return world;
        }
    }
}
