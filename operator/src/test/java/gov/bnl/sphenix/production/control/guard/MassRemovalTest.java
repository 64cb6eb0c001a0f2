package gov.bnl.sphenix.production.control.guard;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.ledger.ProductionRecord;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.LocalWorlds;
import gov.bnl.sphenix.production.control.PassReport;
import gov.bnl.sphenix.production.control.SourceReport;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The removal guard on the real engine: embedded PostgreSQL, a real specs repository, the local
 * executor. A commit that retires six productions at once waits, with everything running on the
 * revision before it, until its merge commit (or the operator's confirmation) says it is meant.
 */
class MassRemovalTest {

    private static final int PRODUCTIONS = 6;
    private static final String ANNOTATE = "annotate it with %s";

    @TempDir
    Path dir;

    private DemoWorld world;
    private Engine engine;
    private RevCommit declared;

    @BeforeEach
    void sixProductionsRunning() throws Exception {
        world = LocalWorlds.create(dir.resolve("world"));
        engine = world.startEngine();
        String streaming = demoStreaming();
        for (int i = 1; i <= PRODUCTIONS; i++) {
            // disjoint runs: productions of one rule may not write the same outputs
            int first = DemoWorld.FIRST_RUN + 10 * (i - 1);
            world.specs().write(file(i), streaming.replace("name: demo-streaming\n", "name: " + name(i) + "\n")
                    .replace("range: [66040, 66098]", "range: [" + first + ", " + (first + 9) + "]"));
        }
        declared = world.specs().commitAndPush("Merge pull request #1: event building in six slices");
        assertThat(engine.refresh().ready()).isTrue();
        assertThat(engine.pass().errors()).isEmpty();
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }

    @Test
    void aCommitRemovingSixProductionsWaitsForItsTrailerAndEverythingElseKeepsRunning() throws Exception {
        long liveBefore = liveJobs();
        assertThat(liveBefore).as("the first pass submitted jobs").isPositive();
        RevCommit retire = removeAll("Merge pull request #2: retire the streaming slices");

        SourceReport blocked = engine.refresh();
        SourceReport again = engine.refresh();
        PassReport pass = engine.pass();

        assertThat(blocked.ready()).isFalse();
        assertThat(blocked.rejected()).isEmpty();
        assertThat(blocked.applied().orElseThrow().commitId()).isEqualTo(declared.getName());
        assertThat(blocked.blocked().orElseThrow().message()).isEqualTo("commit " + retire.getName().substring(0, 7)
                + " would remove 6 productions (" + IntStream.rangeClosed(1, 5).mapToObj(MassRemovalTest::name)
                .collect(Collectors.joining(", ")) + " and 1 more) and kill " + RevisionImpact.count(liveBefore, "job")
                + " (limits: 5"
                + " productions, 1000 jobs); confirm with a merge commit trailer 'Prodctl-Allow-Removal: 6';"
                + " " + declared.getName().substring(0, 7) + " stays in force");
        assertThat(again.blocked()).as("still held at the next look").isPresent();
        assertThat(states()).hasSize(PRODUCTIONS).allSatisfy((n, s) -> assertThat(s).isEqualTo(ProductionState.ACTIVE));
        assertThat(engine.desired().orElseThrow().state().productions()).hasSize(PRODUCTIONS);
        assertThat(engine.desired().orElseThrow().state().removed()).isEmpty();
        assertThat(pass.events()).noneMatch(e -> e.kind() == EventKind.KILLED);
        assertThat(auditCount("blocked")).as("told once per commit, not at every refresh").isEqualTo(1);

        RevCommit confirmed = world.specs().commitAndPush("Merge pull request #3: confirm the retirement\n\n"
                + "Reviewed-by: the run coordinator\nProdctl-Allow-Removal: 6\n");
        SourceReport applied = engine.refresh();
        PassReport removal = engine.pass();

        assertThat(applied.ready()).isTrue();
        assertThat(applied.blocked()).isEmpty();
        assertThat(applied.applied().orElseThrow().commitId()).isEqualTo(confirmed.getName());
        assertThat(applied.changes().removed()).extracting(Production::name)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, PRODUCTIONS).mapToObj(MassRemovalTest::name)
                        .toList());
        assertThat(states().values()).doesNotContain(ProductionState.ACTIVE);
        assertThat(auditDetail("applied")).contains("its removals confirmed by its trailer 'Prodctl-Allow-Removal: 6'");
        assertThat(removal.events()).anyMatch(e -> e.kind() == EventKind.KILLED);
    }

    @Test
    void aTrailerCountingFewerProductionsThanTheCommitRemovesDoesNotConfirmIt() throws Exception {
        removeAll("Merge pull request #2: retire the streaming slices\n\nProdctl-Allow-Removal: 2\n");

        SourceReport report = engine.refresh();

        assertThat(report.blocked().orElseThrow().message())
                .contains("its trailer allows 2 removals, it makes 6", "'Prodctl-Allow-Removal: 6'");
        assertThat(states().values()).containsOnly(ProductionState.ACTIVE);
    }

    @Test
    void tooManyJobsKilledWaitForAConfirmationNamingThatVeryCommit() throws Exception {
        int busiest = busiest();
        assertThat(liveJobsOf(name(busiest))).as("the first pass submitted jobs").isPositive();
        Files.delete(world.specs().workingCopy().resolve(file(busiest)));
        RevCommit stop = world.specs().commitAndPush("Merge pull request #2: stop one slice");
        RemovalLimits noKills = new RemovalLimits(5, 0);

        SourceReport unconfirmed = engine.refresh(noKills, new Confirmation(Optional.empty(), ANNOTATE));
        SourceReport stale = engine.refresh(noKills, new Confirmation(Optional.of(declared.getName()), ANNOTATE));
        assertThat(states()).containsEntry(name(busiest), ProductionState.ACTIVE);
        SourceReport confirmed = engine.refresh(noKills,
                new Confirmation(Optional.of(stop.getName().substring(0, 12)), ANNOTATE));

        assertThat(unconfirmed.blocked().orElseThrow().message()).contains("would remove 1 production ("
                + name(busiest) + ") and kill ", " (limits: 5 productions, 0 jobs)",
                "or annotate it with " + stop.getName().substring(0, 12));
        assertThat(unconfirmed.blocked().orElseThrow().impact().jobsKilled()).isEqualTo(liveJobsOf(name(busiest)));
        assertThat(stale.blocked().orElseThrow().message())
                .contains("the confirmation names " + declared.getName() + ", not " + stop.getName().substring(0, 7));
        assertThat(confirmed.ready()).isTrue();
        assertThat(confirmed.applied().orElseThrow().commitId()).isEqualTo(stop.getName());
        assertThat(states().get(name(busiest))).isIn(ProductionState.REMOVING, ProductionState.REMOVED);
    }

    @Test
    void anEngineRestartedUnderAHeldCommitResumesTheRevisionBeforeIt() throws Exception {
        removeAll("Merge pull request #2: retire the streaming slices");
        assertThat(engine.refresh().blocked()).isPresent();

        Engine restarted = world.startEngine();
        SourceReport report = restarted.refresh();
        PassReport pass = restarted.pass();

        assertThat(report.blocked()).isPresent();
        assertThat(report.applied().orElseThrow().commitId()).isEqualTo(declared.getName());
        assertThat(restarted.desired().orElseThrow().state().productions()).hasSize(PRODUCTIONS);
        assertThat(pass.errors()).isEmpty();
        assertThat(pass.statuses()).hasSize(PRODUCTIONS);
        assertThat(pass.events()).noneMatch(e -> e.kind() == EventKind.KILLED);
        assertThat(states().values()).containsOnly(ProductionState.ACTIVE);
    }

    private RevCommit removeAll(String message) throws IOException {
        for (int i = 1; i <= PRODUCTIONS; i++) {
            Files.delete(world.specs().workingCopy().resolve(file(i)));
        }
        return world.specs().commitAndPush(message);
    }

    private static String name(int i) {
        return "demo-streaming-" + i;
    }

    private static String file(int i) {
        return DemoWorld.PRODUCTIONS + "streaming-" + i + ".yaml";
    }

    private static String demoStreaming() throws IOException {
        try (InputStream in = DemoWorld.class.getResourceAsStream("productions/streaming.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Map<String, ProductionState> states() throws SQLException {
        return new ProductionRegistry(world.catalogs().ledger(), world.catalogs().retry()).all().stream()
                .collect(Collectors.toMap(ProductionRecord::name, ProductionRecord::state));
    }

    /** The slice with the most live jobs: not every slice's runs are ready at the first pass. */
    private int busiest() throws SQLException {
        int busiest = 1;
        for (int i = 2; i <= PRODUCTIONS; i++) {
            busiest = liveJobsOf(name(i)) > liveJobsOf(name(busiest)) ? i : busiest;
        }
        return busiest;
    }

    private long liveJobs() throws SQLException {
        long live = 0;
        for (int i = 1; i <= PRODUCTIONS; i++) {
            live += liveJobsOf(name(i));
        }
        return live;
    }

    private long liveJobsOf(String production) throws SQLException {
        return LocalWorlds.ledgerRows(world, production).stream().filter(r -> r.state().isLive()).count();
    }

    private long auditCount(String action) throws SQLException {
        return Long.parseLong(audit("SELECT count(*) FROM audit_log WHERE action = ?", action).orElse("0"));
    }

    private String auditDetail(String action) throws SQLException {
        return audit("SELECT detail FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1", action).orElse("");
    }

    private Optional<String> audit(String sql, String action) throws SQLException {
        try (Connection c = world.catalogs().ledger().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, action);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
