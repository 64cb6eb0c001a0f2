package gov.bnl.sphenix.production.control;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRecord;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.source.GitSpecSource;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import gov.bnl.sphenix.production.tools.world.SpecsWorkspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several specs sources on one ledger, as the operator runs them (one engine per
 * ProductionSource): each only winds down its own productions, a production name is one source's,
 * and a removal carries on from the ledger when git has lost the commit that declared it.
 */
class SharedLedgerTest {

    private static final String STREAMING = "demo-streaming";
    private static final String CLUSTER = "demo-cluster";

    @TempDir
    Path dir;

    private DemoWorld world;
    private final List<Engine> engines = new ArrayList<>();
    private SpecsWorkspace other;

    @BeforeEach
    void buildWorld() throws Exception {
        world = DemoWorld.create(dir.resolve("world"), RepositoryFiles.productionSpecs(), 12, 7,
                data -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(2)));
    }

    @AfterEach
    void closeWorld() {
        engines.forEach(Engine::close);
        if (other != null) {
            other.close();
        }
        world.close();
    }

    @Test
    void twoSourcesOnOneLedgerEachKeepTheirOwnProductions() throws Exception {
        List<Engine> sources = trackingAndAnother("cluster", "sphenix/clustering");
        Engine a = sources.get(0);
        Engine b = sources.get(1);

        for (Engine engine : List.of(a, b, a)) {
            assertThat(engine.refresh().ready()).isTrue();
            assertThat(engine.pass().errors()).isEmpty();
        }

        assertThat(states()).containsEntry(STREAMING, ProductionState.ACTIVE)
                .containsEntry(CLUSTER, ProductionState.ACTIVE)
                .doesNotContainValue(ProductionState.REMOVING);
        assertThat(a.desired().orElseThrow().state().removed()).isEmpty();
        assertThat(b.desired().orElseThrow().state().removed()).isEmpty();
    }

    @Test
    void aSecondSourceDeclaringAProductionOfTheFirstIsRefusedAndChangesNothing() throws Exception {
        List<Engine> sources = trackingAndAnother("streaming", "sphenix/copy");
        Engine a = sources.get(0);
        Engine b = sources.get(1);
        assertThat(a.refresh().ready()).isTrue();
        String declaredIn = registry().find(STREAMING).orElseThrow().revision();

        SourceReport refused = b.refresh();

        assertThat(refused.ready()).isFalse();
        assertThat(refused.applied()).isEmpty();
        assertThat(refused.rejected()).singleElement().asString()
                .contains("productions/streaming.yaml", "production demo-streaming is already declared by source"
                        + " sphenix/tracking", "rename it");
        ProductionRecord record = registry().find(STREAMING).orElseThrow();
        assertThat(record.state()).isEqualTo(ProductionState.ACTIVE);
        assertThat(record.revision()).isEqualTo(declaredIn);
        assertThat(b.refresh().rejected()).as("still refused at the next look").isNotEmpty();
        assertThat(a.pass().errors()).isEmpty();
    }

    @Test
    void aRemovalWhoseDeclaringCommitIsGoneFromGitStillCompletes() throws Exception {
        RevCommit before = world.specs().head();
        world.declare("streaming", "Merge pull request #1: start event building");
        Engine first = engine(world.specs().url(), "sphenix/tracking", "mirror-first");
        Passes.until(first, r -> liveJobs() > 0, Duration.ofMinutes(1), Duration.ofMillis(200));
        first.close();
        engines.remove(first);

        // history rewritten, and a new mirror (a restarted pod's empty work directory): the commit
        // that declared the production is in no git the operator can read any more
        world.specs().resetAndForcePush(before);
        Engine restarted = engine(world.specs().url(), "sphenix/tracking", "mirror-restarted");

        Passes.until(restarted, r -> state(STREAMING) == ProductionState.REMOVED, Duration.ofMinutes(2),
                Duration.ofMillis(200));
        assertThat(liveJobs()).as("its jobs were killed by its last spec's policy").isZero();
    }

    /** Source sphenix/tracking declares demo-streaming; a second source, another repository, declares {@code production}. */
    private List<Engine> trackingAndAnother(String production, String otherName) throws IOException {
        world.declare("streaming", "Merge pull request #1: start event building");
        other = otherRepository(dir.resolve("other"), production);
        return List.of(engine(world.specs().url(), "sphenix/tracking", "mirror-a"), engine(other.url(), otherName, "mirror-b"));
    }

    private Engine engine(String url, String sourceName, String mirror) throws IOException {
        GitSpecSource source = new GitSpecSource(url, SpecsWorkspace.BRANCH, world.root().resolve(mirror),
                Optional.empty(), Duration.ofSeconds(30));
        Engine engine = EngineAssembly.engine(new SpecFollower(source, registry(), Clock.systemUTC(), sourceName),
                world.catalogs(), world.batch(), world.settings(), Clock.systemUTC(), CrashPoint.NONE);
        engines.add(engine);
        return engine;
    }

    /** Another specs repository with the same rules and catalogue, declaring one of the demo's productions. */
    private static SpecsWorkspace otherRepository(Path root, String production) throws IOException {
        SpecsWorkspace other = SpecsWorkspace.create(root);
        Path specs = RepositoryFiles.productionSpecs();
        other.copyTree(specs.resolve("rules"), "rules");
        other.copyTree(specs.resolve("runlists"), "runlists");
        Files.copy(specs.resolve(SpecLoader.CATALOGUE), other.workingCopy().resolve(SpecLoader.CATALOGUE));
        try (InputStream in = DemoWorld.class.getResourceAsStream("productions/" + production + ".yaml")) {
            other.write(SpecLoader.PRODUCTIONS + production + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        other.commitAndPush("Merge pull request #7: " + production + " from another repository");
        return other;
    }

    private ProductionRegistry registry() {
        return new ProductionRegistry(world.catalogs().ledger(), world.catalogs().retry());
    }

    private Map<String, ProductionState> states() throws Exception {
        return registry().all().stream().collect(Collectors.toMap(ProductionRecord::name, ProductionRecord::state));
    }

    private ProductionState state(String production) {
        try {
            return registry().find(production).orElseThrow().state();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long liveJobs() {
        return world.batch().query(Selection.production(STREAMING)).jobs().stream()
                .filter(BatchJob::isLive).count();
    }
}
