package gov.bnl.sphenix.production.tools.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.JobSpecs;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos run's audit on a real world (embedded PostgreSQL catalogs, a git specs repository,
 * the local executor running the stand-in jobs): a world the engine completed is clean, and each
 * defect planted in it — a catalogued file deleted, a DST left uncatalogued, a file catalogued
 * twice, two jobs of one key at once that no ledger row owns — is found and counted where the
 * chaos line counts it. An audit that cannot fail proves nothing.
 */
class ChaosAuditTest {

    private static final String STREAMING = "demo-streaming";
    private static final String CATALOGUE_AGAIN = """
            INSERT INTO files (lfn, full_host_name, full_file_path, time, size, md5)
            SELECT 'planted-' || lfn, full_host_name, full_file_path, time, size, md5 FROM files
            WHERE full_file_path = ? RETURNING full_file_path""";

    @TempDir
    Path dir;

    @Test
    void aCompletedWorldIsCleanAndEveryPlantedDefectIsFound() throws Exception {
        try (DemoWorld world = DemoWorld.create(dir.resolve("world"), RepositoryFiles.productionSpecs(), 6, 20250701L,
                data -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(2)))) {
            world.declare("streaming", "Merge pull request #1: start event building");
            runToCompletion(world);
            SpecRepository specs = ChaosAudit.specsIn(world.specs().workingCopy());
            ChaosAudit audit = new ChaosAudit(world.catalogs(), world.batch(), world.settings().layout().dstRoot());

            ChaosFindings clean = audit.audit(specs);
            assertThat(clean.problems()).as("a world the engine completed").isEmpty();
            assertThat(clean.keysDesired()).as("the world must give the production real work").isGreaterThan(10);
            assertThat(clean.keysDone()).isEqualTo(clean.keysDesired());
            assertThat(audit.settled(specs)).isTrue();

            List<Path> dsts = dsts(world);
            Path deleted = dsts.get(0);
            Files.delete(deleted);
            Path uncatalogued = Files.copy(dsts.get(1), dsts.get(1).resolveSibling("DST_PLANTED-00066040-00000.root"));
            String twice = catalogueTwice(world, dsts.get(2));
            Production streaming = specs.production(STREAMING).orElseThrow();
            JobSpecs jobs = new JobSpecs(world.settings().layout(), world.settings().payloadDirectory());
            JobSpecs.Request request = new JobSpecs.Request(66_040, 0, "mvtx0", "physics", List.of("/dev/null"),
                    "planted", 256);
            for (int copy = 0; copy < 2; copy++) {   // one at a time: a submission refuses a key twice
                world.batch().submit(List.of(jobs.of(streaming, request)));
                world.batch().hold(Selection.token("planted"), "planted by the test: kept live");
            }

            ChaosFindings found = audit.audit(specs);
            assertThat(found.lostOutputs()).as("lost outputs").hasSize(2)
                    .anySatisfy(p -> assertThat(p).contains(deleted.toString()).contains("not there"))
                    .anySatisfy(p -> assertThat(p).contains(uncatalogued.toString()).contains("not in the FileCatalog"));
            assertThat(found.duplicates()).as("duplicates").hasSize(2)
                    .anySatisfy(p -> assertThat(p).contains(twice).contains("catalogued 2 times"))
                    .anySatisfy(p -> assertThat(p).contains("66040/0/mvtx0").contains("was queued while another job"));
            assertThat(found.orphans()).as("the planted jobs: live, and no ledger row's").hasSize(2)
                    .allSatisfy(p -> assertThat(p).contains("owned by no ledger row"));
            assertThat(found.keysDone()).as("the ledger still says every key is done").isEqualTo(clean.keysDesired());
            assertThat(found.clean()).isFalse();
            assertThat(audit.settled(specs)).as("live jobs of the production: not settled").isFalse();

            world.batch().remove(Selection.token("planted"), "test over");
        }
    }

    @Test
    void aKeyWithoutASuccessfulLedgerRowIsNotDone() throws Exception {
        try (DemoWorld world = DemoWorld.create(dir.resolve("world"), RepositoryFiles.productionSpecs(), 6, 20250701L,
                data -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(2)))) {
            world.declare("streaming", "Merge pull request #1: start event building");
            SpecRepository specs = ChaosAudit.specsIn(world.specs().workingCopy());
            ChaosAudit audit = new ChaosAudit(world.catalogs(), world.batch(), world.settings().layout().dstRoot());

            ChaosFindings untouched = audit.audit(specs);

            assertThat(untouched.keysDesired()).isGreaterThan(10);
            assertThat(untouched.keysDone()).isZero();
            assertThat(untouched.keysNotDone()).hasSize(untouched.keysDesired())
                    .allSatisfy(p -> assertThat(p).startsWith(STREAMING + "/").endsWith("has no ledger row"));
            assertThat(untouched.clean()).isFalse();
            assertThat(audit.settled(specs)).isFalse();
        }
    }

    private static void runToCompletion(DemoWorld world) throws Exception {
        Engine engine = world.startEngine();
        assertThat(engine.refresh().applied()).isPresent();
        await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(120)).until(() -> engine.pass().status(STREAMING)
                        .map(ProductionStanding::state).orElseThrow() == ProductionStanding.State.COMPLETE);
    }

    private static List<Path> dsts(DemoWorld world) throws Exception {
        try (Stream<Path> walk = Files.walk(world.settings().layout().dstRoot())) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** A second FileCatalog row (another lfn) for the file at {@code path}; returns the path as catalogued. */
    private static String catalogueTwice(DemoWorld world, Path path) throws Exception {
        try (Connection c = world.catalogs().fileCatalog().getConnection();
             PreparedStatement s = c.prepareStatement(CATALOGUE_AGAIN)) {
            s.setString(1, path.toString());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("%s is catalogued", path).isTrue();
                return rs.getString(1);
            }
        }
    }
}
