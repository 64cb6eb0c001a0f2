package gov.bnl.sphenix.production.source;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import gov.bnl.sphenix.production.control.SourceReport;
import gov.bnl.sphenix.production.control.SpecFollower;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.spec.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator following a real git repository refuses a commit that gives a declared production
 * another identity: the commit is rejected like an invalid one and the revision in force keeps
 * running, also after a restart and while a removed production is still winding down.
 */
class SpecFollowerIdentityTest {

    private static final String CALO_RULES = "rules/run3auau/calo_physics_ana530_2025p008_v001.yaml";
    private static final String FITTING = "run3auau-calofitting-golden";
    private static final String JETS = "run3auau-jets-golden";
    private static final String JETS_FILE = "productions/run3auau/jets-physics.yaml";

    @TempDir
    Path dir;

    private SpecsGitRepository specs;
    private Catalogs catalogs;
    private ProductionRegistry registry;
    private SpecFollower follower;
    private int mirrors;

    @BeforeEach
    void setUp() throws Exception {
        specs = SpecsGitRepository.withExampleSpecs(dir.resolve("specs"));
        catalogs = TestPostgres.freshCatalogs();
        registry = new ProductionRegistry(catalogs.ledger(), catalogs.retry());
        follower = newFollower();
    }

    @AfterEach
    void tearDown() {
        follower.close();
        catalogs.close();
        specs.close();
    }

    @Test
    void aTagBumpedInPlaceIsRejectedAtTheValueAndTheRevisionInForceStays() throws Exception {
        RevCommit good = specs.git().log().setMaxCount(1).call().iterator().next();
        assertThat(refresh().ready()).isTrue();
        String hash = registry.find(FITTING).orElseThrow().specHash();

        bumpFittingDbtag();
        SourceReport report = refresh();

        assertThat(report.applied().orElseThrow().commitId()).isEqualTo(good.getName());
        assertThat(report.rejected()).singleElement().satisfies(d -> {
            assertThat(d.at().file()).isEqualTo(CALO_RULES);
            assertThat(d.at().column()).isEqualTo(18);
            assertThat(d.message()).isEqualTo("production " + FITTING + " changes its identity in place (dbtag"
                    + " 2025p008 -> 2025p009): jobs of the old tag would count as done for the new one");
            assertThat(d.fix()).startsWith("declare a new production (e.g. " + FITTING + "-2025p009)");
        });
        assertThat(registry.find(FITTING).orElseThrow().specHash()).as("the ledger keeps the spec in force")
                .isEqualTo(hash);
    }

    @Test
    void afterARestartTheLedgerRemembersTheIdentity() throws Exception {
        assertThat(refresh().ready()).isTrue();
        follower.close();
        bumpFittingDbtag();

        follower = newFollower();
        SourceReport report = refresh();

        assertThat(report.applied()).as("nothing in force: the only commit seen changes an identity").isEmpty();
        assertThat(report.rejected()).extracting(Diagnostic::message)
                .containsExactly("production " + FITTING + " changes its identity in place (dbtag 2025p008 ->"
                        + " 2025p009): jobs of the old tag would count as done for the new one");
    }

    @Test
    void aRemovedProductionComesBackWithANewTagOnlyOnceItsRemovalIsComplete() throws Exception {
        String jets = specs.read(JETS_FILE);
        assertThat(refresh().ready()).isTrue();
        java.nio.file.Files.delete(specs.dir().resolve(JETS_FILE));
        specs.commitAll("Revert the jets");
        assertThat(refresh().changes().removed()).extracting(p -> p.name()).containsExactly(JETS);
        assertThat(registry.find(JETS).orElseThrow().state()).isEqualTo(ProductionState.REMOVING);

        specs.write(JETS_FILE, jets.replace("dbtag:       2025p008", "dbtag:       2025p009"),
                "Jets again, with the new calibrations");
        SourceReport whileRemoving = refresh();

        assertThat(whileRemoving.rejected()).singleElement().satisfies(d -> {
            assertThat(d.at().file()).isEqualTo(JETS_FILE);
            assertThat(d.at().line()).isEqualTo(15);
            assertThat(d.message()).startsWith("production " + JETS + " is declared again with another identity"
                    + " (dbtag 2025p008 -> 2025p009) while the removal of the old one is still under way");
        });

        assertThat(registry.markRemoved(JETS, Instant.now())).isTrue();
        specs.write("README.md", specs.read("README.md") + "\n", "Touch the readme");
        SourceReport afterRemoval = refresh();

        assertThat(afterRemoval.rejected()).isEmpty();
        assertThat(afterRemoval.applied()).isPresent();
        assertThat(afterRemoval.changes().added()).extracting(p -> p.name()).containsExactly(JETS);
        assertThat(registry.find(JETS).orElseThrow().state()).isEqualTo(ProductionState.ACTIVE);
    }

    @Test
    void otherEditsOfADeclaredProductionApply() throws Exception {
        assertThat(refresh().ready()).isTrue();
        specs.write(JETS_FILE, specs.read(JETS_FILE).replace("priority:       '3000'", "priority:       '3100'"),
                "Jets go first");

        SourceReport report = refresh();

        assertThat(report.rejected()).isEmpty();
        assertThat(report.changes().changed()).extracting(c -> c.after().name()).containsExactly(JETS);
    }

    private void bumpFittingDbtag() {
        String rules = specs.read(CALO_RULES);
        int rule = rules.indexOf("Full_CALOFITTING_run3physics:");
        int at = rules.indexOf("dbtag:       2025p008", rule);
        specs.write(CALO_RULES, rules.substring(0, at) + "dbtag:       2025p009"
                + rules.substring(at + "dbtag:       2025p008".length()), "New calibrations for the fitting");
    }

    private SourceReport refresh() throws SQLException {
        return follower.refresh(new EventLog(Clock.systemUTC()));
    }

    private SpecFollower newFollower() throws IOException {
        GitSpecSource source = new GitSpecSource(specs.url(), "main", dir.resolve("mirror-" + ++mirrors), Optional.empty(),
                Duration.ofSeconds(20));
        return new SpecFollower(source, registry, Clock.systemUTC(), "sphenix/specs");
    }
}
